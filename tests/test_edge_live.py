"""The edge and live coverage (실시간): a new update purges the story's page and its poll,
and nothing else; ending the coverage is a publish like any other."""

import pytest
from django.utils import timezone

from sinmun.articles.models import ArticleKind
from sinmun.articles.tests.factories import make_article, make_live_update
from sinmun.core import edge
from tests.test_edge import purge_at, purged

pytestmark = pytest.mark.django_db


@pytest.fixture
def edge_server(httpserver, settings):
    """A local server standing in for the edge's purge endpoint (as in test_edge)."""
    httpserver.expect_request("/", method="PURGE").respond_with_data("purged")
    purge_at(settings, httpserver)
    return httpserver


@pytest.fixture
def live_story(paper, reporter):
    return make_article(
        paper.sections["politics"],
        title="[실시간] 태풍 북상, 가람시 피해 상황",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
    )


def test_a_new_update_purges_the_live_key_only(
    edge_server, live_story, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_live_update(live_story, reporter, text="가람천 수위 경계 단계")

    assert purged(edge_server) == [{edge.live(live_story.pk)}]


def test_correcting_or_removing_an_update_purges_it_too(
    edge_server, live_story, reporter, django_capture_on_commit_callbacks
):
    update = make_live_update(live_story, reporter, text="가람천 수위 주의")
    edge_server.clear_log()
    with django_capture_on_commit_callbacks(execute=True):
        update.text = "가람천 수위 경계"
        update.save()
    with django_capture_on_commit_callbacks(execute=True):
        update.delete()

    assert purged(edge_server) == [{edge.live(live_story.pk)}] * 2


def test_an_update_to_an_unpublished_story_purges_nothing(
    edge_server, paper, reporter, django_capture_on_commit_callbacks
):
    draft = make_article(
        paper.sections["politics"], kind=ArticleKind.LIVE, publish=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_live_update(draft, reporter, text="준비 중")
    assert purged(edge_server) == []


def test_ending_the_coverage_purges_the_story_and_so_its_poll(
    client, edge_server, live_story, django_capture_on_commit_callbacks
):
    poll = client.get(f"/news/{live_story.pk}/live")
    assert edge.article(live_story.pk) in poll[edge.KEY_HEADER].split()

    live_story.live_ended_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        live_story.save_revision().publish()

    [keys] = purged(edge_server)
    assert edge.article(live_story.pk) in keys
