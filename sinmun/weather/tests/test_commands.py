"""`manage.py fetch_weather` as cron and systemd see it: its output and its exit status."""

import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from sinmun.core.tests.processes import SharedDatabase
from sinmun.weather.models import FetchLog, FetchStatus, Observation
from sinmun.weather.tests.conftest import API_KEY
from sinmun.weather.tests.factories import seed_stations, this_hour
from sinmun.weather.tests.kma import ERROR_403, ERROR_500, make_body

pytestmark = pytest.mark.django_db


def test_a_refused_fetch_reports_one_line_and_fails_the_command(kma, kma_settings):
    kma.serve(ERROR_403.encode(), status=403, content_type="application/json")
    out = StringIO()
    with pytest.raises(CommandError, match="Weather fetch failed") as failure:
        call_command("fetch_weather", stdout=out)
    line = out.getvalue().strip()
    assert line.startswith("weather failed (api): stored 0.")
    assert "활용신청이 필요한 API" in line
    assert "활용신청이 필요한 API" in str(failure.value)
    assert API_KEY not in line + str(failure.value)


def test_a_timeout_fails_the_command(kma, kma_settings):
    kma_settings.SINMUN_KMA_TIMEOUT_SECONDS = 0.2
    kma_settings.SINMUN_KMA_RETRIES = 0
    kma.hang()
    with pytest.raises(CommandError, match="timed out"):
        call_command("fetch_weather", stdout=StringIO())
    assert FetchLog.objects.get().status == FetchStatus.FAILED


def test_an_open_circuit_fails_the_command_without_calling_kma(kma, kma_settings):
    kma.serve(ERROR_500.encode(), status=500, content_type="text/html")
    for _ in range(3):
        with pytest.raises(CommandError):
            call_command("fetch_weather", stdout=StringIO())
    calls = len(kma.requests)
    with pytest.raises(CommandError, match="skipped"):
        call_command("fetch_weather", stdout=StringIO())
    assert len(kma.requests) == calls


def test_stored_observations_end_the_command_normally(kma, kma_settings):
    kma.serve(make_body(at=this_hour()))
    out = StringIO()
    call_command("fetch_weather", stdout=out)
    assert out.getvalue().startswith("weather ok (api): stored 16")
    # The same hour again, ten minutes later: nothing new, and nothing wrong.
    call_command("fetch_weather", stdout=out)
    assert Observation.objects.count() == 16


def test_a_failed_fetch_fails_a_scheduler_run_and_is_its_last_error(
    kma, kma_settings, capsys
):
    from sinmun.core.models import JobLease

    kma.serve(ERROR_403.encode(), status=403, content_type="application/json")
    with pytest.raises(CommandError, match="fetch_weather: CommandError"):
        call_command("run_scheduler", once=True, job=["fetch_weather"])
    assert "fetch_weather: failed" in capsys.readouterr().out
    error = JobLease.objects.get(name="fetch_weather").last_error
    assert error.startswith("CommandError: Weather fetch failed")
    assert API_KEY not in error


@pytest.mark.django_db(transaction=True)
def test_the_process_exits_non_zero_and_reads_the_kma_urls_from_the_environment(
    kma, tmp_path
):
    """Cron and systemd see a failed fetch as a failed command; the URL is an env var."""
    kma.serve(ERROR_403.encode(), status=403, content_type="application/json")
    seed_stations()
    database = SharedDatabase.of_test_database(tmp_path)

    def fetch_weather():
        return subprocess.run(
            [sys.executable, "manage.py", "fetch_weather"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=settings.BASE_DIR,
            env={
                "PATH": "/usr/bin:/bin",
                "DJANGO_SETTINGS_MODULE": "sinmun.core.tests.scheduler_settings",
                "DATABASE_URL": database.url,
                "SINMUN_KMA_API_KEY": API_KEY,
                "SINMUN_KMA_API_URL": kma.url,
                "SINMUN_KMA_BACKFILL_URL": kma.backfill_url,
                "no_proxy": "127.0.0.1,localhost",
            },
        )

    failed = fetch_weather()
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr  # a message, not a traceback
    assert "Weather fetch failed" in failed.stderr
    assert "weather failed (api)" in failed.stdout
    assert len(kma.requests) >= 1  # the environment's URL, not apihub.kma.go.kr

    kma.server.clear()
    kma.serve(make_body(at=this_hour()))
    succeeded = fetch_weather()
    assert succeeded.returncode == 0, succeeded.stderr
    assert "weather ok (api): stored 16" in succeeded.stdout
    assert database.rows("SELECT COUNT(*) FROM weather_observation") == [(16,)]
