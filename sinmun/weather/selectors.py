"""Reads for the weather ticker and for the admin's view of the fetch job."""

import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from sinmun.core import edge, readahead
from sinmun.weather.models import FetchLog, FetchStatus, Observation

TICKER_KEY = "sinmun:weather-ticker:v1"
readahead.every_page_reads(TICKER_KEY)


@dataclass(frozen=True)
class TickerItem:
    word: str
    name: str
    temperature: float
    observed_at: datetime

    @property
    def text(self) -> str:
        return f"{self.word}{self.name} {self.temperature:.1f}℃"

    def __str__(self):
        return self.text


@dataclass(frozen=True)
class Ticker:
    items: list[TickerItem]
    observed_at: datetime  # the newest observation among the items

    @property
    def version(self) -> str:
        """Tell two sets of observations apart, the same in every process (page_frame's key)."""
        texts = "|".join(item.text for item in self.items)
        return f"{self.observed_at.timestamp():.0f}-{zlib.crc32(texts.encode()):08x}"


def stale_after() -> timedelta:
    return timedelta(
        seconds=getattr(settings, "SINMUN_WEATHER_STALE_AFTER_SECONDS", 3 * 3600)
    )


def current_ticker(now: datetime | None = None) -> Ticker | None:
    """Return the ticker at `now`: active stations in order, each with its latest reading.

    A station whose newest observation with a temperature is older than the stale limit
    (three hours) is left out; with no station left there is no ticker. One query.
    """
    now = now or timezone.now()
    rows = (
        Observation.objects.filter(
            station__is_active=True,
            observed_at__gte=now - stale_after(),
            observed_at__lte=now + timedelta(minutes=10),
            temperature__isnull=False,
        )
        .select_related("station")
        .order_by("station__ticker_order", "station__number", "-observed_at")
        .only(
            "observed_at",
            "temperature",
            "sky_word",
            "station__name",
            "station__number",
            "station__ticker_order",
        )
    )
    items: list[TickerItem] = []
    seen: set[int] = set()
    for row in rows:
        if row.station_id in seen:
            continue
        seen.add(row.station_id)
        items.append(
            TickerItem(
                word=row.sky_word,
                name=row.station.name,
                temperature=row.temperature,
                observed_at=row.observed_at,
            )
        )
    if not items:
        return None
    return Ticker(items=items, observed_at=max(item.observed_at for item in items))


def cached_ticker() -> Ticker | None:
    """Return current_ticker() from the cache, computing it at most once a minute."""
    # Wrapped in a tuple so that "no ticker" (None) is cached too, not mistaken for a miss.
    hit = cache.get(TICKER_KEY)
    if hit is not None:
        return hit[0]
    ticker = current_ticker()
    cache.set(
        TICKER_KEY,
        (ticker,),
        timeout=getattr(settings, "SINMUN_WEATHER_TICKER_CACHE_SECONDS", 60),
    )
    return ticker


def forget_ticker() -> None:
    """Drop the shared ticker, here and on every page the edge keeps (new observations)."""
    cache.delete(TICKER_KEY)
    edge.purge([edge.WEATHER])


@dataclass(frozen=True)
class FetchHealth:
    last_attempt: FetchLog | None
    last_success: FetchLog | None
    last_failure: FetchLog | None

    @property
    def is_failing(self) -> bool:
        """Return whether the latest problem came after the latest success."""
        if self.last_failure is None:
            return False
        return (
            self.last_success is None
            or self.last_failure.started_at > self.last_success.started_at
        )


def fetch_health() -> FetchHealth:
    """Return the latest fetch, the latest that succeeded and the latest that failed."""
    logs = FetchLog.objects.order_by("-started_at")
    return FetchHealth(
        last_attempt=logs.first(),
        last_success=logs.filter(status=FetchStatus.OK).first(),
        last_failure=logs.exclude(status=FetchStatus.OK).first(),
    )
