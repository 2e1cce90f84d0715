"""Pages when Redis dies (kill -9) or hangs (kill -STOP): 200s, and at most one round trip each.

A real redis-server on a spare port; the breaker's counters say how many round trips a
request tried (sinmun/core/cache_backends.py).
"""

import logging
import time

import pytest

from sinmun.articles.tests.factories import make_article
from sinmun.core import cache_backends
from sinmun.core.tests.redis_server import COOLDOWN

pytestmark = pytest.mark.django_db

LOGGER = "sinmun.core.cache_backends"


@pytest.fixture
def story(paper, reporter):
    return make_article(
        paper.sections["society"],
        title="가람시, 시내버스 노선 18개 조정",
        reporters=[reporter],
    )


def pages(paper, story):
    return [("/", story.title), ("/society/", story.title), (story.url, story.title)]


def warnings_logged(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == LOGGER and r.levelno == logging.WARNING
    ]


def test_pages_are_cached_in_redis_while_it_answers(client, paper, story, redis_cache):
    for url, text in pages(paper, story):
        assert text in client.get(url).text
    breaker = redis_cache.breaker
    before = breaker.attempts
    for url, text in pages(paper, story):
        assert text in client.get(url).text
    assert breaker.state == cache_backends.CLOSED
    assert breaker.attempts > before  # the warm pages did read Redis
    assert breaker.skipped == 0


def test_dead_redis_costs_each_page_at_most_one_round_trip(
    client, paper, story, redis_server, redis_cache, caplog
):
    for url, _ in pages(paper, story):
        client.get(url)  # warm: fragments in Redis, connections in the pool
    breaker = redis_cache.breaker
    redis_server.kill()
    caplog.set_level(logging.INFO, logger=LOGGER)

    first = client.get(story.url)
    assert first.status_code == 200
    assert story.title in first.text
    assert breaker.state == cache_backends.OPEN

    for _ in range(2):  # two cooldowns: each lets one probe through, which fails
        for url, text in pages(paper, story):
            before = breaker.attempts
            response = client.get(url)
            assert response.status_code == 200
            assert text in response.text
            assert breaker.attempts - before <= 1
        time.sleep(COOLDOWN)
    assert breaker.skipped > 0
    assert len(warnings_logged(caplog)) == 1
    assert not [r for r in caplog.records if r.exc_info]  # no tracebacks


def test_hung_redis_costs_one_timeout_then_nothing_and_recovers(
    client, paper, story, redis_server, redis_cache, caplog
):
    for url, _ in pages(paper, story):
        client.get(url)
    breaker = redis_cache.breaker
    caplog.set_level(logging.INFO, logger=LOGGER)
    redis_server.hang()
    try:
        for url, text in pages(paper, story) * 2:
            before = breaker.attempts
            response = client.get(url)
            assert response.status_code == 200
            assert text in response.text
            assert breaker.attempts - before <= 1
        assert breaker.state == cache_backends.OPEN
        assert len(warnings_logged(caplog)) == 1
    finally:
        redis_server.resume()

    time.sleep(COOLDOWN)
    assert story.title in client.get(story.url).text  # the probe succeeds
    assert breaker.state == cache_backends.CLOSED
    redis_cache.set("sinmun:test:back", "돌아왔다")
    assert redis_cache.get("sinmun:test:back") == "돌아왔다"
    assert "answers again" in caplog.text
