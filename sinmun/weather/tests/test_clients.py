import logging
import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from sinmun.weather.breaker import CircuitBreaker
from sinmun.weather.clients import (
    CircuitOpen,
    KmaApiHubClient,
    SampleFileSource,
    SourceError,
    SourceUnavailable,
    redact,
    source_from_settings,
)
from sinmun.weather.parsing import KST
from sinmun.weather.tests.conftest import API_KEY, HOUR, NOW
from sinmun.weather.tests.kma import ERROR_403, ERROR_500, make_body

STATIONS = [98, 105, 108]
pytestmark = pytest.mark.django_db


def make_client(kma, **kwargs):
    sleeps = []
    options = {
        "api_key": API_KEY,
        "url": kma.url,
        "backfill_url": kma.backfill_url,
        "timeout": 0.5,
        "retries": 2,
        "backoff": 1.0,
        "sleep": sleeps.append,
        "jitter": lambda: 0.5,
    }
    client = KmaApiHubClient(**{**options, **kwargs})
    return client, sleeps


def test_normal_body_is_fetched_with_station_list_and_key(kma):
    kma.serve(make_body(at=HOUR))
    client, sleeps = make_client(kma)
    parsed = client.fetch_latest(STATIONS, now=NOW)
    assert len(parsed.rows) == 16
    (request,) = kma.requests
    assert request.args["stn"] == "98:105:108"
    assert request.args["authKey"] == API_KEY
    assert request.args["help"] == "0"
    assert "tm" not in request.args  # no tm: KMA answers with its latest hour
    assert sleeps == []


def test_403_application_required_is_not_retried(kma):
    kma.serve(ERROR_403.encode(), status=403, content_type="application/json")
    client, sleeps = make_client(kma)
    with pytest.raises(SourceError) as caught:
        client.fetch_latest(STATIONS, now=NOW)
    assert not isinstance(caught.value, SourceUnavailable)
    assert "HTTP 403" in str(caught.value)
    assert "활용신청이 필요한 API" in str(caught.value)
    assert len(kma.requests) == 1
    assert sleeps == []


def test_500_html_is_retried_with_exponential_backoff_and_jitter(kma):
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html")
    client, sleeps = make_client(kma, retries=3, jitter=lambda: 1.0)
    with pytest.raises(SourceUnavailable, match="HTTP 500: an HTML or XML page"):
        client.fetch_latest(STATIONS, now=NOW)
    assert len(kma.requests) == 4
    assert sleeps == [1.0, 2.0, 4.0]


def test_jitter_spreads_the_delay_between_half_and_full(kma):
    kma.serve(ERROR_500.encode(), status=502, content_type="text/html")
    client, sleeps = make_client(kma, retries=1, jitter=lambda: 0.0)
    with pytest.raises(SourceUnavailable):
        client.fetch_latest(STATIONS, now=NOW)
    assert sleeps == [0.5]


def test_a_retry_after_a_500_can_succeed(kma):
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    kma.serve(make_body(at=HOUR))
    client, sleeps = make_client(kma)
    assert len(client.fetch_latest(STATIONS, now=NOW).rows) == 16
    assert len(sleeps) == 1


def test_timeout_is_retried_then_reported(kma):
    kma.hang()
    client, sleeps = make_client(kma, timeout=0.2, retries=1)
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="timed out"):
        client.fetch_latest(STATIONS, now=NOW)
    assert time.monotonic() - started < 2
    assert len(sleeps) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (make_body(at=HOUR, end=False), "truncated"),
        (make_body(at=HOUR)[:700], "truncated"),
    ],
)
def test_empty_and_truncated_bodies_are_retried_then_reported(kma, body, message):
    kma.serve(body)
    client, sleeps = make_client(kma)
    with pytest.raises(SourceUnavailable, match=message):
        client.fetch_latest(STATIONS, now=NOW)
    assert len(kma.requests) == 3
    assert len(sleeps) == 2


def test_unreachable_server_is_reported(kma):
    client, _ = make_client(kma, url="http://127.0.0.1:9/kma_sfctm2.php", retries=0)
    with pytest.raises(SourceUnavailable, match="Could not reach KMA"):
        client.fetch_latest(STATIONS, now=NOW)


def test_backfill_asks_kma_sfctm3_for_the_period(kma):
    kma.serve_backfill(make_body(at=HOUR))
    client, _ = make_client(kma)
    parsed = client.fetch_period(
        STATIONS, start=datetime(2026, 11, 1, 0, 0, tzinfo=KST), end=NOW
    )
    assert len(parsed.rows) == 16
    (request,) = kma.requests
    assert request.path.endswith("kma_sfctm3.php")
    # KMA answers at most 31 days; an earlier start is clamped.
    assert (request.args["tm1"], request.args["tm2"]) == (
        "202611010000",
        "202611271400",
    )
    client.fetch_period(STATIONS, start=NOW - timedelta(days=90), end=NOW)
    assert kma.requests[-1].args["tm1"] == "202610271400"


def test_redact_removes_the_key_in_queries_and_verbatim():
    text = f"GET /x?stn=108&authKey={API_KEY}&help=0 failed; key was {API_KEY}"
    redacted = redact(text, [API_KEY])
    assert API_KEY not in redacted
    assert "authKey=[redacted]&help=0" in redacted
    assert (
        redact("https://a/?serviceKey=abc%2Bdef") == "https://a/?serviceKey=[redacted]"
    )


def test_key_never_appears_in_errors_or_logs(kma, caplog):
    kma.echo_error()  # a gateway that repeats the query string, key and all
    client, _ = make_client(kma)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SourceError) as caught:
        client.fetch_latest(STATIONS, now=NOW)
    assert "HTTP 403" in str(caught.value)
    assert "[redacted]" in str(caught.value)
    assert API_KEY not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    assert caplog.records
    for record in caplog.records:
        assert API_KEY not in record.getMessage()


def test_key_is_redacted_from_retry_logs(kma, caplog):
    kma.serve(f"<html>proxy error for ?authKey={API_KEY}</html>".encode(), status=503)
    client, _ = make_client(kma)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SourceUnavailable):
        client.fetch_latest(STATIONS, now=NOW)
    assert len(caplog.records) == 3  # two retries and the final failure
    assert all(API_KEY not in record.getMessage() for record in caplog.records)


class Clock:
    def __init__(self, at: datetime):
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def test_circuit_opens_after_consecutive_failures_and_half_opens_after_cooldown(kma):
    clock = Clock(timezone.now())
    breaker = CircuitBreaker(
        "test-kma", threshold=2, cooldown=timedelta(minutes=30), clock=clock
    )
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    client, _ = make_client(kma, retries=0, breaker=breaker)
    for _ in range(2):
        with pytest.raises(SourceUnavailable):
            client.fetch_latest(STATIONS, now=NOW)
    with pytest.raises(CircuitOpen, match="paused"):
        client.fetch_latest(STATIONS, now=NOW)
    assert len(kma.requests) == 2  # the open circuit made no call

    clock.at += timedelta(minutes=31)  # half-open: one trial call goes through
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    with pytest.raises(SourceUnavailable):
        client.fetch_latest(STATIONS, now=NOW)
    with pytest.raises(CircuitOpen):  # the failed trial opened it again
        client.fetch_latest(STATIONS, now=NOW)

    clock.at += timedelta(minutes=31)
    kma.serve(make_body(at=HOUR))
    assert len(client.fetch_latest(STATIONS, now=NOW).rows) == 16
    assert breaker.paused_until() is None
    assert len(kma.requests) == 4


def test_success_resets_the_failure_count(kma):
    breaker = CircuitBreaker("test-kma", threshold=2)
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    kma.serve(make_body(at=HOUR), once=True)
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html", once=True)
    client, _ = make_client(kma, retries=0, breaker=breaker)
    with pytest.raises(SourceUnavailable):
        client.fetch_latest(STATIONS, now=NOW)
    client.fetch_latest(STATIONS, now=NOW)
    with pytest.raises(SourceUnavailable):
        client.fetch_latest(STATIONS, now=NOW)
    assert breaker.paused_until() is None  # one failure since the success, not two


def test_sample_source_restamps_rows_to_the_last_full_hour_in_kst():
    parsed = SampleFileSource().fetch_latest(
        [98, 159, 294], now=datetime(2026, 11, 28, 9, 59, 59, tzinfo=KST)
    )
    assert [row.station_number for row in parsed.rows] == [98, 159, 294]
    assert {row.observed_at for row in parsed.rows} == {
        datetime(2026, 11, 28, 9, 0, tzinfo=KST)
    }


def test_sample_source_reports_a_missing_file(tmp_path):
    with pytest.raises(SourceError, match="Could not read the weather sample"):
        SampleFileSource(path=tmp_path / "nothing.txt").fetch_latest([108], now=NOW)


def test_sample_source_reports_a_malformed_file(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_bytes(ERROR_500.encode())
    with pytest.raises(SourceError, match="is malformed"):
        SampleFileSource(path=path).fetch_latest([108], now=NOW)


def test_settings_choose_the_source(settings, monkeypatch):
    settings.SINMUN_KMA_API_KEY = ""
    assert isinstance(source_from_settings(), SampleFileSource)
    settings.SINMUN_KMA_API_KEY = API_KEY
    settings.SINMUN_KMA_API_URL = "http://127.0.0.1:1/kma_sfctm2.php"
    client = source_from_settings()
    assert isinstance(client, KmaApiHubClient)
    assert client.url == "http://127.0.0.1:1/kma_sfctm2.php"
    del settings.SINMUN_KMA_API_KEY
    monkeypatch.setenv("SINMUN_KMA_API_KEY", API_KEY)
    assert isinstance(source_from_settings(), KmaApiHubClient)
