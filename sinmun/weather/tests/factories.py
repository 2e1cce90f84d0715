from datetime import datetime
from importlib import import_module

from django.utils import timezone

from sinmun.weather.models import Observation, Source, Station
from sinmun.weather.parsing import KST


def this_hour() -> datetime:
    """Return the start of the current hour in KST, as the ticker would show it."""
    return timezone.now().astimezone(KST).replace(minute=0, second=0, microsecond=0)


def observe(
    number: int, at: datetime, temperature: float | None, word: str = "맑음", **fields
):
    """Store one observation for the seeded station `number`."""
    return Observation.objects.create(
        station=Station.objects.get(number=number),
        observed_at=at,
        temperature=temperature,
        sky_word=word,
        fetched_at=at,
        source=fields.pop("source", Source.API),
        **fields,
    )


def seed_stations() -> None:
    """Store the 16 reference stations as the migration does (a flush after a
    transactional test removes migration data)."""
    from django.apps import apps

    import_module("sinmun.weather.migrations.0002_seed_ticker_stations").seed(
        apps, None
    )
