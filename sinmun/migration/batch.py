"""Import stories a batch at a time, fast enough for a 300,000-story archive.

One story through Wagtail's full save, revision and publish costs a few dozen queries and
sets off everything meant for a live newsroom edit: an edge purge, an IndexNow ping, the
headline boxes forgotten, a reference-index task and the Korean search indexing, one story
at a time. An archive import needs none of that per story. Here:

- new published stories (nearly all of a first import) are written a batch at a time the
  way Wagtail would leave them, as `demo.archive` writes its generated archive: pages
  numbered after their section's last child (treebeard's materialised paths), each with the
  revision it is live at, a publish log entry, bylines, tags and reference-index rows;
- every other story (an update, a draft, a scheduled one) goes through
  `services.import_story`, the ordinary Wagtail path, with the live-edit side effects off;
- each batch is one transaction, then indexed for search in bulk (with its near-duplicate
  fingerprints);
- `finish()` purges the edge and the page caches once for the whole import.

If a batch's bulk write fails, the batch is rolled back and its stories go one by one
through the ordinary path, so one bad story fails alone.
"""

import contextlib
import logging
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backend
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageLogEntry,
    ReferenceIndex,
)
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published, page_unpublished, post_page_move

from sinmun.articles import selectors as article_selectors
from sinmun.articles import services as article_services
from sinmun.articles.models import ArticleByline, ArticlePage, ArticleTag
from sinmun.core import edge, fragments
from sinmun.migration import services
from sinmun.migration.models import ImportedComment, ImportRecord, OldAddress
from sinmun.search import services as search_services
from sinmun.search.analysis import texts_analysed_once
from sinmun.search.models import Fingerprint
from sinmun.search.similarity import SHINGLE, page_terms, signature, to_bytes

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# The receivers meant for an editor's publish of one live story (articles, search,
# syndication): muted during an import, which does their work once per batch or at the end.
LIVE_EDIT_RECEIVERS = {
    page_published: {
        "articles-boxes-published",
        "articles-edge-published",
        "search-index-published",
        "syndication-indexnow-published",
    },
    page_unpublished: {
        "articles-boxes-unpublished",
        "articles-edge-unpublished",
        "search-index-unpublished",
        "syndication-indexnow-unpublished",
    },
    post_page_move: {"articles-edge-moved"},
}
ERRORS = (ValueError, TypeError, KeyError, ValidationError, DatabaseError)


@contextlib.contextmanager
def live_edit_side_effects_off():
    """Within the block, publishing sends no edge purge, IndexNow ping or search task."""
    saved = {}
    for signal, uids in LIVE_EDIT_RECEIVERS.items():
        with signal.lock:
            saved[signal] = signal.receivers
            signal.receivers = [r for r in signal.receivers if r[0][0] not in uids]
            signal.sender_receivers_cache.clear()
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for signal, receivers in saved.items():
            with signal.lock:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()


@dataclass
class _New:
    """A new published story, prepared for the bulk write."""

    story: services.ImportedStory
    section: Page
    page: ArticlePage
    outcome: services.Outcome
    tags: list[str] = field(default_factory=list)


class Importer:
    """Take stories one at a time, write them a batch at a time; call `finish()` at the end."""

    def __init__(
        self, *, home, default_section, photos, batch_size=BATCH_SIZE, after_batch=None
    ):
        self.home, self.default_section, self.photos = home, default_section, photos
        self.batch_size = batch_size
        # Called with a batch's outcomes inside its transaction, for what an importer
        # stores beside its stories (the legacy CMS's section-list addresses): it is
        # written, or rolled back, with them.
        self.after_batch = after_batch or (lambda results: None)
        self.lookups = services.Lookups()
        self.tags: dict[str, Tag] = {}
        self.pending: list[services.ImportedStory] = []
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.index = get_search_backend().get_index_for_model(ArticlePage)
        self.changed = False
        # Wagtail's database backends renormalise every title after each add, reading the
        # whole index (ever slower as the archive grows); finish() does it once.
        self._refresh_title_norms = getattr(self.index, "_refresh_title_norms", None)
        if self._refresh_title_norms is not None:
            self.index._refresh_title_norms = lambda full=False: None

    def add(self, story) -> list[tuple[services.ImportedStory, services.Outcome]]:
        """Queue `story`; return the outcomes of a batch when one is written."""
        done = []
        if any(p.source_id == story.source_id for p in self.pending):
            done = self.flush()  # the same old id twice: the later one updates
        self.pending.append(story)
        if len(self.pending) >= self.batch_size:
            done += self.flush()
        return done

    def flush(self) -> list[tuple[services.ImportedStory, services.Outcome]]:
        stories, self.pending = self.pending, []
        if not stories:
            return []
        with live_edit_side_effects_off(), texts_analysed_once():
            try:
                with transaction.atomic():
                    results = self._batch(stories)
                    self.after_batch(results)
            except DatabaseError:
                logger.exception("Bulk import failed; importing the batch one by one")
                self.lookups = services.Lookups()
                self.tags = {}
                with transaction.atomic():
                    results = [(s, self._single(s, None)) for s in stories]
                    self._index([o.page for _s, o in results if o.page is not None])
                    self.after_batch(results)
        return results

    def finish(self) -> None:
        """Once, after the last `flush()`: title norms, page caches and the edge."""
        if self._refresh_title_norms is not None:
            self.index._refresh_title_norms = self._refresh_title_norms
            if self.changed and not self.photos.dry_run:
                self._refresh_title_norms()
        if self.changed and not self.photos.dry_run:
            article_selectors.forget_headline_boxes()
            transaction.on_commit(fragments.new_generation)
            edge.purge([edge.SITE], urls=filter(None, [self.home.get_full_url()]))

    # -- one batch --------------------------------------------------------------------

    def _batch(self, stories):
        records = {
            r.source_id: r
            for r in ImportRecord.objects.filter(
                source=stories[0].source,
                kind="post",
                source_id__in=[s.source_id for s in stories],
            )
        }
        existing = set(
            ArticlePage.objects.filter(
                pk__in=[r.page_id for r in records.values() if r.page_id]
            ).values_list("pk", flat=True)
        )
        results, new, touched = [], [], []
        for story in stories:
            record = records.get(story.source_id)
            if (record and record.page_id in existing) or story.status != services.LIVE:
                outcome = self._single(story, record)
                if outcome.action in ("created", "updated") and outcome.page:
                    touched.append(outcome.page)
            elif not story.title:
                outcome = services.Outcome("failed", "no headline")
            else:
                try:
                    prepared = self._prepare(story)
                except ERRORS as error:
                    outcome = services.Outcome("failed", str(error))
                else:
                    new.append(prepared)
                    outcome = prepared.outcome
            results.append((story, outcome))
        if new and not self.photos.dry_run:
            self._write(new)
        self._index([n.page for n in new if not self.photos.dry_run] + touched)
        return results

    def _single(self, story, record) -> services.Outcome:
        try:
            with transaction.atomic():
                return services.import_story(
                    story,
                    home=self.home,
                    default_section=self.default_section,
                    photos=self.photos,
                    lookups=self.lookups,
                    record=record,
                )
        except ERRORS as error:
            return services.Outcome("failed", str(error) or type(error).__name__)

    def _prepare(self, story) -> _New:
        notes = []
        if not story.section_path:
            notes.append("no category: filed under the default section")
        section = services.ensure_section(
            self.home, story.section_path or self.default_section, self.lookups.sections
        )
        lead = self.photos.photo(story.lead_image) if story.lead_image else None
        if story.lead_image and lead is None:
            why = self.photos.why_missing(story.lead_image)
            notes.append(f"missing image {story.lead_image} ({why})")
        body = services._stream(story, self.photos, notes)
        first = story.first_published_at or timezone.now()
        last = max(story.last_published_at or first, first)
        title = story.title[:255]
        page = ArticlePage(
            content_type=self.article_type,
            title=title,
            draft_title=title,
            slug=slugify(story.slug or story.title, allow_unicode=True)[:200]
            or "story",
            live=True,
            has_unpublished_changes=False,
            first_published_at=first,
            last_published_at=last,
            latest_revision_created_at=last,
            locale_id=section.locale_id,
            subtitle=story.subtitle,
            lead_image=lead if lead is not None and lead.pk else None,
            body=body,
        )
        page.bylines = [
            ArticleByline(
                reporter=services._reporter(*r, cache=self.lookups.reporters),
                sort_order=i,
            )
            for i, r in enumerate(story.reporters)
        ]
        # Set in memory, so that the revision's content is serialised without a query.
        page.corrections = []
        setattr(page, COMMENTS_RELATION_NAME, [])
        names = list(dict.fromkeys(t for t in story.tags if t))
        return _New(
            story, section, page, services.Outcome("created", notes=notes), names
        )

    def _write(self, new: list[_New]) -> None:
        self._number(new)
        self._tag(new)
        pages = [n.page for n in new]
        revisions = article_services.insert_live_articles(pages)
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type=self.article_type,
                    page_id=page.pk,
                    revision_id=revision.pk,
                    label=page.title,
                    action="wagtail.publish",
                    timestamp=timezone.now(),
                    content_changed=True,
                )
                for page, revision in zip(pages, revisions, strict=True)
            ]
        )
        self._references(pages)
        self._records(new)
        self.changed = True

    def _number(self, new: list[_New]) -> None:
        """Give each page its place in the tree: after its section's last child."""
        by_section: dict[int, list[_New]] = {}
        for n in new:
            by_section.setdefault(n.section.pk, []).append(n)
        for group in by_section.values():
            section = group[0].section
            last = Page.objects.child_of(section).order_by("-path").first()
            step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            taken = set(
                Page.objects.child_of(section)
                .filter(slug__in=[n.page.slug for n in group])
                .values_list("slug", flat=True)
            )
            for n in group:
                page = n.page
                if page.slug in taken:
                    page.slug = f"{page.slug[:180]}-{n.story.source_id}"
                taken.add(page.slug)
                page.path = Page._get_path(section.path, section.depth + 1, step)
                page.depth = section.depth + 1
                page.numchild = 0
                page.url_path = f"{section.url_path}{page.slug}/"
                step += 1
            Page.objects.filter(pk=section.pk).update(
                numchild=F("numchild") + len(group)
            )

    def _tag(self, new: list[_New]) -> None:
        names = {name for n in new for name in n.tags} - set(self.tags)
        if names:
            self.tags.update({t.name: t for t in Tag.objects.filter(name__in=names)})
        for name in sorted(names - set(self.tags)):
            self.tags[name] = Tag.objects.create(name=name)
        for n in new:
            n.page.tagged_items = [ArticleTag(tag=self.tags[name]) for name in n.tags]

    def _references(self, pages: list[ArticlePage]) -> None:
        rows = []
        for page in pages:
            for to_type, to_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            ):
                rows.append(
                    ReferenceIndex(
                        content_type=self.article_type,
                        base_content_type=self.page_type,
                        object_id=page.pk,
                        to_content_type_id=to_type,
                        to_object_id=to_id,
                        model_path=model_path,
                        content_path=content_path,
                        content_path_hash=ReferenceIndex._get_content_path_hash(
                            content_path
                        ),
                    )
                )
        ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=True)

    def _records(self, new: list[_New]) -> None:
        # A record whose page was deleted in sinmun since: the story is created again.
        ImportRecord.objects.filter(
            source=new[0].story.source,
            kind="post",
            source_id__in=[n.story.source_id for n in new],
        ).delete()
        records = ImportRecord.objects.bulk_create(
            [
                ImportRecord(
                    source=n.story.source,
                    kind="post",
                    source_id=n.story.source_id,
                    page_id=n.page.pk,
                    fingerprint=n.story.fingerprint(),
                    revision_id=n.page.latest_revision_id,
                )
                for n in new
            ]
        )
        paths = {}
        keys = {}
        for n in new:
            n.outcome.page = n.page
            for url in n.story.old_paths:
                path = services.old_path(url)
                if path and path != "/":
                    paths[path] = n.page.pk
            for key in n.story.old_keys:
                keys[key] = n.page.pk
        existing = Redirect.objects.filter(site=None, old_path__in=list(paths))
        for redirect in existing:
            redirect.redirect_page_id = paths.pop(redirect.old_path)
            redirect.is_permanent = True
            redirect.save()
        Redirect.objects.bulk_create(
            [
                Redirect(old_path=p, redirect_page_id=pk, is_permanent=True)
                for p, pk in paths.items()
            ]
        )
        OldAddress.objects.filter(key__in=list(keys)).delete()
        OldAddress.objects.bulk_create(
            [OldAddress(key=k, page_id=pk) for k, pk in keys.items()]
        )
        comments = []
        for n, record in zip(new, records, strict=True):
            for comment in n.story.comments:
                values = dict(comment)
                comments.append(
                    ImportedComment(
                        record_id=record.pk, source_id=values.pop("id"), **values
                    )
                )
        ImportedComment.objects.bulk_create(comments)

    # -- search -----------------------------------------------------------------------

    def _index(self, pages: list[ArticlePage]) -> None:
        """Index the live ones among `pages` in bulk, with fingerprints; drop the others."""
        if not pages or self.photos.dry_run:
            return
        self.changed = True
        live = [p for p in pages if p.live]
        for page in pages:
            if not page.live:
                search_services.index_page(page.pk)  # removes it from the index
        if not live:
            return
        self.index.add_items(ArticlePage, live)
        Fingerprint.objects.filter(page_id__in=[p.pk for p in live]).delete()
        fingerprints = []
        for page in live:
            terms = page_terms(page)
            if len(terms) >= SHINGLE:
                fingerprints.append(
                    Fingerprint(
                        page_id=page.pk,
                        signature=to_bytes(signature(terms)),
                        dated=page.first_published_at or timezone.now(),
                    )
                )
        Fingerprint.objects.bulk_create(fingerprints)
