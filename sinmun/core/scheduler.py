"""Periodic jobs (publish_scheduled every minute, fetch_weather every ten) on N servers.

`manage.py run_scheduler` runs the jobs in `SINMUN_SCHEDULED_JOBS` in a loop; `--once` runs
each due job once and exits (for cron or a systemd timer). A run holds its job's lease row
(`core.JobLease`), which gives three guarantees across every scheduler sharing the database:

- **No overlap**: a run starts only if it takes the lease in one conditional UPDATE.
- **Once per interval**: the row keeps when the job last started (by anyone), and the same
  UPDATE refuses a job that started less than its interval ago, so N schedulers call KMA
  once per ten minutes, not N times.
- **A dead holder is replaced in seconds**: the lease is short (`SINMUN_JOB_LEASE_SECONDS`,
  30 s) and a heartbeat thread renews it every sixth of that while the job runs. A
  scheduler killed mid-run (`kill -9`, a lost server) stops renewing, and its lease
  expires within the lease time.

Why a heartbeat rather than PostgreSQL's `pg_try_advisory_lock`: the demo runs on SQLite,
which has no advisory locks, and one mechanism on both databases is one thing to test. An
advisory lock also lives on a session, so it needs a dedicated connection kept open for
the whole run and breaks behind a transaction-mode pooler (PgBouncer), while the lease row
stays the one record an operator can read: who holds which job, when it last ran, and its
last error. Clocks: hosts compare their own `timezone.now()` with the row, so keep them
in NTP sync (scheduled publishing relies on that already).

Jobs run in their own threads, so a hanging `fetch_weather` never delays
`publish_scheduled`; each thread closes its database connections when its job ends.
"""

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import (
    DatabaseError,
    IntegrityError,
    close_old_connections,
    connection,
    connections,
    transaction,
)
from django.db.models import Q
from django.utils import timezone

from sinmun.core.models import JobLease

logger = logging.getLogger("sinmun.scheduler")

# Cron starts `--once` runs a little late or early (process start-up varies by seconds):
# a run this much before the interval has passed still counts as due.
EARLY_GRACE_SECONDS = 5.0
# How often a scheduler looks again at a job that another scheduler is running.
HELD_POLL_SECONDS = 2.0
# How often the loop wakes to start due jobs and collect finished ones.
TICK_SECONDS = 1.0


class Status:
    RAN = "ran"
    FAILED = "failed"
    HELD = "held"
    NOT_DUE = "not due"


@dataclass
class Outcome:
    name: str
    status: str
    error: str = ""

    @property
    def ran(self) -> bool:
        """True if the job ran here, whether or not it succeeded."""
        return self.status in (Status.RAN, Status.FAILED)

    def summary(self) -> str:
        """Return one line for `run_scheduler --once`."""
        if self.status == Status.RAN:
            return f"{self.name}: ran"
        if self.status == Status.FAILED:
            return f"{self.name}: failed ({self.error})"
        if self.status == Status.HELD:
            return f"{self.name}: skipped (another run holds it)"
        return f"{self.name}: skipped (another scheduler ran it less than its interval ago)"


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease_seconds() -> float:
    return float(settings.SINMUN_JOB_LEASE_SECONDS)


def heartbeat_seconds() -> float:
    return max(lease_seconds() / 6, 0.2)


def _grace(interval: float) -> float:
    return min(EARLY_GRACE_SECONDS, interval / 10)


def acquire(
    name: str,
    holder: str,
    *,
    seconds: float | None = None,
    interval: float | None = None,
) -> bool:
    """Take the lease on job `name` for `holder`; False if someone else holds it.

    With `interval`, also False while the job's last start (by any scheduler) is less
    than `interval` seconds ago.
    """
    now = timezone.now()
    seconds = seconds or lease_seconds()
    try:
        with transaction.atomic():
            JobLease.objects.get_or_create(
                name=name, defaults={"expires_at": now - timedelta(seconds=1)}
            )
    except IntegrityError:  # another scheduler created the row at the same moment
        pass
    free = Q(expires_at__lte=now) | Q(holder=holder)
    if interval is not None:
        due_before = now - timedelta(seconds=interval - _grace(interval))
        free &= Q(last_started_at__isnull=True) | Q(last_started_at__lte=due_before)
    taken = (
        JobLease.objects.filter(name=name)
        .filter(free)
        .update(
            holder=holder,
            last_holder=holder,
            expires_at=now + timedelta(seconds=seconds),
            last_started_at=now,
        )
    )
    return taken == 1


def renew(name: str, holder: str, *, seconds: float | None = None) -> bool:
    """Extend `holder`'s lease on `name`; False if it was lost (expired and taken)."""
    seconds = seconds or lease_seconds()
    return (
        JobLease.objects.filter(name=name, holder=holder).update(
            expires_at=timezone.now() + timedelta(seconds=seconds)
        )
        == 1
    )


def release(name: str, holder: str, *, error: str = "") -> None:
    now = timezone.now()
    JobLease.objects.filter(name=name, holder=holder).update(
        holder="", expires_at=now, last_finished_at=now, last_error=error[:2000]
    )


class Heartbeat:
    """A thread that renews the leases of the jobs this scheduler is running."""

    def __init__(self, holder: str):
        self.holder = holder
        self.names: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="scheduler-heartbeat", daemon=True
        )

    def start(self) -> "Heartbeat":
        self._thread.start()
        return self

    def add(self, name: str) -> None:
        with self._lock:
            self.names.add(name)

    def discard(self, name: str) -> None:
        with self._lock:
            self.names.discard(name)

    def stop(self) -> None:
        self._stop.set()
        # A beat stuck on an unreachable database must not keep the scheduler from exiting.
        self._thread.join(timeout=heartbeat_seconds() + 1)

    def _run(self) -> None:
        try:
            while not self._stop.wait(heartbeat_seconds()):
                with self._lock:
                    names = sorted(self.names)
                if names:
                    self.beat(names)
        finally:
            connections.close_all()

    def beat(self, names: list[str]) -> None:
        close_old_connections()
        for name in names:
            try:
                if not renew(name, self.holder):
                    logger.warning(
                        "job %s: lease lost (not renewed in time); another scheduler "
                        "may start it",
                        name,
                    )
            except DatabaseError as error:
                logger.warning("job %s: could not renew its lease: %s", name, error)


def _call(name: str) -> str:
    """Run command `name`; return its error as text, or "" if it succeeded."""
    try:
        call_command(name, verbosity=0)
    except Exception as exc:  # a failing job must not stop the others
        logger.exception("job %s failed", name)
        return f"{type(exc).__name__}: {exc}"
    return ""


def run_job(
    name: str,
    *,
    holder: str | None = None,
    interval: float | None = None,
    heartbeat: Heartbeat | None = None,
) -> Outcome:
    """Run management command `name` here, in this thread, under its lease."""
    holder = holder or holder_name()
    if not acquire(name, holder, interval=interval):
        held = JobLease.objects.filter(
            name=name, holder__gt="", expires_at__gt=timezone.now()
        ).exclude(holder=holder)
        status = Status.HELD if held.exists() else Status.NOT_DUE
        logger.info("job %s skipped: %s", name, status)
        return Outcome(name, status)
    # Inside a caller's transaction (tests) the lease row is invisible to other
    # schedulers until commit, and a beat from another connection would only wait on
    # this transaction's own row lock, so no heartbeat runs there.
    own = None
    if heartbeat is None and not connection.in_atomic_block:
        heartbeat = own = Heartbeat(holder).start()
    if heartbeat:
        heartbeat.add(name)
    logger.info("job %s started", name)
    error = ""
    try:
        error = _call(name)
    finally:
        if heartbeat:
            heartbeat.discard(name)
        if own:
            own.stop()
        release(name, holder, error=error)
    return Outcome(name, Status.FAILED if error else Status.RAN, error)


class Scheduler:
    """Start each due job in its own thread; renew the leases of those running."""

    def __init__(self, jobs: dict[str, float], *, holder: str | None = None):
        self.jobs = jobs
        self.holder = holder or holder_name()
        self.heartbeat = Heartbeat(self.holder)
        self.running: dict[str, threading.Thread] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.next_try: dict[str, datetime] = {}
        self._database_down = False

    def run_forever(self, *, stop: threading.Event | None = None) -> None:
        """Start due jobs every tick until `stop` is set."""
        stop = stop or threading.Event()
        self.heartbeat.start()
        try:
            while not stop.is_set():
                self.tick()
                stop.wait(TICK_SECONDS)
        finally:
            self.shutdown()

    def run_once(self, names: list[str]) -> list[Outcome]:
        """Start `names` (if due) side by side, wait for them and return how each went."""
        self.heartbeat.start()
        try:
            outcomes = [self._start(name) for name in names]
            for thread in list(self.running.values()):
                thread.join()
            self.running.clear()
        finally:
            self.shutdown()
        return [self.outcomes.get(o.name, o) if o.ran else o for o in outcomes]

    def tick(self) -> None:
        for name, thread in list(self.running.items()):
            if not thread.is_alive():
                del self.running[name]
        now = timezone.now()
        close_old_connections()
        for name in self.jobs:
            if name in self.running or self.next_try.get(name, now) > now:
                continue
            try:
                self._start(name)
            except DatabaseError as error:
                if not self._database_down:
                    logger.warning("scheduler: database unavailable: %s", error)
                self._database_down = True
                self.next_try[name] = now + timedelta(seconds=HELD_POLL_SECONDS)
                return
            if self._database_down:
                logger.warning("scheduler: database back")
                self._database_down = False

    def _start(self, name: str) -> Outcome:
        interval = self.jobs[name]
        if not acquire(name, self.holder, interval=interval):
            status, self.next_try[name] = self._skipped(name, interval)
            logger.info("job %s skipped: %s", name, status)
            return Outcome(name, status)
        started = timezone.now()
        self.next_try[name] = started + timedelta(seconds=interval)
        self.heartbeat.add(name)
        thread = threading.Thread(
            target=self._run, args=(name,), name=f"job-{name}", daemon=True
        )
        self.running[name] = thread
        logger.info("job %s started", name)
        thread.start()
        return Outcome(name, Status.RAN)

    def _run(self, name: str) -> None:
        error = "interrupted"
        try:
            error = _call(name)
        finally:
            self.heartbeat.discard(name)
            try:
                release(name, self.holder, error=error)
            except DatabaseError:
                logger.exception("job %s: could not release its lease", name)
            self.outcomes[name] = Outcome(
                name, Status.FAILED if error else Status.RAN, error
            )
            connections.close_all()

    def _skipped(self, name: str, interval: float) -> tuple[str, datetime]:
        """Say why `name` was not taken, and when to look at it again."""
        now = timezone.now()
        poll = now + timedelta(seconds=HELD_POLL_SECONDS)
        lease = JobLease.objects.filter(name=name).first()
        if lease is None or lease.last_started_at is None:
            return Status.HELD, poll
        held = bool(lease.holder) and lease.expires_at > now
        due = lease.last_started_at + timedelta(seconds=interval)
        # While someone holds it, look every few seconds: it may finish or die.
        return (Status.HELD if held else Status.NOT_DUE), max(due, poll)

    def shutdown(self) -> None:
        """Stop renewing; give up the leases of jobs still running (the process ends)."""
        self.heartbeat.stop()
        for name, thread in list(self.running.items()):
            if thread.is_alive():
                try:
                    release(name, self.holder, error="interrupted: scheduler stopped")
                except DatabaseError:
                    logger.warning("job %s: could not release its lease", name)
