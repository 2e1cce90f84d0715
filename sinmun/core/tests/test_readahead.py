"""Reading a page's site-wide cache keys in one round trip, against a real redis-server."""

import pytest
from django.test import Client

from sinmun.core import readahead

pytestmark = pytest.mark.django_db


def commands(cache) -> int:
    """Return how many commands the test's redis-server has run (INFO commandstats)."""
    stats = cache.client.get_client(write=True).info("commandstats")
    return sum(v["calls"] for k, v in stats.items() if k != "cmdstat_info")


def test_keys_read_ahead_cost_no_more_round_trips(redis_cache):
    redis_cache.set("sinmun:test:tree", ["정치", "사회"])
    redis_cache.set("sinmun:test:versioned", "두 번째", version=2)
    before = commands(redis_cache)
    with redis_cache.reading_ahead(
        ["sinmun:test:tree", "sinmun:test:none", ("sinmun:test:versioned", 2)]
    ):
        assert redis_cache.get("sinmun:test:tree") == ["정치", "사회"]
        assert redis_cache.get("sinmun:test:none", "없음") == "없음"
        assert redis_cache.get("sinmun:test:versioned", version=2) == "두 번째"
        assert redis_cache.get_many(["sinmun:test:tree", "sinmun:test:none"]) == {
            "sinmun:test:tree": ["정치", "사회"]
        }
    assert commands(redis_cache) - before == 1  # the one MGET


def test_a_request_sees_its_own_writes(redis_cache):
    redis_cache.set("sinmun:test:box", "옛 제목")
    with redis_cache.reading_ahead(["sinmun:test:box", "sinmun:test:new"]):
        redis_cache.set("sinmun:test:box", "새 제목")
        assert redis_cache.get("sinmun:test:box") == "새 제목"
        redis_cache.delete("sinmun:test:box")
        assert redis_cache.get("sinmun:test:box") is None
        assert redis_cache.add("sinmun:test:new", 1) is True
        assert redis_cache.get("sinmun:test:new") == 1
        redis_cache.set_many({"sinmun:test:box": "다시"})
        assert redis_cache.get_many(["sinmun:test:box"]) == {"sinmun:test:box": "다시"}
    assert redis_cache.get("sinmun:test:box") == "다시"


def test_nothing_read_ahead_outlives_the_request(redis_cache):
    redis_cache.set("sinmun:test:ticker", "맑음")
    with redis_cache.reading_ahead(["sinmun:test:ticker"]):
        assert redis_cache.get("sinmun:test:ticker") == "맑음"
    redis_cache.client.get_client(write=True).delete(
        redis_cache.make_key("sinmun:test:ticker")
    )  # another process deletes it
    assert redis_cache.get("sinmun:test:ticker") is None


def test_a_down_redis_reads_nothing_ahead(redis_server, redis_cache):
    redis_server.kill()
    with redis_cache.reading_ahead(["sinmun:test:tree"]):
        assert redis_cache.get("sinmun:test:tree", "없음") == "없음"


def test_a_page_reads_the_registered_keys_in_one_round_trip(redis_cache, paper):
    client = Client()
    assert client.get("/").status_code == 200  # fills the cache
    registered = readahead.keys_for(type("R", (), {"_wagtail_site": None})())
    assert len(registered) >= 6
    before = commands(redis_cache)
    assert client.get("/").status_code == 200
    # The front page's site-wide keys and its lineup fragment: two round trips warm.
    assert commands(redis_cache) - before <= 3
