import os
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Test job: sleep SCHEDULER_TEST_HANG_SECONDS (a job that hangs until killed)."
    )

    def handle(self, *args, **options):
        time.sleep(float(os.environ.get("SCHEDULER_TEST_HANG_SECONDS", "600")))
