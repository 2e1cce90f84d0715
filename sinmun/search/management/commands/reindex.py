"""Rebuild the whole search index with the current Korean analyser."""

import time

from django.core.management.base import BaseCommand

from sinmun.search import analysis, services


class Command(BaseCommand):
    help = (
        "Rebuild the search index (Kiwi analysis) and the near-duplicate fingerprints."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, batch_size, **options):
        started = time.monotonic()
        self.stdout.write(f"Analyser {analysis.analyser().version}")

        def progress(label, done, total):
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"  {label}: {done}/{total} ({rate:.0f}/s)")

        count = services.reindex(batch_size=batch_size, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} objects in {time.monotonic() - started:.1f} s"
            )
        )
