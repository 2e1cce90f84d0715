"""Periodic jobs (publish_scheduled every minute, fetch_weather every ten) without overlap.

`manage.py run_scheduler` runs the jobs in `SINMUN_SCHEDULED_JOBS` in a loop; `--once` runs
each due job once and exits (for cron or a systemd timer). Every run holds a lease row
(`core.JobLease`), so two schedulers never run the same job at the same time, and a crashed
run's lease expires after `SINMUN_JOB_LEASE_SECONDS`.
"""

import logging
import os
import socket
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from sinmun.core.models import JobLease

logger = logging.getLogger("sinmun.scheduler")


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def acquire(name: str, holder: str, *, seconds: int | None = None) -> bool:
    """Take the lease on job `name` for `holder`; False if someone else holds it."""
    now = timezone.now()
    seconds = seconds or settings.SINMUN_JOB_LEASE_SECONDS
    try:
        with transaction.atomic():
            JobLease.objects.get_or_create(
                name=name, defaults={"expires_at": now - timedelta(seconds=1)}
            )
    except IntegrityError:  # another scheduler created the row at the same moment
        pass
    taken = (
        JobLease.objects.filter(name=name)
        .filter(Q(expires_at__lte=now) | Q(holder=holder))
        .update(
            holder=holder,
            expires_at=now + timedelta(seconds=seconds),
            last_started_at=now,
        )
    )
    return taken == 1


def release(name: str, holder: str, *, error: str = "") -> None:
    now = timezone.now()
    JobLease.objects.filter(name=name, holder=holder).update(
        holder="", expires_at=now, last_finished_at=now, last_error=error[:2000]
    )


def run_job(name: str, *, holder: str | None = None) -> bool:
    """Run management command `name` under its lease. True if it ran (even if it failed)."""
    holder = holder or holder_name()
    if not acquire(name, holder):
        logger.info("job %s skipped: another scheduler holds it", name)
        return False
    error = ""
    try:
        call_command(name, verbosity=0)
    except Exception as exc:  # a failing job must not stop the other jobs or the loop
        error = f"{type(exc).__name__}: {exc}"
        logger.exception("job %s failed", name)
    finally:
        release(name, holder, error=error)
    return True


def due_jobs(last_run: dict[str, float], now: float) -> list[str]:
    """The configured jobs whose interval has passed since they last ran in this process."""
    return [
        name
        for name, interval in settings.SINMUN_SCHEDULED_JOBS.items()
        if now - last_run.get(name, float("-inf")) >= interval
    ]


def run_forever(*, tick: float = 5.0, stop=lambda: False) -> None:
    last_run: dict[str, float] = {}
    holder = holder_name()
    while not stop():
        now = time.monotonic()
        for name in due_jobs(last_run, now):
            close_old_connections()
            run_job(name, holder=holder)
            last_run[name] = now
        time.sleep(tick)
