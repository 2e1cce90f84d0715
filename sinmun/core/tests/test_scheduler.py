"""The scheduler's lease: one run of a job at a time, once per interval, across processes
and servers, and a killed holder replaced within seconds."""

import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from sinmun.core import scheduler
from sinmun.core.models import JobLease
from sinmun.core.tests.processes import (
    SharedDatabase,
    holder_of,
    start_scheduler,
    stop,
    wait_for,
)

pytestmark = pytest.mark.django_db


def test_a_held_lease_keeps_a_second_scheduler_out():
    assert scheduler.acquire("publish_scheduled", "server-a")
    assert not scheduler.acquire("publish_scheduled", "server-b")
    scheduler.release("publish_scheduled", "server-a")
    assert scheduler.acquire("publish_scheduled", "server-b")


def test_a_crashed_runs_lease_expires():
    assert scheduler.acquire("publish_scheduled", "crashed", seconds=60)
    JobLease.objects.filter(name="publish_scheduled").update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert scheduler.acquire("publish_scheduled", "next")
    assert JobLease.objects.get(name="publish_scheduled").holder == "next"


def test_a_renewed_lease_outlives_its_first_term_and_a_lost_one_says_so():
    assert scheduler.acquire("publish_scheduled", "a", seconds=30)
    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        assert scheduler.renew("publish_scheduled", "a", seconds=30)
    with time_machine.travel(timezone.now() + timedelta(seconds=40)):
        assert not scheduler.acquire("publish_scheduled", "b")  # renewed until +50 s
    with time_machine.travel(timezone.now() + timedelta(seconds=51)):
        assert scheduler.acquire("publish_scheduled", "b")
        assert not scheduler.renew("publish_scheduled", "a")


def test_the_default_lease_is_seconds_and_renewed_well_within_it(settings):
    assert settings.SINMUN_JOB_LEASE_SECONDS <= 60
    assert scheduler.heartbeat_seconds() * 3 <= settings.SINMUN_JOB_LEASE_SECONDS


def test_a_job_that_fails_is_recorded_and_releases_its_lease(settings):
    settings.SINMUN_SCHEDULED_JOBS = {"no_such_command": 60}
    outcome = scheduler.run_job("no_such_command", holder="me")
    assert outcome.status == scheduler.Status.FAILED
    lease = JobLease.objects.get(name="no_such_command")
    assert "Unknown command" in lease.last_error
    assert lease.last_holder == "me"
    assert scheduler.acquire("no_such_command", "someone-else")


def test_run_scheduler_once_reports_a_skip_while_another_run_holds_the_job(capsys):
    scheduler.acquire("publish_scheduled", "another-server")
    call_command("run_scheduler", once=True, job=["publish_scheduled"])
    assert "skipped (another run holds it)" in capsys.readouterr().out


def test_run_scheduler_once_exits_non_zero_when_a_job_failed(settings, capsys):
    settings.SINMUN_SCHEDULED_JOBS = {"no_such_command": 60}
    with pytest.raises(CommandError, match="no_such_command: CommandError: Unknown"):
        call_command("run_scheduler", once=True)
    assert "no_such_command: failed" in capsys.readouterr().out


def test_unknown_jobs_are_refused():
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("run_scheduler", once=True, job=["rm_rf"])


def test_two_schedulers_run_a_job_once_per_interval_not_once_each():
    first = scheduler.run_job("publish_scheduled", holder="server-a", interval=60)
    second = scheduler.run_job("publish_scheduled", holder="server-b", interval=60)
    assert first.status == scheduler.Status.RAN
    assert second.status == scheduler.Status.NOT_DUE
    started = JobLease.objects.get(name="publish_scheduled").last_started_at
    with time_machine.travel(started + timedelta(seconds=30)):
        again = scheduler.run_job("publish_scheduled", holder="server-a", interval=60)
        assert again.status == scheduler.Status.NOT_DUE
    # A cron run starting a moment early (process start-up) still counts as due.
    with time_machine.travel(started + timedelta(seconds=58)):
        later = scheduler.run_job("publish_scheduled", holder="server-b", interval=60)
        assert later.status == scheduler.Status.RAN
    lease = JobLease.objects.get(name="publish_scheduled")
    assert lease.last_holder == "server-b"
    assert lease.last_started_at >= started + timedelta(seconds=58)


def test_the_loop_runs_as_a_process_and_stops_on_a_signal(tmp_path):
    """`manage.py run_scheduler` starts, runs its first jobs and exits cleanly on SIGTERM."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "sinmun.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'scheduler.sqlite3'}",
        },
    )
    try:
        first_line = process.stdout.readline().decode()
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert "Scheduler running" in first_line
    assert process.returncode == 0


@pytest.mark.django_db(transaction=True)
def test_a_killed_schedulers_job_is_taken_over_within_seconds(tmp_path):
    """kill -9 a scheduler in the middle of a job; another one runs the job soon after."""
    database = SharedDatabase.of_test_database(tmp_path)
    log = tmp_path / "schedulers.log"
    first = start_scheduler(database, "--job", "hang_job", log=log)
    second = None
    try:
        wait_for(
            lambda: (
                (database.lease("hang_job") or {}).get("holder") == holder_of(first)
            ),
            what="the first scheduler to take hang_job",
        )
        second = start_scheduler(
            database, "--job", "hang_job", log=log, SCHEDULER_TEST_HANG_SECONDS="0"
        )
        wait_for(
            lambda: f"job hang_job skipped: {scheduler.Status.HELD}" in log.read_text(),
            what="the second scheduler to find hang_job held",
        )
        # The first is alive and renewing: far past its 3 s lease, it still holds the job.
        time.sleep(4)
        assert database.lease("hang_job")["holder"] == holder_of(first)

        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        killed_at = time.monotonic()
        wait_for(
            lambda: (
                (database.lease("hang_job") or {}).get("last_holder")
                == holder_of(second)
            ),
            timeout=30,
            what="the second scheduler to take over hang_job",
        )
        took = time.monotonic() - killed_at
        wait_for(
            lambda: database.lease("hang_job")["finished"],
            what="the second scheduler's run to finish",
        )
    finally:
        stop(*(p for p in (first, second) if p))
    # 3 s lease + 2 s poll; generous for a busy machine, far below the old 900 s.
    assert took < 20, log.read_text()
    assert database.lease("hang_job")["error"] == ""


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_processes_run_a_job_once_per_interval(tmp_path):
    database = SharedDatabase.of_test_database(tmp_path)
    log, runs = tmp_path / "schedulers.log", tmp_path / "runs.txt"
    schedulers = [
        start_scheduler(
            database, "--job", "count_job", log=log, SCHEDULER_TEST_COUNT_FILE=str(runs)
        )
        for _ in range(2)
    ]
    try:
        # Each scheduler either ran count_job or found that the other just had.
        wait_for(
            lambda: (
                (
                    log.read_text().count("job count_job started")
                    + log.read_text().count("job count_job skipped")
                )
                >= 2
            ),
            what="both schedulers to consider count_job",
        )
        wait_for(lambda: database.lease("count_job")["finished"], what="the run")
    finally:
        stop(*schedulers)
    assert len(runs.read_text().splitlines()) == 1, log.read_text()
    assert log.read_text().count("job count_job started") == 1
    assert (
        f"job count_job skipped: {scheduler.Status.NOT_DUE}" in log.read_text()
        or f"job count_job skipped: {scheduler.Status.HELD}" in log.read_text()
    )


@pytest.mark.django_db(transaction=True)
def test_run_scheduler_once_runs_several_jobs_side_by_side(tmp_path):
    database = SharedDatabase.of_test_database(tmp_path)
    log, runs = tmp_path / "once.log", tmp_path / "runs.txt"
    process = start_scheduler(
        database,
        "--once",
        "--job",
        "hang_job",
        "--job",
        "count_job",
        log=log,
        SCHEDULER_TEST_HANG_SECONDS="5",
        SCHEDULER_TEST_COUNT_FILE=str(runs),
    )
    try:
        # count_job is done while hang_job, started first, is still sleeping.
        wait_for(runs.exists, what="count_job to run")
        assert database.lease("hang_job")["holder"] == holder_of(process)
        assert process.wait(timeout=60) == 0, log.read_text()
    finally:
        stop(process)
    text = log.read_text()
    assert "hang_job: ran" in text
    assert "count_job: ran" in text
    assert database.lease("hang_job")["holder"] == ""
