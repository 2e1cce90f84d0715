import os
from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Test job: append this process's id to the file SCHEDULER_TEST_COUNT_FILE."

    def handle(self, *args, **options):
        with Path(os.environ["SCHEDULER_TEST_COUNT_FILE"]).open("a") as file:
            file.write(f"{os.getpid()}\n")
