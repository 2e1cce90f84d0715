"""The circuit breaker of the Redis cache, against a real redis-server and with a clock.

How pages fare when Redis dies or hangs: tests/test_cache_faults.py.
"""

import logging

import pytest

from sinmun.core import cache_backends

pytestmark = pytest.mark.django_db

LOGGER = "sinmun.core.cache_backends"


def warnings_logged(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == LOGGER and r.levelno == logging.WARNING
    ]


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
