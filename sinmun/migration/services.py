"""Turn one imported item into a sinmun story, and remember it. Shared by every importer."""

import hashlib
import html
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

from django.utils.encoding import escape_uri_path
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from sinmun.articles.models import ArticleByline, ArticlePage
from sinmun.core.models import StaticPage
from sinmun.core.text import normalize_line
from sinmun.migration.body import Block
from sinmun.migration.models import ImportedComment, ImportRecord, OldAddress
from sinmun.migration.photos import PhotoStore
from sinmun.newsroom.models import Reporter
from sinmun.sections.models import SectionPage

LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"
# Suffixes Korean bylines put after a name: 정다은 기자, 김철수 특파원, 가람 기자단.
ROLE_SUFFIX = re.compile(
    r"\s*(?:선임기자|수습기자|객원기자|기자단|기자|특파원|통신원|논설위원|편집위원|칼럼니스트)$"
)


@dataclass
class ImportedStory:
    source: str
    source_id: str
    title: str
    body: list[Block]
    status: str
    section_path: list[tuple[str, str]] = field(default_factory=list)  # (slug, title)
    subtitle: str = ""
    reporters: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # name, email, slug
    tags: list[str] = field(default_factory=list)
    slug: str = ""
    first_published_at: datetime | None = None
    last_published_at: datetime | None = None
    lead_image: str = ""
    old_paths: list[str] = field(default_factory=list)
    old_keys: list[str] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)

    def fingerprint(self) -> str:
        data = json.dumps(asdict(self), default=str, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()


@dataclass
class Lookups:
    """What many stories of one import share, looked up once: sections and reporters."""

    sections: dict = field(default_factory=dict)  # path → SectionPage
    reporters: dict = field(default_factory=dict)  # (name, e-mail) → Reporter


@dataclass
class Outcome:
    action: str  # created | updated | skipped | failed
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    page: ArticlePage | None = None


def reporter_name(display_name: str) -> str:
    """Return the name in a byline such as `정다은 기자`: 정다은."""
    return ROLE_SUFFIX.sub("", normalize_line(html.unescape(display_name))).strip()


def ensure_section(
    home, path: list[tuple[str, str]], cache: dict | None = None
) -> SectionPage:
    """Return the section at `path` under `home`, creating (and publishing) what is missing.

    `cache` (path → section) spares the lookups when many stories share a section.
    """
    key = tuple(path)
    if cache is not None and key in cache:
        return cache[key]
    parent = home
    for slug, title in path:
        section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if section is None:
            section = SectionPage(
                title=title, slug=slug, show_on_front_page=parent.pk == home.pk
            )
            # Its numchild may be stale (stories written in bulk since it was read).
            parent.refresh_from_db()
            parent.add_child(instance=section)
            section.save_revision().publish()
        parent = section
    if cache is not None:
        cache[key] = parent
    return parent


def _reporter(name: str, email: str, slug: str, cache: dict | None = None) -> Reporter:
    if cache is not None and (name, email) in cache:
        return cache[(name, email)]
    found = _find_reporter(name, email, slug)
    if cache is not None:
        cache[(name, email)] = found
    return found


def _find_reporter(name: str, email: str, slug: str) -> Reporter:
    found = (Reporter.objects.filter(email=email).first() if email else None) or (
        Reporter.objects.filter(name=name).first()
    )
    if found:
        return found
    base = slugify(slug or name, allow_unicode=True)[:50] or "reporter"
    candidate, n = base, 1
    while Reporter.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return Reporter.objects.create(name=name, email=email, slug=candidate)


def _stream(story: ImportedStory, photos: PhotoStore, notes: list[str]) -> list[dict]:
    data = []
    for block in story.body:
        if block.kind == "paragraph":
            data.append({"type": "paragraph", "value": f"<p>{block.text}</p>"})
        elif block.kind == "subheading":
            data.append({"type": "subheading", "value": block.text})
        elif block.kind == "quote":
            data.append(
                {
                    "type": "quote",
                    "value": {"text": block.text, "attribution": block.attribution},
                }
            )
        elif block.kind == "embed":
            data.append({"type": "embed", "value": block.src})
        elif block.kind == "photo":
            photo = photos.photo(block.src, caption=block.caption, credit=block.credit)
            if photo is None:
                notes.append(
                    f"missing image {block.src} ({photos.why_missing(block.src)})"
                )
                if block.caption:
                    data.append(
                        {
                            "type": "paragraph",
                            "value": f"<p>{html.escape(block.caption, quote=False)}</p>",
                        }
                    )
                continue
            data.append(
                {
                    "type": "photo",
                    "value": {
                        "image": photo.pk,
                        "caption": block.caption,
                        "credit": block.credit,
                    },
                }
            )
    return data


def _move(page: ArticlePage, section: SectionPage, source_id: str) -> None:
    """File `page` under `section` (its category changed), keeping its slug unique there."""
    if (
        Page.objects.child_of(section)
        .filter(slug=page.slug)
        .exclude(pk=page.pk)
        .exists()
    ):
        page.slug = f"{page.slug[:180]}-{source_id}"
        Page.objects.filter(pk=page.pk).update(slug=page.slug)
    page.move(section, pos="last-child")
    page.refresh_from_db()


def old_path(url: str) -> str:
    """Return the path of an old address in the form Wagtail's redirects look it up."""
    parts = urlsplit(url)
    path = escape_uri_path(unquote(parts.path or "/"))
    return Redirect.normalise_path(path)


def import_story(
    story: ImportedStory,
    *,
    home,
    default_section: list[tuple[str, str]],
    photos: PhotoStore,
    lookups: Lookups | None = None,
    record: ImportRecord | None = None,
) -> Outcome:
    """Create or update the story for `story`; never create one twice, never overwrite an edit.

    A changed category moves the story to its new section. `record` is the story's
    `ImportRecord` if the caller has already read it.
    """
    lookups = lookups or Lookups()
    fingerprint = story.fingerprint()
    if record is None:
        record = ImportRecord.objects.filter(
            source=story.source, kind="post", source_id=story.source_id
        ).first()
    notes: list[str] = []
    page = None
    if record and record.page_id:
        page = ArticlePage.objects.filter(pk=record.page_id).first()
    if page is not None:
        if record.fingerprint == fingerprint:
            return Outcome("skipped", "unchanged", page=page)
        if page.latest_revision_id != record.revision_id:
            return Outcome(
                "skipped", "edited in sinmun since the last import", page=page
            )
    if not story.section_path:
        notes.append("no category: filed under the default section")
    if not story.title:
        return Outcome("failed", "no headline")
    section = ensure_section(
        home, story.section_path or default_section, lookups.sections
    )
    lead = photos.photo(story.lead_image) if story.lead_image else None
    if story.lead_image and lead is None:
        notes.append(
            f"missing image {story.lead_image} ({photos.why_missing(story.lead_image)})"
        )
    body = _stream(story, photos, notes)
    if photos.dry_run:
        return Outcome("updated" if page else "created", notes=notes)
    created = page is None
    if created:
        slug = slugify(story.slug or story.title, allow_unicode=True)[:200] or "story"
        if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
            slug = f"{slug[:180]}-{story.source_id}"
        page = ArticlePage(slug=slug, live=False)
    elif page.path[: -page.steplen] != section.path:
        _move(page, section, story.source_id)
    page.title = story.title[:255]
    page.subtitle = story.subtitle
    page.body = body
    page.lead_image = lead
    page.bylines = [
        ArticleByline(reporter=_reporter(*r, cache=lookups.reporters), sort_order=i)
        for i, r in enumerate(story.reporters)
    ]
    page.tags.clear()
    page.tags.add(*story.tags)
    if story.status == SCHEDULED:
        page.go_live_at = story.first_published_at
    if created:
        section.add_child(instance=page)
    revision = page.save_revision()
    if story.status in (LIVE, SCHEDULED):
        revision.publish()
    elif page.live:
        page.unpublish()
    if story.status == LIVE and story.first_published_at:
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=story.first_published_at,
            last_published_at=story.last_published_at or story.first_published_at,
        )
        type(revision).objects.filter(pk=revision.pk).update(
            created_at=story.last_published_at or story.first_published_at
        )
    page.refresh_from_db()
    record, _ = ImportRecord.objects.update_or_create(
        source=story.source,
        kind="post",
        source_id=story.source_id,
        defaults={
            "page": page,
            "fingerprint": fingerprint,
            "revision_id": page.latest_revision_id,
        },
    )
    for url in story.old_paths:
        path = old_path(url)
        if path and path != "/":
            Redirect.objects.update_or_create(
                old_path=path,
                site=None,
                defaults={"redirect_page": page, "is_permanent": True},
            )
    for key in story.old_keys:
        OldAddress.objects.update_or_create(key=key, defaults={"page": page})
    for comment in story.comments:
        values = dict(comment)
        ImportedComment.objects.update_or_create(
            record=record, source_id=values.pop("id"), defaults=values
        )
    return Outcome("created" if created else "updated", notes=notes, page=page)


def _rich_text(story: ImportedStory) -> str:
    """The story's body as rich text, for a static page (photos are left out)."""
    parts = []
    for block in story.body:
        text = block.text
        if block.kind == "paragraph":
            parts.append(f"<p>{text}</p>")
        elif block.kind == "subheading":
            parts.append(f"<h2>{html.escape(text, quote=False)}</h2>")
        elif block.kind == "quote":
            parts.append(f"<blockquote><p>{text}</p></blockquote>")
        elif block.kind == "embed":
            url = html.escape(block.src)
            parts.append(f'<p><a href="{url}">{url}</a></p>')
        elif block.kind == "photo" and block.caption:
            parts.append(f"<p>{html.escape(block.caption, quote=False)}</p>")
    return "".join(parts)


def import_static_page(story: ImportedStory, *, home, dry_run: bool) -> Outcome:
    """Create or update the static page (회사소개, 광고문의…) for an old site's page."""
    if not story.title:
        return Outcome("failed", "no headline")
    fingerprint = story.fingerprint()
    record = ImportRecord.objects.filter(
        source=story.source, kind="page", source_id=story.source_id
    ).first()
    page = None
    if record and record.page_id:
        page = StaticPage.objects.filter(pk=record.page_id).first()
    if page is not None and record.fingerprint == fingerprint:
        return Outcome("skipped", "unchanged", page=page)
    if page is not None and page.latest_revision_id != record.revision_id:
        return Outcome("skipped", "edited in sinmun since the last import", page=page)
    if dry_run:
        return Outcome("updated" if page else "created")
    created = page is None
    if created:
        slug = slugify(story.slug or story.title, allow_unicode=True)[:200] or "page"
        if Page.objects.child_of(home).filter(slug=slug).exists():
            slug = f"{slug[:180]}-{story.source_id}"
        page = StaticPage(slug=slug, live=False)
    page.title = story.title[:255]
    page.body = _rich_text(story)
    if created:
        home.refresh_from_db()
        home.add_child(instance=page)
    revision = page.save_revision()
    if story.status == LIVE:
        revision.publish()
    elif page.live:
        page.unpublish()
    page.refresh_from_db()
    ImportRecord.objects.update_or_create(
        source=story.source,
        kind="page",
        source_id=story.source_id,
        defaults={
            "page": page,
            "fingerprint": fingerprint,
            "revision_id": page.latest_revision_id,
        },
    )
    for url in story.old_paths:
        path = old_path(url)
        if path and path != "/" and path != Redirect.normalise_path(page.url):
            Redirect.objects.update_or_create(
                old_path=path,
                site=None,
                defaults={"redirect_page": page, "is_permanent": True},
            )
    for key in story.old_keys:
        OldAddress.objects.update_or_create(key=key, defaults={"page": page})
    return Outcome("created" if created else "updated", page=page)


def set_lead_image(record: ImportRecord, photo) -> None:
    """Give an imported story its featured image, in the page and the revision it is at.

    For a featured image whose attachment comes after its post in the export: the story's
    own revision is amended rather than a new one made, so a re-run still sees the story
    as the import left it.
    """
    page = ArticlePage.objects.filter(pk=record.page_id).first()
    if page is None or page.latest_revision_id != record.revision_id:
        return
    if page.lead_image_id == photo.pk:
        return
    ArticlePage.objects.filter(pk=page.pk).update(lead_image=photo)
    revision = page.latest_revision
    if revision is not None:
        revision.content["lead_image"] = photo.pk
        revision.save(update_fields=["content"])
