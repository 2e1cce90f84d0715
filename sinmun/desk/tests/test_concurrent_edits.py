"""Two editors saving the same story: no edit is lost, and the later one is told."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from sinmun.articles.tests.factories import make_article
from sinmun.desk.services import DESK
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.forms import article_edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(paper):
    article = make_article(paper.sections["society"], title="가람시 버스 노선 개편")
    clients = []
    for name in ("desk-kim", "desk-lee"):
        client = Client()
        client.force_login(make_user(name, DESK, first_name=name))
        clients.append(client)
    return article, clients


def open_editor(client, article) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    return article_edit_data(response.content.decode(), article)


def save(client, article, data, **action):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {**data, **action}
    )


def warnings(response) -> list[str]:
    return [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"
    ]


def test_the_later_publish_is_held_back_and_both_versions_are_kept(two_editors):
    article, (first, second) = two_editors
    form_first = open_editor(first, article)
    form_second = open_editor(second, article)

    form_first["title"] = "가람시 버스 노선 개편, 다음 달 시행"
    save(first, article, form_first, **{"action-publish": "action-publish"})
    form_second["subtitle"] = "18개 노선 조정"
    response = save(
        second, article, form_second, **{"action-publish": "action-publish"}
    )

    article.refresh_from_db()
    revisions = list(article.revisions.order_by("pk"))
    titles = [r.content["title"] for r in revisions]
    subtitles = [r.content["subtitle"] for r in revisions]
    # The first editor's version went live; the second's is kept as the newest draft.
    assert article.live
    assert article.title == "가람시 버스 노선 개편, 다음 달 시행"
    assert article.subtitle == ""
    assert "가람시 버스 노선 개편, 다음 달 시행" in titles
    assert subtitles[-1] == "18개 노선 조정"
    assert article.has_unpublished_changes
    # ... and the second editor is told, with a link to compare the two.
    [warning] = warnings(response)
    assert "desk-kim" in warning
    assert "/revisions/compare/" in warning


def test_a_later_draft_save_is_kept_and_warned(two_editors):
    article, (first, second) = two_editors
    form_first = open_editor(first, article)
    form_second = open_editor(second, article)

    form_first["title"] = "첫 번째 편집자의 제목"
    save(first, article, form_first)
    form_second["title"] = "두 번째 편집자의 제목"
    response = save(second, article, form_second)

    article.refresh_from_db()
    titles = [r.content["title"] for r in article.revisions.order_by("pk")]
    assert titles[-2:] == ["첫 번째 편집자의 제목", "두 번째 편집자의 제목"]
    assert len(warnings(response)) == 1


def test_no_warning_without_a_conflict(two_editors):
    article, (first, _) = two_editors
    form = open_editor(first, article)
    form["title"] = "혼자 고친 제목"
    response = save(first, article, form, **{"action-publish": "action-publish"})
    article.refresh_from_db()
    assert article.title == "혼자 고친 제목"
    assert warnings(response) == []


def autosave(client, article, data):
    """What the editor's autosave sends: the form as it stands, asking for JSON."""
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        data,
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["success"], response.json()
    return response.json()


def test_the_editors_own_autosave_does_not_hold_back_their_publish(two_editors):
    """A normal submit does not carry the autosave's revision id; it is still no conflict."""
    article, (first, _) = two_editors
    form = open_editor(first, article)
    form["title"] = "자동 저장 중인 제목"
    autosave(first, article, form)
    form["title"] = "편집국장이 고친 제목"
    response = save(first, article, form, **{"action-publish": "action-publish"})

    article.refresh_from_db()
    assert article.title == "편집국장이 고친 제목"
    assert not article.has_unpublished_changes
    assert warnings(response) == []


def test_the_editors_other_tab_is_not_another_editor(two_editors):
    article, (first, _) = two_editors
    tab_one = open_editor(first, article)
    tab_two = open_editor(first, article)
    tab_one["subtitle"] = "첫 탭에서 저장"
    save(first, article, tab_one)
    tab_two["title"] = "둘째 탭에서 게시"
    response = save(first, article, tab_two, **{"action-publish": "action-publish"})

    article.refresh_from_db()
    assert article.title == "둘째 탭에서 게시"
    assert not article.has_unpublished_changes
    assert warnings(response) == []


def test_another_editors_autosave_still_holds_back_the_publish(two_editors):
    article, (first, second) = two_editors
    form_first = open_editor(first, article)
    form_second = open_editor(second, article)
    form_first["title"] = "첫 편집자가 자동 저장한 제목"
    autosave(first, article, form_first)
    form_second["title"] = "두 번째 편집자의 제목"
    response = save(
        second, article, form_second, **{"action-publish": "action-publish"}
    )

    article.refresh_from_db()
    assert (
        article.title == "가람시 버스 노선 개편"
    )  # nothing published over the autosave
    assert article.get_latest_revision_as_object().title == "두 번째 편집자의 제목"
    [warning] = warnings(response)
    assert "desk-kim" in warning
    assert "게시하거나 다음 단계로 넘기지 않았습니다" in warning
