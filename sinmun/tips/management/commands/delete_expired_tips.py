from django.core.management.base import BaseCommand

from sinmun.tips import services


class Command(BaseCommand):
    help = "Delete news tips (and their files) past the retention period the tipster agreed to."

    def handle(self, *args, **options):
        count = services.delete_expired()
        self.stdout.write(f"{count} tips deleted.")
