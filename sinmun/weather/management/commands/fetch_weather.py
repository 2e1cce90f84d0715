from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sinmun.weather import clients, services
from sinmun.weather.models import FetchStatus, Station


class Command(BaseCommand):
    help = (
        "Store the latest KMA observations for the ticker's stations. Run every 10 minutes "
        "from cron. Without SINMUN_KMA_API_KEY it loads the bundled sample instead. "
        "Exits non-zero when KMA failed, sent no rows or is paused after failures."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backfill",
            type=int,
            metavar="HOURS",
            help="Also fill missing hours from kma_sfctm3.php, up to 744 (31 days) back.",
        )

    def handle(self, *args, **options):
        now = timezone.now()
        stations = list(Station.objects.active())
        source = clients.source_from_settings()
        if options["backfill"]:
            if not isinstance(source, clients.KmaApiHubClient):
                raise CommandError(
                    "--backfill needs SINMUN_KMA_API_KEY; the sample has one hour."
                )
            hours = min(max(options["backfill"], 1), 31 * 24)
            result = services.backfill_observations(
                client=source,
                stations=stations,
                start=now - timedelta(hours=hours),
                now=now,
            )
            self._report(result)
            results = [result]
        else:
            results = []
        result = services.refresh_observations(
            source=source, stations=stations, now=now
        )
        self._report(result)
        results.append(result)
        failed = [r for r in results if r.status != FetchStatus.OK]
        if failed:
            # A non-zero exit is what cron mails and systemd marks as failed; the
            # scheduler records this message as the job's last error.
            raise CommandError(
                "Weather fetch failed: " + " | ".join(r.summary() for r in failed)
            )

    def _report(self, result):
        style = (
            self.style.SUCCESS
            if result.status == FetchStatus.OK
            else self.style.WARNING
        )
        self.stdout.write(style(result.summary()))
