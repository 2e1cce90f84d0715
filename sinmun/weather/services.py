"""Writes for the weather ticker: store new observations and record how each fetch went."""

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from sinmun.weather import selectors, sky
from sinmun.weather.clients import (
    CircuitOpen,
    KmaApiHubClient,
    ObservationSource,
    SourceError,
)
from sinmun.weather.models import FetchLog, FetchStatus, Observation, Source, Station
from sinmun.weather.parsing import ObservationRow

logger = logging.getLogger(__name__)

# KMA stamps a row with its observation hour; a row far ahead of our clock is wrong.
FUTURE_TOLERANCE = timedelta(minutes=10)
KEEP_FETCH_LOGS = timedelta(days=30)


@dataclass
class RefreshResult:
    status: str
    source: str
    stored: int = 0
    newest: datetime | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return " ".join(self.notes)

    def summary(self) -> str:
        """Return one line for the command's output and the logs."""
        newest = (
            f", newest {timezone.localtime(self.newest):%Y-%m-%d %H:%M}"
            if self.newest
            else ""
        )
        line = f"weather {self.status} ({self.source}): stored {self.stored}{newest}."
        return f"{line} {self.message}".strip()


def refresh_observations(
    *, source: ObservationSource, stations: Iterable[Station], now: datetime
) -> RefreshResult:
    """Fetch the latest hour for `stations`, store what is newer, and log the attempt.

    Expected failures (network, HTTP, malformed bodies, a paused circuit) end up in the
    result and in FetchLog, never as an exception, so a cron run always finishes.
    """
    started = time.monotonic()
    stations = list(stations)
    result = RefreshResult(status=FetchStatus.OK, source=source.source)
    try:
        parsed = source.fetch_latest([s.number for s in stations], now=now)
    except CircuitOpen as error:
        result.status, result.notes = FetchStatus.SKIPPED, [str(error)]
    except SourceError as error:
        result.status, result.notes = FetchStatus.FAILED, [str(error)]
    else:
        _store_latest(result, parsed.rows, stations=stations, now=now)
        result.notes += parsed.rejected
        if not parsed.rows:
            result.status = FetchStatus.NO_DATA
            result.notes.insert(0, "KMA sent no observation rows.")
    _log(result, started_at=now, started=started)
    return result


def backfill_observations(
    *,
    client: KmaApiHubClient,
    stations: Iterable[Station],
    start: datetime,
    now: datetime,
) -> RefreshResult:
    """Store every hour from `start` to `now` that is missing (kma_sfctm3.php, ≤ 31 days)."""
    started = time.monotonic()
    stations = list(stations)
    result = RefreshResult(status=FetchStatus.OK, source=Source.BACKFILL)
    try:
        parsed = client.fetch_period([s.number for s in stations], start=start, end=now)
    except CircuitOpen as error:
        result.status, result.notes = FetchStatus.SKIPPED, [str(error)]
    except SourceError as error:
        result.status, result.notes = FetchStatus.FAILED, [str(error)]
    else:
        by_number = {s.number: s for s in stations}
        rows = [
            row
            for row in parsed.rows
            if row.station_number in by_number
            and row.observed_at <= now + FUTURE_TOLERANCE
        ]
        # Filling gaps behind the newest row does not move anything back in time, and
        # an hour already stored is kept as it is.
        have = set(
            Observation.objects.filter(
                station__in=stations,
                observed_at__gte=min((r.observed_at for r in rows), default=now),
            ).values_list("station__number", "observed_at")
        )
        missing = {
            (row.station_number, row.observed_at): row
            for row in rows
            if (row.station_number, row.observed_at) not in have
        }
        Observation.objects.bulk_create(
            [
                _observation(row, by_number[row.station_number], Source.BACKFILL, now)
                for row in missing.values()
            ],
            ignore_conflicts=True,
        )
        result.stored = len(missing)
        result.newest = max((row.observed_at for row in rows), default=None)
        result.notes = [f"{len(rows)} rows received.", *parsed.rejected]
        if result.stored:
            selectors.forget_ticker()
    _log(result, started_at=now, started=started)
    return result


def _store_latest(
    result: RefreshResult,
    rows: Sequence[ObservationRow],
    *,
    stations: list[Station],
    now,
) -> None:
    by_number = {s.number: s for s in stations}
    newest: dict[int, ObservationRow] = {}
    for row in rows:
        if row.station_number not in by_number:
            continue
        if row.observed_at > now + FUTURE_TOLERANCE:
            result.notes.append(
                f"{by_number[row.station_number].name}: row from the future "
                f"({row.observed_at:%Y-%m-%d %H:%M}) ignored."
            )
            continue
        kept = newest.get(row.station_number)
        if kept is None or row.observed_at > kept.observed_at:
            newest[row.station_number] = row
    stored_until = dict(
        Observation.objects.filter(station__in=stations)
        .values("station")
        .annotate(latest=Max("observed_at"))
        .values_list("station", "latest")
    )
    fresh, behind = [], []
    for number, row in newest.items():
        station = by_number[number]
        latest = stored_until.get(station.pk)
        if latest is not None and row.observed_at <= latest:
            # Observations only move forward: an older or repeated hour is ignored.
            behind.append(station.name)
            continue
        fresh.append(_observation(row, station, result.source, now))
    Observation.objects.bulk_create(fresh, ignore_conflicts=True)
    result.stored = len(fresh)
    result.newest = max((row.observed_at for row in newest.values()), default=None)
    missing = [s.name for s in stations if s.number not in newest]
    if missing:
        result.notes.append(f"No row for {', '.join(missing)}.")
    if behind:
        result.notes.append(f"Nothing newer than stored for {', '.join(behind)}.")
    if fresh:
        selectors.forget_ticker()


def _observation(
    row: ObservationRow, station: Station, source: str, now
) -> Observation:
    return Observation(
        station=station,
        observed_at=row.observed_at,
        temperature=row.temperature,
        cloud_amount=row.cloud_amount,
        present_weather=row.present_weather,
        domestic_weather=row.domestic_weather,
        precipitation=row.precipitation,
        visibility=row.visibility,
        humidity=row.humidity,
        sky_word=sky.sky_word(
            present_weather=row.present_weather,
            cloud_amount=row.cloud_amount,
            precipitation=row.precipitation,
            temperature=row.temperature,
            visibility=row.visibility,
            humidity=row.humidity,
            estimate_obscuration=getattr(
                settings, "SINMUN_WEATHER_ESTIMATE_OBSCURATION", False
            ),
        ),
        fetched_at=now,
        source=source,
    )


def _log(result: RefreshResult, *, started_at: datetime, started: float) -> None:
    FetchLog.objects.create(
        started_at=started_at,
        duration_ms=round((time.monotonic() - started) * 1000),
        source=result.source,
        status=result.status,
        stored=result.stored,
        message=result.message,
    )
    FetchLog.objects.filter(started_at__lt=started_at - KEEP_FETCH_LOGS).delete()
    # The command prints the summary itself; only problems need to reach the log.
    level = logging.DEBUG if result.status == FetchStatus.OK else logging.WARNING
    logger.log(level, "%s", result.summary())
