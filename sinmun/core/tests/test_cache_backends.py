"""The Redis cache behind its circuit breaker, against a real redis-server stopped and killed."""

import logging
import time

import pytest
from django.core.cache import cache

from sinmun.articles.tests.factories import make_article
from sinmun.core import cache_backends
from sinmun.core.tests.redis_server import RedisServer

pytestmark = pytest.mark.django_db

# Long enough that no cooldown ends within one page render on a busy machine; the probe
# after a cooldown is tested with a clock (test_breaker_warns_once_a_minute...).
COOLDOWN = 1.0
LOGGER = "sinmun.core.cache_backends"


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.kill()


@pytest.fixture
def redis_cache(settings, redis_server):
    """Point the default cache at the spare server, with a short cooldown."""
    cache_backends._breakers.clear()  # a fresh process's breakers
    settings.CACHES = redis_server.cache_settings()
    settings.SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS = COOLDOWN
    yield cache
    cache_backends._breakers.clear()


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


def test_open_breaker_answers_misses_and_no_op_writes(redis_server, redis_cache):
    redis_cache.set("sinmun:test:kept", "보관")
    redis_server.kill()
    assert redis_cache.get("sinmun:test:kept", "없음") == "없음"  # opens the breaker
    breaker = redis_cache.breaker
    before = breaker.attempts
    assert redis_cache.get_many(["sinmun:test:kept"]) == {}
    redis_cache.set("sinmun:test:kept", "새 값")
    redis_cache.set_many({"sinmun:test:a": 1})
    redis_cache.delete("sinmun:test:kept")
    assert redis_cache.add("sinmun:test:b", 1) is None
    assert redis_cache.ping() is False
    assert breaker.attempts == before
    assert breaker.skipped >= 6


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_breaker_warns_once_a_minute_and_lets_one_probe_through(settings, caplog):
    settings.SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS = 5
    clock = Clock()
    breaker = cache_backends.CircuitBreaker("127.0.0.1:1", clock=clock)
    caplog.set_level(logging.INFO, logger=LOGGER)

    for _ in range(30):  # a failure every 2 s for a minute
        if breaker.allow():
            breaker.failed(OSError("refused"))
        clock.now += 2
    assert len(warnings_logged(caplog)) == 1
    assert breaker.failures == 10  # one probe per 5 s cooldown, not one per call
    clock.now += 2
    assert breaker.allow()  # a minute later: the probe, and a second warning
    breaker.failed(OSError("refused"))
    assert len(warnings_logged(caplog)) == 2

    clock.now += 5
    assert breaker.allow()  # the probe
    assert not breaker.allow() or breaker.state == cache_backends.HALF_OPEN
    breaker.succeeded()
    assert breaker.state == cache_backends.CLOSED
    assert breaker.allow()
