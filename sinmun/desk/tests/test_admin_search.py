"""The admin's page and photo search (Wagtail's autocomplete) on the Korean backend."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage

from sinmun.articles.tests.factories import make_article
from sinmun.desk.services import REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.images.models import Photo

pytestmark = pytest.mark.django_db


def make_photo(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6").save(buffer, "PNG")
    return Photo.objects.create(
        title=title, file=ImageFile(buffer, name="photo.png"), width=40, height=30
    )


@pytest.mark.parametrize("role", ["superuser", REPORTER])
def test_the_admin_page_search_answers_with_the_story(
    client, paper, role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the search-index task
        story = make_article(paper.sections["society"], title="시의회 예산 심사 착수")
        make_article(paper.sections["economy"], title="항만 물동량 집계")
    user = (
        make_user("searcher", is_superuser=True)
        if role == "superuser"
        else make_user("searcher", role)
    )
    client.force_login(user)

    for query in ("예산", "시의회 예산", "시의"):
        response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
        assert response.status_code == 200, query
        assert story.title in response.content.decode(), query
        assert "항만 물동량" not in response.content.decode()

    nothing = client.get(reverse("wagtailadmin_pages:search"), {"q": "없는낱말"})
    assert nothing.status_code == 200


def test_the_admin_photo_search_answers_with_the_photo(
    client, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_photo("시의회 본회의장 전경")
        make_photo("항만 크레인")
    client.force_login(make_user("searcher", is_superuser=True))

    for query in ("본회의장", "시의회"):
        response = client.get(reverse("wagtailimages:index"), {"q": query})
        assert response.status_code == 200, query
        assert "시의회 본회의장 전경" in response.content.decode(), query
        assert "항만 크레인" not in response.content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose"), {"q": "시의회"})
    assert chooser.status_code == 200
    assert "시의회 본회의장 전경" in chooser.json()["html"]
