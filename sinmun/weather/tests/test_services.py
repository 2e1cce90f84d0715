"""The fetch job against the fake KMA: what each answer leaves in the database."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from sinmun.weather import clients, selectors, services
from sinmun.weather.models import FetchLog, FetchStatus, Observation, Source, Station
from sinmun.weather.parsing import KST, ParsedBody
from sinmun.weather.tests.conftest import API_KEY, HOUR, NOW
from sinmun.weather.tests.kma import ERROR_403, ERROR_500, join_bodies, make_body

pytestmark = pytest.mark.django_db


def refresh(now=NOW):
    return services.refresh_observations(
        source=clients.source_from_settings(),
        stations=Station.objects.active(),
        now=now,
    )


def stored(number: int) -> Observation:
    return Observation.objects.get(station__number=number)


def test_migration_seeds_the_sixteen_reference_stations_in_order():
    assert [(s.number, s.name) for s in Station.objects.all()] == [
        (98, "동두천"), (105, "강릉"), (108, "서울"), (133, "대전"), (143, "대구"),
        (152, "울산"), (156, "광주"), (159, "부산"), (172, "고창"), (184, "제주"),
        (201, "강화"), (226, "보은"), (238, "금산"), (259, "강진군"), (283, "경주시"),
        (294, "거제"),
    ]  # fmt: skip
    assert Station.objects.active().count() == 16
    assert str(Station.objects.get(number=108).latitude) == "37.57142"


def test_normal_body_stores_every_station(kma, kma_settings):
    kma.serve(make_body(at=HOUR))
    result = refresh()
    assert (result.status, result.stored) == (FetchStatus.OK, 16)
    seoul = stored(108)
    assert seoul.observed_at == HOUR
    assert (seoul.temperature, seoul.cloud_amount, seoul.humidity) == (8.4, 4, 47.0)
    assert (seoul.present_weather, seoul.domestic_weather) == (2, "")
    assert (seoul.visibility, seoul.precipitation) == (18_900, None)
    assert (seoul.sky_word, seoul.source, seoul.fetched_at) == ("구름조금", "api", NOW)
    gochang = stored(172)
    assert (gochang.sky_word, gochang.precipitation, gochang.domestic_weather) == (
        "비",
        0.5,
        "01",
    )
    assert stored(201).sky_word == "박무"
    assert stored(259).sky_word == "연무"
    log = FetchLog.objects.get()
    assert (log.status, log.source, log.stored, log.started_at) == (
        "ok",
        "api",
        16,
        NOW,
    )


def test_one_station_missing_stores_the_others_and_says_which(kma, kma_settings):
    kma.serve(make_body(at=HOUR, drop=(294,)))
    result = refresh()
    assert result.stored == 15
    assert not Observation.objects.filter(station__number=294).exists()
    assert "No row for 거제." in FetchLog.objects.get().message


def test_missing_cloud_amount_stores_no_sky_word(kma, kma_settings):
    kma.serve(make_body(at=HOUR, changes={98: {25: "-9", 26: "-9"}}))
    refresh()
    dongducheon = stored(98)
    assert dongducheon.cloud_amount is None
    assert dongducheon.sky_word == ""
    assert dongducheon.temperature == 7.1


def test_missing_temperature_is_stored_as_null(kma, kma_settings):
    kma.serve(make_body(at=HOUR, changes={108: {11: "-99.0"}}))
    assert refresh().stored == 16
    assert stored(108).temperature is None
    assert stored(108).sky_word == "구름조금"


def test_403_application_required_is_logged_and_stores_nothing(kma, kma_settings):
    kma.serve(ERROR_403.encode(), status=403, content_type="application/json")
    result = refresh()
    assert result.status == FetchStatus.FAILED
    assert not Observation.objects.exists()
    log = FetchLog.objects.get()
    assert log.status == "failed"
    assert "HTTP 403" in log.message
    assert "활용신청이 필요한 API" in log.message
    assert "SINMUN_KMA_API_KEY" in log.message
    assert len(kma.requests) == 1


def test_500_html_is_logged_after_retries(kma, kma_settings):
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html")
    result = refresh()
    assert result.status == FetchStatus.FAILED
    assert len(kma.requests) == 3
    assert "HTTP 500" in FetchLog.objects.get().message
    assert not Observation.objects.exists()


def test_timeout_is_logged(kma, kma_settings):
    kma_settings.SINMUN_KMA_TIMEOUT_SECONDS = 0.2
    kma_settings.SINMUN_KMA_RETRIES = 0
    kma.hang()
    result = refresh()
    assert result.status == FetchStatus.FAILED
    assert "timed out" in FetchLog.objects.get().message
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"", "empty body"), (make_body(at=HOUR, end=False), "truncated")],
)
def test_empty_or_truncated_body_is_logged_and_stores_nothing(
    kma, kma_settings, body, message
):
    kma.serve(body)
    result = refresh()
    assert result.status == FetchStatus.FAILED
    assert message in FetchLog.objects.get().message
    assert not Observation.objects.exists()


def test_headers_without_rows_is_no_data(kma, kma_settings):
    kma.serve(b"#START7777\n# YYMMDDHHMI STN\n#7777END\n")
    result = refresh()
    assert result.status == FetchStatus.NO_DATA
    assert FetchLog.objects.get().message.startswith("KMA sent no observation rows.")


def test_observations_only_move_forward(kma, kma_settings):
    kma.serve(make_body(at=HOUR), once=True)
    kma.serve(
        make_body(at=HOUR - timedelta(hours=1), changes={108: {11: "30.0"}}), once=True
    )
    kma.serve(make_body(at=HOUR), once=True)
    kma.serve(make_body(at=HOUR + timedelta(hours=1), changes={108: {11: "9.9"}}))
    assert refresh().stored == 16
    older = refresh(NOW + timedelta(minutes=10))
    assert (older.status, older.stored) == (FetchStatus.OK, 0)
    assert "Nothing newer than stored for 동두천" in older.message
    assert refresh(NOW + timedelta(minutes=20)).stored == 0  # the same hour again
    assert Observation.objects.filter(station__number=108).get().temperature == 8.4
    assert refresh(NOW + timedelta(hours=1)).stored == 16
    assert list(
        Observation.objects.filter(station__number=108).values_list(
            "temperature", flat=True
        )
    ) == [9.9, 8.4]


def test_rows_from_the_future_are_ignored(kma, kma_settings):
    kma.serve(make_body(at=HOUR + timedelta(hours=2)))
    result = refresh()
    assert result.stored == 0
    assert "row from the future" in result.message


def test_only_active_stations_are_asked_for_and_stored(kma, kma_settings):
    Station.objects.exclude(number__in=[108, 159]).update(is_active=False)
    kma.serve(make_body(at=HOUR))
    assert refresh().stored == 2
    assert kma.requests[0].args["stn"] == "108:159"


def test_new_rows_clear_the_cached_ticker(kma, kma_settings):
    cache.set(selectors.TICKER_KEY, (None,))
    kma.serve(make_body(at=HOUR))
    refresh()
    assert cache.get(selectors.TICKER_KEY) is None


def test_open_circuit_skips_the_call_and_says_so(kma, kma_settings):
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html")
    for _ in range(3):
        assert refresh().status == FetchStatus.FAILED
    calls = len(kma.requests)
    result = refresh()
    assert result.status == FetchStatus.SKIPPED
    assert len(kma.requests) == calls
    assert "paused" in FetchLog.objects.first().message


def test_key_never_reaches_the_fetch_log(kma, kma_settings, caplog):
    kma.echo_error()
    refresh()
    message = FetchLog.objects.get().message
    assert "authKey=[redacted]" in message
    assert API_KEY not in message
    assert all(API_KEY not in record.getMessage() for record in caplog.records)


def test_unexpected_source_answer_is_contained():
    class Broken:
        source = Source.API

        def fetch_latest(self, stations, *, now):
            raise clients.SourceError("KMA returned an error: quota exceeded")

    result = services.refresh_observations(source=Broken(), stations=[], now=NOW)
    assert result.status == FetchStatus.FAILED
    assert FetchLog.objects.get().message == "KMA returned an error: quota exceeded"


def test_fake_source_rows_are_stored_with_its_name():
    class Fake:
        source = Source.SAMPLE

        def fetch_latest(self, stations, *, now):
            return clients.SampleFileSource().fetch_latest(stations, now=now)

    result = services.refresh_observations(
        source=Fake(), stations=Station.objects.filter(number=108), now=NOW
    )
    assert result.stored == 1
    assert stored(108).source == "sample"


def test_old_fetch_logs_are_pruned():
    FetchLog.objects.create(
        started_at=NOW - timedelta(days=40),
        source="api",
        status="failed",
        message="old",
    )
    services.refresh_observations(source=Empty(), stations=[], now=NOW)
    assert list(FetchLog.objects.values_list("status", flat=True)) == ["no_data"]


class Empty:
    source = Source.API

    def fetch_latest(self, stations, *, now):
        return ParsedBody()


def test_backfill_fills_missing_hours_without_touching_existing_ones(kma, kma_settings):
    kma.serve(make_body(at=HOUR, changes={108: {11: "8.4"}}))
    refresh()
    older = make_body(at=HOUR - timedelta(hours=1), changes={108: {11: "7.0"}})
    same = make_body(at=HOUR, changes={108: {11: "99.9"}})
    kma.serve_backfill(join_bodies(older, same))
    result = services.backfill_observations(
        client=clients.source_from_settings(),
        stations=Station.objects.active(),
        start=NOW - timedelta(hours=3),
        now=NOW,
    )
    assert result.status == FetchStatus.OK
    assert result.stored == 16
    temperatures = Observation.objects.filter(station__number=108).values_list(
        "observed_at", "temperature", "source"
    )
    assert list(temperatures) == [
        (HOUR, 8.4, "api"),
        (HOUR - timedelta(hours=1), 7.0, "backfill"),
    ]
    assert "32 rows received." in FetchLog.objects.first().message


def test_command_without_a_key_loads_the_sample_at_the_last_full_hour(settings):
    settings.SINMUN_KMA_API_KEY = ""
    out = StringIO()
    call_command("fetch_weather", stdout=out)
    hour = timezone.localtime(timezone.now(), KST).replace(
        minute=0, second=0, microsecond=0
    )
    assert Observation.objects.count() == 16
    assert set(Observation.objects.values_list("source", flat=True)) == {"sample"}
    assert set(Observation.objects.values_list("observed_at", flat=True)) == {hour}
    line = out.getvalue().strip()
    assert "\n" not in line
    assert line.startswith("weather ok (sample): stored 16")
    ticker = selectors.current_ticker()
    assert len(ticker.items) == 16
    assert len({item.word for item in ticker.items}) >= 5


def test_command_backfill_needs_a_key(settings):
    from django.core.management.base import CommandError

    settings.SINMUN_KMA_API_KEY = ""
    with pytest.raises(CommandError, match="needs SINMUN_KMA_API_KEY"):
        call_command("fetch_weather", backfill=24, stdout=StringIO())


def test_command_backfill_then_latest(kma, kma_settings):
    now = timezone.now()
    hour = now.astimezone(KST).replace(minute=0, second=0, microsecond=0)
    kma.serve_backfill(make_body(at=hour - timedelta(hours=1)))
    kma.serve(make_body(at=hour))
    out = StringIO()
    call_command("fetch_weather", backfill=6, stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("weather ok (backfill): stored 16")
    assert lines[1].startswith("weather ok (api): stored 16")
    assert Observation.objects.count() == 32
