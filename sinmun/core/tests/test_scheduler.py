"""The scheduler's lease: one run of a job at a time, across processes and servers."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from sinmun.core import scheduler
from sinmun.core.models import JobLease

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


def test_a_job_that_fails_is_recorded_and_releases_its_lease(settings):
    settings.SINMUN_SCHEDULED_JOBS = {"no_such_command": 60}
    assert scheduler.run_job("no_such_command", holder="me")
    lease = JobLease.objects.get(name="no_such_command")
    assert "Unknown command" in lease.last_error
    assert scheduler.acquire("no_such_command", "someone-else")


def test_run_scheduler_once_reports_a_skip_while_another_run_holds_the_job(capsys):
    scheduler.acquire("publish_scheduled", "another-server")
    call_command("run_scheduler", once=True, job=["publish_scheduled"])
    assert "skipped" in capsys.readouterr().out


def test_unknown_jobs_are_refused():
    with pytest.raises(Exception, match="Unknown job"):
        call_command("run_scheduler", once=True, job=["rm_rf"])


def test_due_jobs_follow_their_intervals(settings):
    settings.SINMUN_SCHEDULED_JOBS = {"publish_scheduled": 60, "fetch_weather": 600}
    assert scheduler.due_jobs({}, 0.0) == ["publish_scheduled", "fetch_weather"]
    last = {"publish_scheduled": 0.0, "fetch_weather": 0.0}
    assert scheduler.due_jobs(last, 59.0) == []
    assert scheduler.due_jobs(last, 60.0) == ["publish_scheduled"]
    assert scheduler.due_jobs(last, 600.0) == ["publish_scheduled", "fetch_weather"]


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
