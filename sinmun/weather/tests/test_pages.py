"""The ticker on reader pages: rendered from storage only, cheap, and never waiting on KMA."""

import logging
import re
import statistics
import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from sinmun.weather import selectors
from sinmun.weather.models import FetchLog, Observation
from sinmun.weather.tests.factories import observe, this_hour
from sinmun.weather.tests.kma import make_body

pytestmark = pytest.mark.django_db
logger = logging.getLogger(__name__)


def ticker_html(html: str) -> str:
    match = re.search(r'<aside class="weather-ticker".*?</aside>', html, re.S)
    assert match, "the page has no weather ticker"
    return match.group(0)


@pytest.fixture
def observed(paper):
    hour = this_hour()
    observe(98, hour, 26.0, "맑음")
    observe(105, hour, 28.0, "구름많음")
    observe(159, hour, 21.0, "구름조금")
    observe(294, hour, 21.0, "맑음")
    return hour


def test_front_page_shows_the_ticker_in_station_order(client, observed):
    aside = ticker_html(client.get("/").text)
    items = re.findall(r'<li class="weather-ticker-item">(.*?)</li>', aside)
    assert items == [
        "맑음동두천 26.0℃",
        "구름많음강릉 28.0℃",
        "구름조금부산 21.0℃",
        "맑음거제 21.0℃",
    ]
    local = timezone.localtime(observed)
    assert f'datetime="{local.isoformat()}"' in aside
    assert "<script" not in aside
    assert "style=" not in aside


def test_ticker_credits_kma_and_shows_the_hour_in_korean(client, observed):
    # Needs the msgids in sinmun/weather/TRANSLATIONS.txt in the Korean catalogue.
    with translation.override("ko"):
        aside = ticker_html(client.get("/", headers={"accept-language": "ko"}).text)
    assert 'aria-label="날씨"' in aside
    assert f"{timezone.localtime(observed):%H:%M} 기준" in aside
    assert "기상청 제공" in aside


def test_ticker_appears_on_section_pages_too(client, observed, paper):
    aside = ticker_html(client.get(paper.sections["economy"].url).text)
    assert "맑음동두천 26.0℃" in aside


def test_stale_station_is_hidden_and_fresh_ones_stay(client, paper):
    now = timezone.now()
    observe(108, now - timedelta(hours=3, minutes=1), 8.4, "구름조금")
    observe(159, now - timedelta(hours=2, minutes=59), 14.6, "맑음")
    aside = ticker_html(client.get("/").text)
    assert "맑음부산 14.6℃" in aside
    assert "서울" not in aside


def test_no_data_hides_the_ticker(client, paper):
    observe(108, timezone.now() - timedelta(hours=5), 8.4)
    html = client.get("/").text
    assert "weather-ticker" not in html
    assert client.get("/").status_code == 200


def test_sample_loaded_by_the_command_shows_on_the_front_page(client, paper, settings):
    settings.SINMUN_KMA_API_KEY = ""
    call_command("fetch_weather", stdout=StringIO())
    aside = ticker_html(client.get("/").text)
    assert len(re.findall(r'class="weather-ticker-item"', aside)) == 16
    assert "맑음동두천 7.1℃" in aside
    assert "비고창 10.3℃" in aside


def test_ticker_adds_one_query_cold_and_none_warm(client, observed):
    client.get("/")
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/").status_code == 200
    selectors.forget_ticker()
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/").status_code == 200

    def weather(queries):
        return [q for q in queries.captured_queries if "weather_" in q["sql"]]

    assert weather(warm) == []
    assert len(weather(cold)) == 1
    assert len(cold) == len(warm) + 1
    assert len(warm) <= 12  # the front page's budget (frontpage tests)


def test_templates_that_do_not_show_the_ticker_cost_no_query(
    paper, django_assert_num_queries
):
    request = RequestFactory().get("/")
    template = engines["django"].from_string("<p>{{ 1|add:1 }}</p>")
    with django_assert_num_queries(0):
        assert template.render({}, request) == "<p>2</p>"


def test_front_page_does_not_wait_for_a_hanging_kma(
    client, observed, kma, kma_settings
):
    """Render the front page while fetch_weather hangs on KMA in another thread."""
    kma_settings.SINMUN_KMA_TIMEOUT_SECONDS = (
        5  # short, but longer than the measurement
    )
    kma_settings.SINMUN_KMA_RETRIES = 0
    kma.hang(30, then=make_body(at=observed))
    client.get("/")  # warm the caches the page would have in production

    def render_times(count=15, budget=2.0) -> list[float]:
        times, deadline = [], time.monotonic() + budget
        while len(times) < count and time.monotonic() < deadline:
            started = time.perf_counter()
            response = client.get("/")
            times.append(time.perf_counter() - started)
            assert response.status_code == 200
            assert "맑음동두천 26.0℃" in response.text
        return times

    baseline = render_times()
    errors: list[BaseException] = []
    main = connections["default"]
    main.inc_thread_sharing()  # as Django's live server does for in-memory SQLite

    def job():
        connections["default"] = main
        try:
            call_command("fetch_weather", stdout=StringIO())
        except BaseException as error:  # noqa: BLE001 - reported to the test thread
            errors.append(error)

    worker = threading.Thread(target=job)
    worker.start()
    try:
        assert kma.hanging.wait(5), "fetch_weather never reached the fake KMA"
        during = render_times()
        assert worker.is_alive(), (
            "the job stopped hanging before the renders were timed"
        )
    finally:
        kma.release.set()
        worker.join(10)
        main.dec_thread_sharing()
    assert not worker.is_alive()
    assert errors == []
    base_ms, during_ms = (
        statistics.median(baseline) * 1000,
        statistics.median(during) * 1000,
    )
    logger.info(
        "front page median %.1f ms before, %.1f ms while KMA hangs (%d and %d renders)",
        base_ms,
        during_ms,
        len(baseline),
        len(during),
    )
    assert len(during) >= 5
    assert abs(during_ms - base_ms) <= 50
    # Released, KMA answered: the job stored the 12 stations it did not have yet.
    assert FetchLog.objects.get().status == "ok"
    assert Observation.objects.filter(observed_at=observed).count() == 16
    assert cache.get(selectors.TICKER_KEY) is None
