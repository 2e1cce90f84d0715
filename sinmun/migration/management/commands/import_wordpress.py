import argparse
import contextlib
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sinmun.frontpage.models import HomePage
from sinmun.migration import batch, photos, services, wordpress, wxr
from sinmun.migration.models import ImportRecord, ImportSource, OldAddress

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
            "--download",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="download images not in --uploads from the old site (default: yes)",
        )
        parser.add_argument(
            "--max-image-mb",
            type=int,
            default=photos.DOWNLOAD_MAX_BYTES // (1024 * 1024),
            help="largest image taken, in MB (default: %(default)s)",
        )
        parser.add_argument(
            "--default-section",
            default="uncategorized",
            help="section slug for posts only in 미분류 (default: a 미분류 section)",
        )
        parser.add_argument(
            "--timezone", default="Asia/Seoul", help="the WordPress site's time zone"
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=batch.BATCH_SIZE,
            help="stories written per transaction",
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
        self.zone = ZoneInfo(options["timezone"])
        self.dry_run = options["dry_run"]
        slug = options["default_section"]
        default = DEFAULT_SECTION if slug == "uncategorized" else [(slug, slug)]
        self.channel = wxr.Channel()
        store = photos.PhotoStore(
            source=ImportSource.WORDPRESS,
            uploads=options["uploads"],
            marker="wp-content/uploads/",
            dry_run=self.dry_run,
            download=options["download"],
            max_bytes=options["max_image_mb"] * 1024 * 1024,
        )
        self.total = _count_items(export)
        self.counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        self.lines: list[str] = []
        self.labels: dict[str, str] = {}
        self.started = time.monotonic()
        self.seen = 0
        try:
            # Each batch commits on its own; a dry run is one transaction, rolled back.
            with transaction.atomic() if self.dry_run else contextlib.nullcontext():
                self._run(export, home, default, store, options["batch_size"])
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            self.lines.append("dry run: nothing was changed")
        self._report()

    def _run(self, export, home, default, store, batch_size):
        importer = batch.Importer(
            home=home, default_section=default, photos=store, batch_size=batch_size
        )
        with export.open("rb") as source:
            try:
                for item in wxr.read(source, zone=self.zone, channel=self.channel):
                    self.seen += 1
                    self._outcomes(self._one(item, importer))
                    if self.seen % 50 == 0:
                        self._progress()
            except wxr.WxrError as error:
                self.counts["failed"] += 1
                self.lines.append(
                    f"failed: the export stops being XML after item {self.seen} "
                    f"({error}); the items before it were imported"
                )
        self._outcomes(importer.flush())
        self._later_thumbnails(store)
        importer.finish()
        self._progress()

    def _one(self, item, importer):
        label = f"{item.post_type or 'item'} {item.id or '?'} (item {item.number})"
        if item.post_type == "attachment" and item.attachment_url:
            self.channel.attachments[item.id] = item.attachment_url
        if item.post_type == "post" and item.status == "trash":
            return self._trashed(item, label, importer)
        reason = wordpress.skip_reason(item)
        if reason:
            self.counts["skipped"] += 1
            self.lines.append(f"skipped {label}: {reason}")
            return []
        try:
            story = wordpress.to_story(item, self.channel, zone=self.zone)
        except (ValueError, TypeError, KeyError) as error:
            self.counts["failed"] += 1
            self.lines.append(f"failed {label}: {error}")
            return []
        if item.post_type == "page":
            self._outcomes(
                [
                    (
                        story,
                        services.import_static_page(
                            story, home=importer.home, dry_run=self.dry_run
                        ),
                    )
                ],
                kind="page",
            )
            return []
        self.labels[story.source_id] = label
        return importer.add(story)

    def _trashed(self, item, label, importer):
        """A trashed post is withdrawn if an earlier run imported it; its shortlink 404s."""
        imported = ImportRecord.objects.filter(
            source=ImportSource.WORDPRESS, kind="post", source_id=item.id
        ).exclude(page=None)
        if imported.exists():
            story = wordpress.to_story(item, self.channel, zone=self.zone)
            story.status = services.DRAFT
            self.labels[story.source_id] = label
            return importer.add(story)
        self.counts["skipped"] += 1
        self.lines.append(f"skipped {label}: status trash: not a story")
        if item.id.isdigit() and not self.dry_run:
            OldAddress.objects.get_or_create(key=f"wordpress:p={int(item.id)}")
        return []

    def _later_thumbnails(self, store):
        """Featured images whose attachment came after their post in the export."""
        for post_id, attachment_id in self.channel.later_thumbnails.items():
            src = self.channel.attachments.get(attachment_id)
            if not src:
                continue
            record = ImportRecord.objects.filter(
                source=ImportSource.WORDPRESS, kind="post", source_id=post_id
            ).first()
            if record is None or record.page_id is None:
                continue
            photo = store.photo(src)
            if photo is None:
                self.lines.append(
                    f"note post {post_id}: missing image {src} ({store.why_missing(src)})"
                )
            elif not self.dry_run:
                services.set_lead_image(record, photo)

    def _outcomes(self, results, kind="post"):
        for story, outcome in results:
            label = self.labels.pop(story.source_id, f"{kind} {story.source_id}")
            self.counts[outcome.action] += 1
            if (
                outcome.action in ("failed", "skipped")
                and outcome.reason != "unchanged"
            ):
                self.lines.append(f"{outcome.action} {label}: {outcome.reason}")
            for note in outcome.notes:
                self.lines.append(f"note {label}: {note}")

    def _progress(self):
        done = min(self.seen, self.total) if self.total else self.seen
        width = 30
        filled = width * done // self.total if self.total else width
        seconds = time.monotonic() - self.started
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} items "
            + " ".join(f"{k} {v}" for k, v in self.counts.items())
            + f" ({done / seconds if seconds else 0:.0f} items/s)",
            ending="",
        )

    def _report(self):
        seconds = time.monotonic() - self.started
        self.stderr.write("")
        for line in self.lines:
            self.stdout.write(line)
        stories = self.counts["created"] + self.counts["updated"]
        self.stdout.write(
            " ".join(f"{k} {v}" for k, v in self.counts.items())
            + f" in {seconds:.1f} s ({stories / seconds if seconds else 0:.1f} stories/s)"
        )


def _count_items(path: Path) -> int:
    count = 0
    with path.open("rb") as source:
        tail = b""
        for chunk in iter(lambda: source.read(1 << 20), b""):
            count += (tail + chunk).count(b"<item>")
            tail = chunk[-5:]
    return count
