"""Store what `legacy` read: photos from a local mirror or the old site, sections matched to
sinmun's own, the stories a batch at a time through the shared `batch.Importer`, and the old
section-list addresses (`articleList.html?sc_section_code=S1N3`) as `OldAddress` rows."""

from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from PIL import Image, UnidentifiedImageError

from sinmun.core.text import normalize_line
from sinmun.images.models import Photo
from sinmun.migration import batch, services
from sinmun.migration.legacy import SOURCE, LegacyPage
from sinmun.migration.legacy_site import FetchError, OldSite
from sinmun.migration.models import ImportRecord, OldAddress
from sinmun.sections.models import SectionPage


def section_key(code: str) -> str:
    return f"legacy:section={code}"


def article_key(idxno: str) -> str:
    return f"legacy:idxno={idxno}"


class LegacyPhotos:
    """Find an article's photo in local folders (a mirror of the old site, or the folder of a
    saved page), else download it when the old site is reachable; store each once."""

    def __init__(
        self, *, roots: list[Path], site: OldSite | None = None, dry_run: bool = False
    ):
        self.roots, self.site, self.dry_run = roots, site, dry_run
        self.problems: dict[str, str] = {}  # why a photo was not stored, by its address
        # Saved pages' own folders, by the address of a photo on them: a story is written
        # with its batch, after the next pages have been read.
        self.beside: dict[str, list[Path]] = {}

    def look_beside(self, story: services.ImportedStory, folder: Path) -> None:
        """Look for the story's photos in `folder` too (the saved page's own) when stored."""
        for src in [
            story.lead_image,
            *(b.src for b in story.body if b.kind == "photo"),
        ]:
            folders = self.beside.setdefault(src, []) if src else []
            if src and folder not in folders:
                folders.append(folder)

    def why_missing(self, src: str) -> str:
        """Say why `photo(src)` found nothing (the import report names it)."""
        return self.problems.get(src, "not found")

    def _local(self, path: str, src: str) -> Path | None:
        parts = PurePosixPath(path.lstrip("/")).parts
        for root in [*self.roots, *self.beside.get(src, [])]:
            # The whole path first (a mirror of the site), then shorter tails of it (a page
            # saved with its files beside it).
            for start in range(len(parts)):
                candidate = (root / Path(*parts[start:])).resolve()
                if candidate.is_relative_to(root.resolve()) and candidate.is_file():
                    return candidate
        return None

    def photo(self, src: str, *, caption: str = "", credit: str = "") -> Photo | None:
        path = unquote(urlsplit(src).path)
        key = path[:255]
        record = ImportRecord.objects.filter(
            source=SOURCE, kind="attachment", source_id=key
        ).first()
        if record and record.photo_id:
            return record.photo
        local = self._local(path, src) if path else None
        if local is not None:
            data = local.read_bytes()
        elif self.site is not None:
            try:
                data = self.site.file(src)
            except FetchError as error:
                self.problems[src] = f"download failed ({error})"
                return None
        else:
            self.problems[src] = "not found"
            return None
        try:
            Image.open(BytesIO(data)).verify()
        except (UnidentifiedImageError, OSError, SyntaxError):
            self.problems[src] = "not an image"
            return None
        name = PurePosixPath(path).name or "photo.jpg"
        if self.dry_run:
            return Photo(title=name)
        photo = Photo(
            title=normalize_line(caption)[:255] or name, caption=caption, credit=credit
        )
        photo.file = ImageFile(BytesIO(data), name=name)
        photo.save()
        ImportRecord.objects.update_or_create(
            source=SOURCE,
            kind="attachment",
            source_id=key,
            defaults={"photo": photo, "fingerprint": ""},
        )
        return photo


def section_path(home, sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Match the old site's section names to sinmun's sections (by title), else new slugs."""
    path, parent = [], home
    for code, name in sections:
        existing = (
            SectionPage.objects.child_of(parent).filter(title=name).first()
            if parent is not None
            else None
        )
        slug = existing.slug if existing else slugify(name, allow_unicode=True)
        path.append((slug or code.lower() or "section", name))
        parent = existing
    return path


class LegacyImport:
    """Import read pages through `batch.Importer`, a batch at a time; `finish()` at the end.

    `add()` and `flush()` return (label, outcome) for each page of a batch once it is
    written, with the page's own notes first. The old section-list addresses are stored with
    each batch, in its transaction.
    """

    def __init__(
        self,
        *,
        home,
        photos: LegacyPhotos,
        default_section: list[tuple[str, str]],
        batch_size: int = batch.BATCH_SIZE,
    ):
        self.home, self.photos = home, photos
        self.importer = batch.Importer(
            home=home,
            default_section=default_section,
            photos=photos,
            batch_size=batch_size,
            after_batch=self._section_addresses,
        )
        # The run's memory of sections matched and codes stored, so a large archive asks
        # the database once per section, not once per page.
        self.matched: dict[tuple, list[tuple[str, str]]] = {}
        self.stored_codes: set[tuple[str, ...]] = set()
        self.waiting: dict[int, tuple[LegacyPage, str]] = {}

    def add(self, page: LegacyPage, label: str) -> list[tuple[str, services.Outcome]]:
        sections = tuple(page.sections)
        if sections not in self.matched:
            self.matched[sections] = section_path(self.home, page.sections)
        page.story.section_path = list(self.matched[sections])
        self.waiting[id(page.story)] = (page, label)
        return self._done(self.importer.add(page.story))

    def flush(self) -> list[tuple[str, services.Outcome]]:
        return self._done(self.importer.flush())

    def finish(self) -> None:
        self.importer.finish()

    def _done(self, results) -> list[tuple[str, services.Outcome]]:
        done = []
        for story, outcome in results:
            page, label = self.waiting.pop(id(story))
            outcome.notes[:0] = page.notes
            done.append((label, outcome))
        return done

    def _codes(self, story: services.ImportedStory) -> tuple[str, ...]:
        page, _label = self.waiting[id(story)]
        codes = [code for code, _ in page.sections if code]
        return tuple(codes[: len(story.section_path)])

    def _section_addresses(self, results) -> None:
        """Give the sections of a batch's stories their old list addresses (first wins)."""
        if self.photos.dry_run:
            return
        wanted = {}
        for story, outcome in results:
            codes = self._codes(story)
            if outcome.page is not None and codes and codes not in self.stored_codes:
                wanted.setdefault(codes, outcome.page)
        keys = {}
        for codes, article in wanted.items():
            section = article.get_parent()
            levels = [section, *section.get_ancestors().reverse()]
            for code, level in zip(reversed(codes), levels, strict=False):
                keys.setdefault(section_key(code), level)
        if not keys:
            return
        existing = set(
            OldAddress.objects.filter(key__in=list(keys)).values_list("key", flat=True)
        )
        OldAddress.objects.bulk_create(
            [OldAddress(key=k, page=p) for k, p in keys.items() if k not in existing]
        )
        # Remembered once the batch is committed: a batch rolled back stores them again.
        transaction.on_commit(lambda: self.stored_codes.update(wanted))
