"""Live updates (실시간 소식) in the admin: reporters post theirs in Korean, the desk may
remove one, and each shows on the story at once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from sinmun.articles.models import ArticleKind, LiveUpdate
from sinmun.articles.tests.factories import make_article, make_live_update
from sinmun.desk.services import DESK, REPORTER
from sinmun.desk.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_story(paper, reporter):
    return make_article(
        paper.sections["politics"],
        title="[실시간] 태풍 북상, 가람시 피해 상황",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
    )


def test_a_reporter_posts_an_update_through_the_korean_admin(
    client, live_story, reporter
):
    client.force_login(make_user("jihoon", REPORTER))
    add = reverse("live_updates:add")
    form = client.get(add)
    assert form.status_code == 200
    html = form.content.decode()
    for label in ("실시간 소식", "실시간 기사", "시각", "기자", "내용", "사진"):
        assert label in html

    at = timezone.localtime().replace(second=0, microsecond=0)
    response = client.post(
        add,
        {
            "article": live_story.pk,
            "published_at": at.strftime("%Y-%m-%d %H:%M"),
            "reporter": reporter.pk,
            "text": "가람천 수위가 경계 단계에 이르렀다.",
        },
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert update.published_at == at
    assert "가람천 수위가 경계 단계에 이르렀다." in client.get(live_story.url).text


def test_an_update_to_a_story_that_is_not_live_coverage_is_refused(
    client, paper, reporter
):
    story = make_article(paper.sections["society"], reporters=[reporter])
    client.force_login(make_user("jihoon", REPORTER))
    response = client.post(
        reverse("live_updates:add"),
        {
            "article": story.pk,
            "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "reporter": reporter.pk,
            "text": "속보",
        },
    )
    assert response.status_code == 200
    # The chooser offers live stories only (limit_choices_to); the model's clean() is
    # the second guard.
    assert "선택가능항목에 없습니다" in response.content.decode()
    assert not LiveUpdate.objects.exists()


def test_only_the_desk_removes_an_update(client, live_story, reporter):
    update = make_live_update(live_story, reporter, text="잘못 올린 소식")
    delete = reverse("live_updates:delete", args=[update.pk])

    client.force_login(make_user("jihoon", REPORTER))
    assert client.post(delete).status_code in (302, 403)
    assert LiveUpdate.objects.filter(pk=update.pk).exists()

    client.force_login(make_user("desk", DESK))
    assert client.post(delete).status_code == 302
    assert not LiveUpdate.objects.filter(pk=update.pk).exists()
