from django.apps import AppConfig


class SchedulerTestJobsConfig(AppConfig):
    """Jobs that exist only for the scheduler's process tests (scheduler_settings.py)."""

    name = "sinmun.core.tests.jobs"
    label = "scheduler_test_jobs"
