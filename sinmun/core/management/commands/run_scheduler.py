from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sinmun.core import scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (SINMUN_SCHEDULED_JOBS: publish_scheduled every minute, "
        "fetch_weather every ten) until stopped. Two schedulers never run one job at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run the jobs once and exit (for cron)."
        )
        parser.add_argument(
            "--job", action="append", help="Only this job (may be repeated)."
        )

    def handle(self, *args, once=False, job=None, **options):
        unknown = set(job or ()) - set(settings.SINMUN_SCHEDULED_JOBS)
        if unknown:
            raise CommandError(f"Unknown job: {', '.join(sorted(unknown))}")
        if not once:
            self.stdout.write("Scheduler running; Ctrl-C stops it.")
            scheduler.run_forever()
            return
        for name in job or settings.SINMUN_SCHEDULED_JOBS:
            ran = scheduler.run_job(name)
            self.stdout.write(
                f"{name}: {'ran' if ran else 'skipped (another run holds it)'}"
            )
