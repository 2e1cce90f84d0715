"""Live coverage (실시간): updates by several reporters, newest first, and the readers' poll."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from sinmun.articles.models import ArticleKind, LiveUpdate
from sinmun.articles.tests.factories import make_article, make_live_update, make_photo
from sinmun.core import edge
from sinmun.newsroom.tests.factories import ReporterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_story(paper, reporter):
    return make_article(
        paper.sections["politics"],
        title="[실시간] 가람시장 보궐선거 개표 상황",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
    )


@pytest.fixture
def updates(live_story, reporter):
    colleague = ReporterFactory(name="최서연", slug="choi-seoyeon")
    now = timezone.now()
    return [
        make_live_update(
            live_story,
            reporter,
            text="개표율 10%, 두 후보 접전",
            at=now - timedelta(hours=1),
        ),
        make_live_update(
            live_story,
            colleague,
            text="개표율 50%, 김 후보 앞서",
            at=now - timedelta(minutes=10),
            photo=make_photo(caption="개표소 모습", credit="가람일보 오태양 기자"),
        ),
    ]


def live_url(story) -> str:
    return reverse("articles:live", args=[story.pk])


def test_page_lists_updates_newest_first_with_time_and_reporter(
    client, live_story, updates
):
    html = client.get(live_story.url).text
    newest = html.index("개표율 50%, 김 후보 앞서")
    oldest = html.index("개표율 10%, 두 후보 접전")

    assert newest < oldest
    assert "최서연 기자" in html
    assert f'id="update-{updates[1].pk}"' in html
    assert timezone.localtime(updates[1].published_at).strftime("%H:%M") in html
    assert f'data-poll-url="{live_url(live_story)}"' in html
    assert "js/live.js" in html


def test_ended_coverage_says_so_and_does_not_poll(client, live_story, updates):
    live_story.live_ended_at = timezone.now()
    live_story.save_revision().publish()
    html = client.get(live_story.url).text

    assert "실시간 중계는" in html
    assert "data-poll-url" not in html
    assert "js/live.js" not in html
    assert client.get(live_url(live_story)).json()["ended"] is True


def test_poll_answers_the_updates_as_html_and_is_cacheable(
    client, live_story, updates, django_assert_max_num_queries
):
    client.get(live_url(live_story))  # renditions made
    with django_assert_max_num_queries(5):
        response = client.get(live_url(live_story))
    data = response.json()

    assert data["ended"] is False
    assert data["count"] == 2
    assert data["newest"] == updates[1].pk
    assert data["html"].index("개표율 50%") < data["html"].index("개표율 10%")
    assert "public" in response["Cache-Control"]
    assert "s-maxage=60" in response["Cache-Control"]
    keys = set(response[edge.KEY_HEADER].split())
    assert {edge.live(live_story.pk), edge.article(live_story.pk)} <= keys


def test_poll_stamp_changes_when_an_update_is_corrected(client, live_story, updates):
    before = client.get(live_url(live_story)).json()["stamp"]
    LiveUpdate.objects.filter(pk=updates[0].pk).update(
        text="개표율 10%, 두 후보 초접전",
        updated_at=timezone.now() + timedelta(seconds=5),
    )
    after = client.get(live_url(live_story)).json()

    assert after["stamp"] != before
    assert "초접전" in after["html"]


def test_live_page_carries_its_live_key(client, live_story):
    response = client.get(live_story.url)
    assert edge.live(live_story.pk) in response[edge.KEY_HEADER].split()


def test_only_a_live_story_has_a_poll(client, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    assert client.get(live_url(story)).status_code == 404
    assert client.get(reverse("articles:live", args=[999999])).status_code == 404


def test_unpublished_live_story_has_no_poll(client, live_story):
    live_story.unpublish()
    assert client.get(live_url(live_story)).status_code == 404


def test_an_update_belongs_to_a_live_story(paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    update = LiveUpdate(article=story, reporter=reporter, text="속보")
    with pytest.raises(ValidationError) as error:
        update.full_clean()
    assert "article" in error.value.message_dict


def test_only_live_coverage_can_end(paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    story.live_ended_at = timezone.now()
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "live_ended_at" in error.value.message_dict


def test_live_page_stays_within_the_article_query_budget(
    client, live_story, updates, django_assert_max_num_queries
):
    client.get(live_story.url)  # renditions made, shared caches filled
    with django_assert_max_num_queries(14):  # the article's 12, plus the updates
        response = client.get(live_story.url)
    assert response.status_code == 200
