"""What `/healthz` reports: can this app server serve pages, and what is degraded.

A load balancer (Varnish's backend probe) reads only the status code: 200 while the
database answers, 503 when it does not. Redis, the task queue and the weather feed only
make the report "degraded", because pages still render without them.

Checks from higher layers (the weather feed's age) are registered here by their app, so
core imports no other sinmun app.
"""

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# name -> a function returning {"ok": bool, ...}; it may query the database once.
_checks: dict[str, Callable[[], dict]] = {}


def register(name: str, check: Callable[[], dict]) -> None:
    """Add `check` to the report under `name` (an app's ready() calls this)."""
    _checks[name] = check


def age_seconds(moment: datetime | None, now: datetime | None = None) -> int | None:
    if moment is None:
        return None
    return max(0, int(((now or timezone.now()) - moment).total_seconds()))


def database(connection) -> dict:
    """Return whether `connection` answers a SELECT 1."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # The connection is broken; drop it so the next request reconnects.
        connection.close_if_unusable_or_obsolete()
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True}


def cache_state() -> dict:
    """Return whether Redis answers, and the breaker's state; local memory always answers."""
    ping = getattr(cache, "ping", None)
    if ping is None:
        return {"ok": True, "backend": "local-memory"}
    breaker = cache.breaker
    return {"ok": ping(), "backend": "redis", "breaker": breaker.state}


def queue() -> dict:
    """Return how many tasks wait in the database queue and how old the oldest is."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        ready=Count("id"), oldest=Min("enqueued_at")
    )
    oldest = age_seconds(waiting["oldest"])
    return {
        "ok": oldest is None or oldest <= settings.SINMUN_HEALTH_QUEUE_MAX_AGE_SECONDS,
        "ready": waiting["ready"],
        "oldest_age_seconds": oldest,
    }


def report(connection=None) -> dict:
    """Return the health report; `status` is "ok", "degraded" or "down" (no database)."""
    db = database(connection or connections["default"])
    if not db["ok"]:
        return {"status": "down", "database": db, "cache": cache_state()}
    parts = {"database": db, "cache": cache_state(), "queue": queue()}
    for name, check in _checks.items():
        parts[name] = check()
    healthy = all(part["ok"] for part in parts.values())
    return {"status": "ok" if healthy else "degraded", **parts}
