import json
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from werkzeug import Request, Response

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article
from sinmun.syndication import services, signals

HOUR = timedelta(hours=1)


def test_publishing_posts_the_permalink_to_indexnow(
    httpserver, paper, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/indexnow", method="POST").respond_with_data(
        "", status=202
    )
    with (
        override_settings(
            SINMUN_INDEXNOW_KEY="abcd1234efgh",
            SINMUN_INDEXNOW_ENDPOINTS=[httpserver.url_for("/indexnow")],
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article = make_article(paper.sections["society"])
    body = json.loads(httpserver.log[0][0].data)
    assert body == {
        "host": "testserver",
        "key": "abcd1234efgh",
        "keyLocation": "http://testserver/abcd1234efgh.txt",
        "urlList": [f"http://testserver/news/{article.pk}"],
    }


@override_settings(SINMUN_INDEXNOW_RETRIES=2, SINMUN_INDEXNOW_BACKOFF_SECONDS=0)
def test_a_failing_endpoint_is_retried_and_never_raises(httpserver):
    httpserver.expect_request("/indexnow").respond_with_data("", status=503)
    with override_settings(
        SINMUN_INDEXNOW_KEY="abcd1234efgh",
        SINMUN_INDEXNOW_ENDPOINTS=[
            httpserver.url_for("/indexnow"),
            "http://127.0.0.1:9/unreachable",
        ],
    ):
        assert services.notify_indexnow(urls=["http://testserver/news/1"]) == 0
    assert len(httpserver.log) == 3


def test_indexnow_is_off_without_a_key(
    httpserver, paper, django_capture_on_commit_callbacks
):
    with (
        override_settings(SINMUN_INDEXNOW_ENDPOINTS=[httpserver.url_for("/indexnow")]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        make_article(paper.sections["society"])
    assert httpserver.log == []


def test_key_file_is_served_only_for_the_configured_key(client, paper):
    assert client.get("/abcd1234efgh.txt").status_code == 404
    with override_settings(SINMUN_INDEXNOW_KEY="abcd1234efgh"):
        response = client.get("/abcd1234efgh.txt")
        assert response.text == "abcd1234efgh"
        assert client.get("/zzzz1234efgh.txt").status_code == 404


def schedule(section, title: str, go_live_at) -> ArticlePage:
    """Schedule a story as the desk does: publish a revision whose go-live is ahead."""
    article = make_article(section, title=title, publish=False, go_live_at=go_live_at)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    return article


@pytest.fixture
def indexnow(httpserver, settings):
    settings.SINMUN_INDEXNOW_KEY = "abcd1234efgh"
    settings.SINMUN_INDEXNOW_ENDPOINTS = [httpserver.url_for("/indexnow")]
    return httpserver


def pinged_urls(httpserver) -> list[list[str]]:
    return [json.loads(request.data)["urlList"] for request, _ in httpserver.log]


def test_scheduling_an_embargoed_story_tells_nobody(
    indexnow, paper, django_capture_on_commit_callbacks
):
    indexnow.expect_request("/indexnow").respond_with_data("", status=202)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(paper.sections["society"], "엠바고 기사", timezone.now() + HOUR)
    assert indexnow.log == []


def test_the_scheduler_publishing_it_sends_one_ping_with_its_url(
    indexnow, paper, django_capture_on_commit_callbacks
):
    indexnow.expect_request("/indexnow").respond_with_data("", status=202)
    go_live = timezone.now() + HOUR
    with django_capture_on_commit_callbacks(execute=True):
        article = schedule(paper.sections["society"], "엠바고 기사", go_live)
    with (
        time_machine.travel(go_live + timedelta(minutes=1), tick=True),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("run_scheduler", once=True, job=["publish_scheduled"])
    article.refresh_from_db()
    assert article.live
    assert pinged_urls(indexnow) == [[f"http://testserver/news/{article.pk}"]]


def test_five_due_stories_go_live_and_share_one_ping_to_a_slow_endpoint(
    indexnow, paper, django_capture_on_commit_callbacks
):
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("", status=202)

    indexnow.expect_request("/indexnow").respond_with_handler(slow)
    go_live = timezone.now() + HOUR
    with django_capture_on_commit_callbacks(execute=True):
        articles = [
            schedule(paper.sections["economy"], f"예약 기사 {n}", go_live)
            for n in range(5)
        ]
    with (
        time_machine.travel(go_live + timedelta(minutes=1), tick=True),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        call_command("run_scheduler", once=True, job=["publish_scheduled"])
    assert all(
        a.live for a in ArticlePage.objects.filter(pk__in=[a.pk for a in articles])
    )
    [urls] = pinged_urls(indexnow)
    assert sorted(urls) == sorted(f"http://testserver/news/{a.pk}" for a in articles)
    # The ping was queued once, after the loop, not once per story inside it.
    from_indexnow = [c for c in callbacks if c.__module__ == signals.__name__]
    assert len(from_indexnow) == 1


def test_withdrawing_a_story_pings_at_once(
    indexnow, paper, django_capture_on_commit_callbacks
):
    indexnow.expect_request("/indexnow").respond_with_data("", status=202)
    article = make_article(paper.sections["society"])
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert pinged_urls(indexnow) == [[f"http://testserver/news/{article.pk}"]]


def test_urls_of_two_sites_go_in_one_request_per_site(indexnow):
    indexnow.expect_request("/indexnow").respond_with_data("", status=202)
    accepted = services.notify_indexnow(
        urls=["http://a.example/news/1", "https://b.example/news/2"]
    )
    assert accepted == 2
    bodies = sorted(
        (json.loads(r.data) for r, _ in indexnow.log), key=lambda b: b["host"]
    )
    assert [(b["host"], b["keyLocation"], b["urlList"]) for b in bodies] == [
        ("a.example", "http://a.example/abcd1234efgh.txt", ["http://a.example/news/1"]),
        (
            "b.example",
            "https://b.example/abcd1234efgh.txt",
            ["https://b.example/news/2"],
        ),
    ]
