import time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sinmun.frontpage.models import HomePage
from sinmun.migration import services, wordpress, wxr
from sinmun.migration.models import ImportSource

DEFAULT_SECTION = [("uncategorized", "미분류")]


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become articles, authors reporters, "
        "categories sections, old addresses 301 redirects. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file WordPress exported")
        parser.add_argument(
            "--uploads", type=Path, help="local copy of wp-content/uploads"
        )
        parser.add_argument(
            "--default-section",
            default="uncategorized",
            help="section slug for posts only in 미분류 (default: a 미분류 section)",
        )
        parser.add_argument(
            "--timezone", default="Asia/Seoul", help="the WordPress site's time zone"
        )
        parser.add_argument("--dry-run", action="store_true", help="change nothing")

    def handle(self, *args, export: Path, **options):
        if not export.is_file():
            raise CommandError(f"{export}: no such file. Give the WXR export's path.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError(
                "No front page yet: run migrate and create the site first."
            )
        zone = ZoneInfo(options["timezone"])
        slug = options["default_section"]
        default = DEFAULT_SECTION if slug == "uncategorized" else [(slug, slug)]
        photos = services.PhotoStore(
            source=ImportSource.WORDPRESS,
            uploads=options["uploads"],
            marker="wp-content/uploads/",
            dry_run=options["dry_run"],
        )
        total = export.read_bytes().count(b"<item>")
        counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        lines: list[str] = []
        started = time.monotonic()
        channel = wxr.Channel()
        try:
            with transaction.atomic():
                with export.open("rb") as source:
                    try:
                        for n, item in enumerate(
                            wxr.read(source, zone=zone, channel=channel), 1
                        ):
                            self._one(
                                item,
                                channel,
                                zone,
                                home,
                                default,
                                photos,
                                counts,
                                lines,
                            )
                            if n % 50 == 0 or n == total:
                                self.stderr.write(
                                    f"\r{n}/{total} "
                                    + " ".join(f"{k} {v}" for k, v in counts.items()),
                                    ending="",
                                )
                    except wxr.WxrError as error:
                        counts["failed"] += 1
                        lines.append(
                            f"failed: the export stops being XML ({error}); items before it were imported"
                        )
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            lines.append("dry run: nothing was changed")
        seconds = time.monotonic() - started
        self.stderr.write("")
        for line in lines:
            self.stdout.write(line)
        stories = counts["created"] + counts["updated"]
        self.stdout.write(
            " ".join(f"{k} {v}" for k, v in counts.items())
            + f" in {seconds:.1f} s ({stories / seconds if seconds else 0:.1f} stories/s)"
        )

    def _one(self, item, channel, zone, home, default, photos, counts, lines):
        label = f"post {item.id or '?'} (item {item.number})"
        if item.post_type == "attachment" and item.attachment_url:
            channel.attachments[item.id] = item.attachment_url
        reason = wordpress.skip_reason(item)
        if reason:
            counts["skipped"] += 1
            lines.append(f"skipped {label}: {reason}")
            return
        try:
            story = wordpress.to_story(item, channel, zone=zone)
            with transaction.atomic():
                outcome = services.import_story(
                    story, home=home, default_section=default, photos=photos
                )
        except (ValueError, TypeError, KeyError) as error:
            counts["failed"] += 1
            lines.append(f"failed {label}: {error}")
            return
        counts[outcome.action] += 1
        if outcome.action in ("failed", "skipped") and outcome.reason != "unchanged":
            lines.append(f"{outcome.action} {label}: {outcome.reason}")
        for note in outcome.notes:
            lines.append(f"note {label}: {note}")
