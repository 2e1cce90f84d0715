"""Settings for the scheduler's process tests: the test settings plus two test-only jobs.

Used only as DJANGO_SETTINGS_MODULE of `manage.py run_scheduler` subprocesses that the
tests start; the shipped SINMUN_SCHEDULED_JOBS never name these jobs.
"""

from sinmun.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "sinmun.core.tests.jobs"]  # noqa: F405
# fetch_weather first: were jobs still run one after another, a hanging KMA would hold
# publish_scheduled back (tests/test_scheduled_jobs.py).
SINMUN_SCHEDULED_JOBS = {
    "fetch_weather": 600,
    "publish_scheduled": 60,
    "hang_job": 1,
    "count_job": 60,
}
# Each test process starts in seconds; Kiwi loads only if a job indexes a story.
SINMUN_SEARCH_PRELOAD_ANALYSER = False
# Short, so a killed holder's lease ends within the test's bounded wait.
SINMUN_JOB_LEASE_SECONDS = 3
