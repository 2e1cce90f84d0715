from django.core.management.base import BaseCommand, CommandError

from sinmun.demo import archive


class Command(BaseCommand):
    help = (
        "Add N published stories over the last 20 years to the demo paper, in bulk, "
        "with Korean text recombined from the demo stories (load it first: seed_demo). "
        "Every run adds another N; the search index is filled as they are written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="stories to add")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed (default 1)"
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=1000,
            help="stories written per batch of inserts (default 1000)",
        )

    def handle(self, *args, count, seed, batch, **options):
        if count < 1 or batch < 1:
            raise CommandError("Give --count and --batch as positive numbers.")
        try:
            report = archive.generate_archive(
                count=count,
                seed=seed,
                batch=batch,
                log=lambda message: self.stdout.write(message),
            )
        except archive.ArchiveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created:,} stories added in {report.seconds:.1f} s "
                f"({report.per_second:,.0f} stories/s)."
            )
        )
