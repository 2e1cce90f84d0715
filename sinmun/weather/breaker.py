"""A circuit breaker whose state lives in the database, so it survives between cron runs.

The default cache is per process (LocMemCache) and every run of fetch_weather is a new
process, so the cache would forget the failures; one small table does not.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

from sinmun.weather.models import CircuitState


class CircuitBreaker:
    """Pause calls after `threshold` consecutive failures; try once more after `cooldown`."""

    def __init__(
        self,
        name: str,
        *,
        threshold: int = 3,
        cooldown: timedelta = timedelta(minutes=30),
        clock: Callable[[], datetime] = timezone.now,
    ):
        self.name = name
        self.threshold = max(threshold, 1)
        self.cooldown = cooldown
        self.clock = clock

    def paused_until(self) -> datetime | None:
        """Return when calls may resume, or None if they may be made now (closed or half-open)."""
        state = CircuitState.objects.filter(name=self.name).first()
        if state is None or state.opened_at is None:
            return None
        until = state.opened_at + self.cooldown
        return until if self.clock() < until else None

    def record_success(self) -> None:
        CircuitState.objects.filter(name=self.name).exclude(
            failures=0, opened_at=None
        ).update(failures=0, opened_at=None)

    def record_failure(self) -> None:
        state, _ = CircuitState.objects.get_or_create(name=self.name)
        state.failures += 1
        # A failed trial after the cool-down (half-open) opens the circuit again.
        if state.failures >= self.threshold:
            state.opened_at = self.clock()
        state.save(update_fields=["failures", "opened_at"])
