"""Generate a large archive of published stories from the demo paper's text, in bulk.

`manage.py generate_archive --count N` adds N live stories to the demo paper (run
`seed_demo` first): spread over 20 years, filed in every section and sub-section, with
bylines from every reporter, tags, lead photos and bodies recombined from the demo corpus's
Korean paragraphs. Every run adds another N.

Pages are written the way Wagtail would leave them, without its per-page save: materialised
paths (treebeard `MP_Node`) are numbered after each section's last child and the section's
`numchild` is raised; each story gets the revision it is live at (`live_revision`, which
the article fragment's cache key names) and its search index entry, written through the
real backend with each distinct line of text analysed once
(`search.analysis.lines_analysed_once`).
"""

import random
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone
from modelsearch.backends import get_search_backend
from taggit.models import Tag
from wagtail.models import COMMENTS_RELATION_NAME, Page

from sinmun.articles import services as article_services
from sinmun.articles.models import ArticleByline, ArticleKind, ArticlePage, ArticleTag
from sinmun.core import fragments
from sinmun.demo import content
from sinmun.images.models import Photo
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
from sinmun.search.analysis import lines_analysed_once
from sinmun.sections.models import SectionPage

YEARS = 20
# When a regional daily's stories go out (KST): mornings and afternoons, few at night.
HOUR_WEIGHTS = (
    (6, 3),
    (7, 6),
    (8, 9),
    (9, 10),
    (10, 10),
    (11, 9),
    (12, 5),
    (13, 7),
    (14, 9),
    (15, 9),
    (16, 8),
    (17, 6),
    (18, 4),
    (19, 3),
    (20, 2),
    (21, 2),
    (22, 1),
    (23, 1),
)
# Headlines split here into a head and a tail, recombined within a section.
HEADLINE_SEPARATORS = (", ", "… ", "…", " ‘")


class ArchiveError(Exception):
    """The site is not ready for an archive (the demo paper is not loaded)."""


@dataclass
class Pool:
    """The demo corpus of one section, cut into reusable pieces."""

    heads: list[tuple[str, str]] = field(default_factory=list)  # (head, separator)
    tails: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)  # first paragraphs
    paragraphs: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    columnists: list[tuple[str, str]] = field(default_factory=list)  # (slug, series)


@dataclass
class ArchiveReport:
    created: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0


def _pools() -> dict[str, Pool]:
    pools: dict[str, Pool] = {}
    for story in content.all_stories():
        pool = pools.setdefault(story.section, Pool())
        pool.titles.append(story.title)
        for separator in HEADLINE_SEPARATORS:
            head, found, tail = story.title.partition(separator)
            if found and head and tail:
                pool.heads.append((head, separator))
                pool.tails.append(tail)
                break
        pool.subtitles.extend(line for line in story.subtitle.splitlines() if line)
        paragraphs = [block[1] for block in story.body if block[0] == "p"]
        if paragraphs:
            pool.leads.append(paragraphs[0])
            pool.paragraphs.extend(paragraphs[1:])
        pool.subheadings.extend(block[1] for block in story.body if block[0] == "h")
        pool.quotes.extend(
            (block[1], block[2]) for block in story.body if block[0] == "quote"
        )
        pool.tags.extend(story.tags)
        pool.reporters.extend(story.reporters)
        if story.columnist:
            pool.columnists.append((story.columnist, story.series))
    return pools


class _Writer:
    """Builds and writes one batch of stories at a time."""

    def __init__(self, *, rng: random.Random, now: datetime):
        self.rng = rng
        self.now = now
        self.pools = _pools()
        self.sections = self._sections()
        missing = set(self.pools) - set(self.sections)
        if missing or not self.sections:
            raise ArchiveError(
                "Load the demo paper first (manage.py seed_demo): sections "
                f"{', '.join(sorted(missing)) or 'none'} are missing."
            )
        self.reporters = {r.slug: r for r in Reporter.objects.all()}
        if not self.reporters:
            raise ArchiveError("Load the demo paper first (manage.py seed_demo).")
        self.columnists = {c.slug: c for c in Columnist.objects.all()}
        self.series = {s.slug: s for s in ColumnSeries.objects.all()}
        faces = [
            *Reporter.objects.exclude(photo=None).values_list("photo_id", flat=True),
            *Columnist.objects.exclude(photo=None).values_list("photo_id", flat=True),
        ]
        self.photos = list(
            Photo.objects.exclude(pk__in=faces)
            .order_by("pk")
            .values_list("pk", "caption")
        )
        names = sorted({t for pool in self.pools.values() for t in pool.tags})
        existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
        for name in names:
            if name not in existing:
                existing[name] = Tag.objects.create(name=name)
        self.tags = existing
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        # The next free step under each section: after its last child, which may be a
        # sub-section or a story of an earlier run.
        self.next_step = {}
        for key, section in self.sections.items():
            last = section.get_last_child()
            self.next_step[key] = (
                Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            )
        self.serial = Page.objects.aggregate(last=Max("pk"))["last"] or 0
        self.index = get_search_backend().get_index_for_model(ArticlePage)
        # Wagtail's database backends renormalise the title of every new index entry after
        # each add, reading the whole index to do so (ever slower as the archive grows);
        # the batches skip it and finish() does it once for all of them.
        self.refresh_title_norms = self.index._refresh_title_norms
        self.index._refresh_title_norms = lambda full=False: None
        self.section_keys = sorted(self.sections)
        self.reporter_slugs = sorted(self.reporters)

    def _sections(self) -> dict[str, SectionPage]:
        found = {}
        for slug, _title, children in content.SECTIONS:
            top = SectionPage.objects.filter(slug=slug, depth=3).first()
            if top is None:
                continue
            found[slug] = top
            for child_slug, _ in children:
                child = (
                    SectionPage.objects.child_of(top).filter(slug=child_slug).first()
                )
                if child is not None:
                    found[f"{slug}/{child_slug}"] = child
        return found

    def dates(self, count: int) -> list[datetime]:
        """Return `count` KST-plausible publication times over the last 20 years, oldest first."""
        hours, weights = zip(*HOUR_WEIGHTS, strict=True)
        today = timezone.localtime(self.now).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        days = YEARS * 365
        found = []
        for _ in range(count):
            day = today - timedelta(days=self.rng.randrange(days))
            at = day.replace(
                hour=self.rng.choices(hours, weights)[0],
                minute=self.rng.randrange(60),
                second=self.rng.randrange(60),
            )
            found.append(min(at, self.now - timedelta(minutes=1)))
        found.sort()
        return found

    # -- one story --------------------------------------------------------------------

    def _fill(self, text: str, at: datetime) -> str:
        return text.replace("{day}", str(at.day)).replace("{month}", str(at.month))

    def _title(self, pool: Pool) -> str:
        rng = self.rng
        if pool.heads and rng.random() < 0.7:
            head, separator = rng.choice(pool.heads)
            return head + separator + rng.choice(pool.tails)
        return rng.choice(pool.titles)

    def _body(self, pool: Pool, at: datetime, *, photo) -> list[dict]:
        rng = self.rng
        blocks = [{"type": "paragraph", "value": f"<p>{rng.choice(pool.leads)}</p>"}]
        middle = rng.sample(
            pool.paragraphs, min(len(pool.paragraphs), rng.randint(3, 7))
        )
        for n, paragraph in enumerate(middle):
            if n == 2 and pool.subheadings and rng.random() < 0.5:
                blocks.append(
                    {"type": "subheading", "value": rng.choice(pool.subheadings)}
                )
            if n == 1 and photo is not None and rng.random() < 0.3:
                blocks.append(
                    {
                        "type": "photo",
                        "value": {"image": photo, "caption": "", "credit": ""},
                    }
                )
            blocks.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
        if pool.quotes and rng.random() < 0.3:
            text, attribution = rng.choice(pool.quotes)
            blocks.insert(
                2,
                {"type": "quote", "value": {"text": text, "attribution": attribution}},
            )
        for block in blocks:
            if isinstance(block["value"], str):
                block["value"] = self._fill(block["value"], at)
            elif "text" in block["value"]:
                block["value"] = {
                    k: self._fill(v, at) for k, v in block["value"].items()
                }
        return blocks

    def _story(self, key: str, at: datetime, *, home_locale) -> ArticlePage:
        rng = self.rng
        section = self.sections[key]
        pool = self.pools[key]
        local = timezone.localtime(at)
        self.serial += 1
        step = self.next_step[key]
        self.next_step[key] += 1
        title = self._fill(self._title(pool), local)
        slug = f"archive-{local:%Y%m%d}-{self.serial}"
        photo_pk, _caption = (
            rng.choice(self.photos)
            if self.photos and rng.random() < 0.6
            else (None, "")
        )
        changed = at + timedelta(minutes=rng.randint(5, 600))
        edited = rng.random() < 0.08 and changed < self.now
        column = None
        if pool.columnists and rng.random() < 0.6:
            column = rng.choice(pool.columnists)
        page = ArticlePage(
            content_type=self.article_type,
            path=Page._get_path(section.path, section.depth + 1, step),
            depth=section.depth + 1,
            numchild=0,
            title=title,
            draft_title=title,
            slug=slug,
            url_path=f"{section.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=at,
            last_published_at=changed if edited else at,
            latest_revision_created_at=changed if edited else at,
            locale_id=home_locale,
            subtitle=self._fill(
                "\n".join(rng.sample(pool.subtitles, min(len(pool.subtitles), 2)))
                if pool.subtitles and rng.random() < 0.7
                else "",
                local,
            ),
            kind=ArticleKind.COLUMN if column else ArticleKind.NEWS,
            lead_image_id=photo_pk,
            body=self._body(pool, local, photo=photo_pk),
            columnist=self.columnists.get(column[0]) if column else None,
            series=self.series.get(column[1]) if column and column[1] else None,
            is_breaking=rng.random() < 0.01,
            is_exclusive=rng.random() < 0.02,
        )
        # Every reporter files stories wherever they are needed, but mostly on their beat.
        names = pool.reporters if pool.reporters and rng.random() < 0.8 else []
        first = rng.choice(names) if names else rng.choice(self.reporter_slugs)
        slugs = [first]
        if rng.random() < 0.15:
            other = rng.choice(self.reporter_slugs)
            if other != first:
                slugs.append(other)
        page.bylines = [
            ArticleByline(reporter=self.reporters[s], sort_order=i)
            for i, s in enumerate(slugs)
        ]
        names = sorted(
            set(rng.sample(pool.tags, min(len(pool.tags), rng.randint(1, 3))))
        )
        page.tagged_items = [ArticleTag(tag=self.tags[name]) for name in names]
        # Set in memory, so that the revision's content is serialised without a query.
        page.corrections = []
        setattr(page, COMMENTS_RELATION_NAME, [])
        return page

    # -- one batch --------------------------------------------------------------------

    def write(self, dates: list[datetime], keys: list[str], *, home_locale) -> int:
        stories = [
            self._story(key, at, home_locale=home_locale)
            for key, at in zip(keys, dates, strict=True)
        ]
        article_services.insert_live_articles(stories)
        self.index.add_items(ArticlePage, stories)
        return len(stories)

    def finish(self, added: dict[str, int]) -> None:
        self.refresh_title_norms()
        for key, count in added.items():
            if count:
                Page.objects.filter(pk=self.sections[key].pk).update(
                    numchild=F("numchild") + count
                )


# Below this many stories the search index's GIN and RUM indexes are kept as they are.
REBUILD_INDEXES_FROM = 5000


@contextmanager
def _search_indexes_built_after(count: int, *, log: Callable[[str], None]):
    """On PostgreSQL, drop the search index's GIN and RUM indexes, then build them again.

    Each inserted entry updates four inverted indexes (title, body, autocomplete, and the
    RUM index on the document): 2,000 entries took over 10 s. Building them once over the
    loaded table is the usual bulk-load order. Inside the caller's transaction, so a failed
    load leaves the indexes as they were.
    """
    if connection.vendor != "postgresql" or count < REBUILD_INDEXES_FROM:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND (indexdef ILIKE '%%USING gin%%' OR indexdef ILIKE '%%USING rum%%')",
            ["wagtailsearch_indexentry"],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield
    log(f"  building {len(indexes)} search indexes")
    with connection.cursor() as cursor:
        # The foreign keys are checked at commit; PostgreSQL builds no index on a table
        # with such checks pending, so run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)


def generate_archive(
    *,
    count: int,
    seed: int = 1,
    batch: int = 1000,
    now: datetime | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> ArchiveReport:
    """Add `count` published stories over the last 20 years; return how fast it went."""
    started = time.monotonic()
    rng = random.Random(seed)
    now = now or timezone.now()
    with transaction.atomic():
        writer = _Writer(rng=rng, now=now)
        home_locale = writer.sections[writer.section_keys[0]].locale_id
        dates = writer.dates(count)
        # Every section and sub-section first, then in proportion to the demo corpus.
        weights = [len(writer.pools[k].titles) for k in writer.section_keys]
        keys = writer.section_keys[:count] + rng.choices(
            writer.section_keys, weights, k=max(0, count - len(writer.section_keys))
        )
        rng.shuffle(keys)
        added = dict.fromkeys(writer.section_keys, 0)
        for key in keys:
            added[key] += 1
        done = 0
        with lines_analysed_once(), _search_indexes_built_after(count, log=log):
            for start in range(0, count, batch):
                done += writer.write(
                    dates[start : start + batch],
                    keys[start : start + batch],
                    home_locale=home_locale,
                )
                elapsed = time.monotonic() - started
                log(f"  {done:,}/{count:,} stories, {done / elapsed:,.0f}/s")
            writer.finish(added)
        transaction.on_commit(fragments.new_generation)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return ArchiveReport(created=done, seconds=time.monotonic() - started)
