"""The weather feed's part of /healthz (core.health), registered by the desk app.

Core may not import the weather app, so the check lives in a layer above both.
"""

from django.conf import settings

from sinmun.core import health
from sinmun.weather.models import Observation


def weather() -> dict:
    """Return the age of the newest KMA observation; stale past the ticker's own limit."""
    newest = (
        Observation.objects.order_by("-observed_at")
        .values_list("observed_at", flat=True)
        .first()
    )
    age = health.age_seconds(newest)
    return {
        "ok": age is not None and age <= settings.SINMUN_WEATHER_STALE_AFTER_SECONDS,
        "age_seconds": age,
    }
