from datetime import timedelta

import pytest
from django.core.cache import cache

from sinmun.weather import selectors
from sinmun.weather.models import FetchLog, Station
from sinmun.weather.tests.conftest import HOUR, NOW
from sinmun.weather.tests.factories import observe

pytestmark = pytest.mark.django_db


def texts(ticker) -> list[str]:
    return [item.text for item in ticker.items]


def test_items_follow_the_configured_order_with_one_decimal():
    observe(294, HOUR, 21.0, "맑음")
    observe(98, HOUR, 26.0, "맑음")
    observe(159, HOUR, 21, "구름조금")
    observe(105, HOUR, -3.25, "눈")
    ticker = selectors.current_ticker(NOW)
    assert texts(ticker) == [
        "맑음동두천 26.0℃",
        "눈강릉 -3.2℃",
        "구름조금부산 21.0℃",
        "맑음거제 21.0℃",
    ]
    assert str(ticker.items[0]) == "맑음동두천 26.0℃"
    assert ticker.observed_at == HOUR


def test_editors_order_and_deactivation_are_respected():
    for number in (98, 108, 159):
        observe(number, HOUR, 10.0)
    Station.objects.filter(number=159).update(ticker_order=0)
    Station.objects.filter(number=98).update(is_active=False)
    assert [item.name for item in selectors.current_ticker(NOW).items] == [
        "부산",
        "서울",
    ]


def test_only_the_latest_observation_per_station_is_shown():
    observe(108, HOUR - timedelta(hours=1), 7.0, "흐림")
    observe(108, HOUR, 8.4, "구름조금")
    assert texts(selectors.current_ticker(NOW)) == ["구름조금서울 8.4℃"]


def test_a_station_older_than_three_hours_is_hidden():
    observe(108, NOW - timedelta(hours=3), 8.4)
    observe(159, NOW - timedelta(hours=3, seconds=1), 14.6)
    assert [item.name for item in selectors.current_ticker(NOW).items] == ["서울"]


def test_newest_time_among_items_is_the_tickers_time():
    observe(108, HOUR - timedelta(hours=2), 8.4)
    observe(159, HOUR - timedelta(hours=1), 14.6)
    assert selectors.current_ticker(NOW).observed_at == HOUR - timedelta(hours=1)


def test_missing_temperature_falls_back_to_the_previous_hour_or_hides():
    observe(108, HOUR - timedelta(hours=1), 7.9, "흐림")
    observe(108, HOUR, None, "구름조금")
    observe(159, HOUR, None, "맑음")
    assert texts(selectors.current_ticker(NOW)) == ["흐림서울 7.9℃"]


def test_missing_sky_word_shows_name_and_temperature_only():
    observe(98, HOUR, 7.1, "")
    assert texts(selectors.current_ticker(NOW)) == ["동두천 7.1℃"]


def test_no_fresh_data_means_no_ticker():
    assert selectors.current_ticker(NOW) is None
    observe(108, NOW - timedelta(hours=4), 8.4)
    assert selectors.current_ticker(NOW) is None


def test_current_ticker_costs_one_query(django_assert_num_queries):
    for number in (98, 108, 159, 294):
        observe(number, HOUR - timedelta(hours=1), 1.0)
        observe(number, HOUR, 2.0)
    with django_assert_num_queries(1):
        assert len(selectors.current_ticker(NOW).items) == 4


def test_cached_ticker_is_computed_once_including_no_ticker(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.cached_ticker() is None
        assert selectors.cached_ticker() is None
    selectors.forget_ticker()
    observe(108, HOUR, 8.4)
    with django_assert_num_queries(1):
        first = selectors.cached_ticker()
        assert selectors.cached_ticker() == first
    assert cache.get(selectors.TICKER_KEY) == (first,)


def test_fetch_health_tells_last_success_from_last_failure():
    assert selectors.fetch_health().last_attempt is None
    assert not selectors.fetch_health().is_failing
    ok = FetchLog.objects.create(started_at=NOW, source="api", status="ok", stored=16)
    health = selectors.fetch_health()
    assert (health.last_success, health.is_failing) == (ok, False)
    failed = FetchLog.objects.create(
        started_at=NOW + timedelta(minutes=10),
        source="api",
        status="failed",
        message="HTTP 500",
    )
    health = selectors.fetch_health()
    assert (health.last_attempt, health.last_failure, health.is_failing) == (
        failed,
        failed,
        True,
    )
