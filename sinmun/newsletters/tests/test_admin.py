"""Subscribers' addresses are for the desk only; the desk previews today's letter."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from sinmun.articles.tests.factories import make_article
from sinmun.newsletters import services
from sinmun.newsletters.models import Edition
from sinmun.newsletters.tests.factories import make_subscriber, pin_top_story
from sinmun.tips.tests.factories import ADMINISTRATOR, CHIEF, DESK, REPORTER, make_user

ADDRESS = "minseo@example.com"
TOP = "가람천 둑길 옹벽 붕괴, 산책로 통제"


@pytest.fixture
def newsroom(paper):
    make_subscriber(ADDRESS)
    pin_top_story(paper.home, make_article(paper.sections["society"], title=TOP))
    return paper


def as_user(username, *roles):
    client = Client()
    client.force_login(make_user(username, *roles))
    return client


def refused(response) -> bool:
    """Wagtail refuses with a 403, a redirect to the dashboard or (no admin access) to login."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"].split("?")[0] in ("/admin/", "/admin/login/")
    )


URLS = ["/admin/newsletters/subscribers/", "/admin/newsletters/preview/"]


@pytest.mark.parametrize("roles", [(DESK,), (CHIEF,)])
def test_the_desk_lists_subscribers_and_previews_the_letter(newsroom, roles):
    client = as_user("desk1", *roles)
    listing = client.get("/admin/newsletters/subscribers/")
    assert listing.status_code == 200
    assert ADDRESS in listing.text
    assert "구독 중" in listing.text
    preview = client.get("/admin/newsletters/preview/")
    assert preview.status_code == 200
    assert TOP in preview.text
    assert "no-store" in preview["Cache-Control"]
    text = client.get("/admin/newsletters/preview/?format=text")
    assert TOP in text.text
    assert text["Content-Type"].startswith("text/plain")
    # Previewing sends nothing and records no edition.
    assert not Edition.objects.exists()


@pytest.mark.parametrize("roles", [(REPORTER,), (ADMINISTRATOR,), ()])
def test_others_never_see_subscribers(newsroom, roles):
    client = as_user("someone", *roles)
    for url in URLS:
        response = client.get(url)
        assert refused(response), url
        assert ADDRESS not in response.content.decode()
    pk = make_subscriber("other@example.com").pk
    assert refused(client.get(f"/admin/newsletters/subscribers/inspect/{pk}/"))
    assert refused(client.get(f"/admin/newsletters/subscribers/edit/{pk}/"))


def test_a_reporter_has_no_newsletter_menu(newsroom):
    page = as_user("jihoon", REPORTER).get("/admin/")
    assert page.status_code == 200
    assert "/admin/newsletters/" not in page.text


def test_the_editions_list_shows_counts_sent_and_failed(newsroom):
    services.start_due_edition(
        now=datetime(2026, 3, 9, 7, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    )
    response = as_user("chief1", CHIEF).get("/admin/newsletters/editions/")
    assert response.status_code == 200
    assert TOP in response.text
    assert "발송 완료" in response.text
