import re
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sinmun.frontpage.models import HomePage
from sinmun.migration import batch, legacy, legacy_import
from sinmun.migration.legacy_site import FetchError, OldSite
from sinmun.migration.models import ImportRecord

DEFAULT_SECTION = [("uncategorized", "미분류")]
PAGE_SUFFIXES = {".html", ".htm", ".shtml", ".php", ""}


class _DryRun(Exception):
    pass


def _files(sources: list[Path]):
    for source in sources:
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file() and (
                    path.suffix.lower() in PAGE_SUFFIXES or "idxno=" in path.name
                ):
                    yield path, str(path.relative_to(source))
        else:
            yield source, source.name


class Command(BaseCommand):
    help = (
        "Import article pages of a legacy Korean news CMS (articleView.html?idxno=N), from "
        "saved HTML files or folders or fetched from the old site. Old addresses answer 301. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "sources",
            nargs="*",
            type=Path,
            help="saved article pages or folders of them",
        )
        parser.add_argument(
            "--base-url",
            required=True,
            help="the old site's address, e.g. https://www.old-paper.example",
        )
        parser.add_argument(
            "--idxno-range",
            help="fetch the article numbers A-B from the old site (e.g. 1-250000)",
        )
        parser.add_argument(
            "--rate", type=float, default=2.0, help="requests per second (default 2)"
        )
        parser.add_argument(
            "--cache", type=Path, help="keep fetched pages and photos in this folder"
        )
        parser.add_argument(
            "--photos", type=Path, help="local copy of the old site's photo folders"
        )
        parser.add_argument(
            "--fetch-photos",
            action="store_true",
            help="download photos not found locally from the old site",
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="fetch again the pages an earlier run imported",
        )
        parser.add_argument(
            "--ignore-robots", action="store_true", help="do not read robots.txt"
        )
        parser.add_argument(
            "--default-section",
            default="uncategorized",
            help="section slug for pages without a section (default: a 미분류 section)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=batch.BATCH_SIZE,
            help="pages written per transaction",
        )
        parser.add_argument("--dry-run", action="store_true", help="change nothing")

    def handle(self, *args, sources, base_url, **options):
        if not re.match(r"^https?://[^/]+", base_url):
            raise CommandError(
                f"--base-url {base_url}: give the old site's http(s) address."
            )
        span = self._span(options["idxno_range"])
        if not sources and span is None:
            raise CommandError("Give saved pages or folders, or --idxno-range A-B.")
        for source in sources:
            if not source.exists():
                raise CommandError(f"{source}: no such file or folder.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError(
                "No front page yet: run migrate and create the site first."
            )
        site = None
        if span is not None or options["fetch_photos"]:
            site = OldSite(
                base_url,
                rate=options["rate"],
                cache=options["cache"],
                obey_robots=not options["ignore_robots"],
            )
        slug = options["default_section"]
        self.default = DEFAULT_SECTION if slug == "uncategorized" else [(slug, slug)]
        self.home, self.base_url = home, base_url.rstrip("/")
        self.counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        self.kinds: Counter = Counter()
        self.lines: list[str] = []
        self.not_refetched = 0
        roots = [options["photos"]] if options["photos"] else []
        if options["cache"]:
            roots.append(options["cache"] / "files")
        self.photos = legacy_import.LegacyPhotos(
            roots=roots, site=site, dry_run=options["dry_run"]
        )
        self.stories = legacy_import.LegacyImport(
            home=home,
            photos=self.photos,
            default_section=self.default,
            batch_size=options["batch_size"],
        )
        started = time.monotonic()
        interrupted = False
        try:
            # Each batch commits on its own, so a stopped run keeps every batch written
            # (the pages counted as imported) and a re-run resumes after them.
            with transaction.atomic() if options["dry_run"] else nullcontext():
                try:
                    self._read(sources, span, site, options["refresh"])
                except KeyboardInterrupt:
                    interrupted = True
                    self.lines.append(
                        "interrupted: the pages read so far were written; run the same "
                        "command again to go on"
                    )
                self._outcomes(self.stories.flush())
                self.stories.finish()
                if options["dry_run"]:
                    raise _DryRun
        except _DryRun:
            self.lines.append("dry run: nothing was changed")
        seconds = time.monotonic() - started
        self.stderr.write("")
        for line in self.lines:
            self.stdout.write(line)
        if self.not_refetched:
            self.stdout.write(
                f"skipped {self.not_refetched} pages an earlier run imported, without "
                "fetching them (--refresh fetches them again)"
            )
        if self.kinds:
            self.stdout.write(
                "pages read: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items()))
            )
        pages = sum(self.counts.values())
        self.stdout.write(
            " ".join(f"{k} {v}" for k, v in self.counts.items())
            + f" in {seconds:.1f} s ({pages / seconds if seconds else 0:.1f} pages/s)"
        )
        if interrupted:
            raise CommandError("Interrupted. Run the same command again to go on.")

    def _read(self, sources, span, site, refresh):
        if span is None:
            items = list(_files(sources))
            for n, (path, name) in enumerate(items, 1):
                self._file(path, name)
                self._progress(n, len(items))
        else:
            first, last = span
            for n, idxno in enumerate(range(first, last + 1), 1):
                self._fetch(site, idxno, refresh)
                self._progress(n, last - first + 1)

    def _span(self, value):
        if not value:
            return None
        match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", value)
        if not match or int(match.group(1)) > int(match.group(2)):
            raise CommandError(f"--idxno-range {value}: give two numbers, e.g. 1-5000.")
        return int(match.group(1)), int(match.group(2))

    def _progress(self, n, total):
        if n % 20 == 0 or n == total:
            self.stderr.write(
                f"\r{n}/{total} "
                + " ".join(f"{k} {v}" for k, v in self.counts.items()),
                ending="",
            )

    def _file(self, path: Path, name: str):
        try:
            data = path.read_bytes()
        except OSError as error:
            self._report("failed", str(path), f"cannot read the file ({error})")
            return
        # `name` (the path inside the folder given) keys a page without an idxno.
        self._page(str(path), data, "", name=name, folder=path.parent)

    def _fetch(self, site: OldSite, idxno: int, refresh: bool):
        label = f"idxno {idxno}"
        cached = site.cache is not None and (site.cache / f"{idxno}.html").is_file()
        if (
            not refresh
            and not cached
            and ImportRecord.objects.filter(
                source=legacy.SOURCE, kind="post", source_id=str(idxno)
            ).exists()
        ):
            self.counts["skipped"] += 1
            self.not_refetched += 1
            return
        try:
            fetched = site.article(idxno)
        except FetchError as error:
            missing = (
                "404" in str(error) or "410" in str(error) or "not on" in str(error)
            )
            self._report("skipped" if missing else "failed", label, str(error))
            return
        if "idxno=" not in fetched.url:
            # Deleted stories often redirect to the front page or a notice.
            self._report("skipped", label, f"the old site redirected to {fetched.url}")
            return
        self._page(label, fetched.data, fetched.charset, name=site.article_url(idxno))

    def _page(self, label: str, data: bytes, charset: str, *, name: str, folder=None):
        try:
            page = legacy.read(
                data, base_url=self.base_url, name=name, header_charset=charset
            )
        except legacy.PageError as error:
            self._report("failed", label, str(error))
            return
        self.kinds[f"{page.generation} layout"] += 1
        self.kinds[page.encoding] += 1
        if page.story.source_id.isdigit():
            label = f"idxno {page.story.source_id} ({label})"
        if folder is not None:
            self.photos.look_beside(page.story, folder)
        self._outcomes(self.stories.add(page, label))

    def _outcomes(self, results):
        """Count and report the pages of a batch once it is written."""
        for label, outcome in results:
            self.counts[outcome.action] += 1
            if (
                outcome.action in ("failed", "skipped")
                and outcome.reason != "unchanged"
            ):
                self.lines.append(f"{outcome.action} {label}: {outcome.reason}")
            for note in outcome.notes:
                self.lines.append(f"note {label}: {note}")

    def _report(self, action: str, label: str, reason: str):
        self.counts[action] += 1
        self.lines.append(f"{action} {label}: {reason}")
