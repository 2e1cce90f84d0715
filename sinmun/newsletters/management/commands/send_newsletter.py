from django.core.management.base import BaseCommand

from sinmun.newsletters import services


class Command(BaseCommand):
    help = (
        "Start today's morning newsletter once its send time (SINMUN_NEWSLETTER_SEND_AT, KST) "
        "has passed; the task queue sends it. Run every minute by run_scheduler."
    )

    def handle(self, *args, **options):
        edition = services.start_due_edition()
        if edition is not None:
            self.stdout.write(f"Edition of {edition.edition_on} queued.")
