"""Reads of articles for readers' pages. Each returns what a template needs, prefetched."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import (
    CharField,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    Length,
    RowNumber,
    Substr,
    TruncWeek,
)
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from sinmun.articles.models import (
    ArticleByline,
    ArticleOrigin,
    ArticlePage,
    ArticleTag,
    LiveUpdate,
    ReadCount,
    Sponsorship,
)
from sinmun.core import readahead
from sinmun.core.prepared import PreparedLookup
from sinmun.core.selectors import private_page_paths, public_q
from sinmun.core.text import normalize_line

CARD_RELATIONS = ("lead_image", "columnist__photo", "series")
# Related stories are chosen among the newest of each of the story's first tags.
RELATED_TAGS = 5
RELATED_CANDIDATES = 50


def published():
    """Return published articles with what every card needs joined in."""
    return ArticlePage.objects.published().select_related(*CARD_RELATIONS)


def _published_under(private_paths: tuple[str, ...]):
    return (
        ArticlePage.objects.live()
        .filter(public_q(private_paths))
        .select_related(*CARD_RELATIONS)
    )


_published_by_pk = PreparedLookup(_published_under)


def published_article(pk: int) -> ArticlePage | None:
    """Return the published article `pk`, or None: `published().get(pk=pk)` in one query.

    Its SQL is compiled once per connection (core.prepared): compiling it was most of
    what serving an article cost.
    """
    return _published_by_pk.get(pk, shape=tuple(private_page_paths()))


def _bylines() -> Prefetch:
    return Prefetch(
        "bylines",
        queryset=ArticleByline.objects.select_related("reporter").order_by(
            "sort_order"
        ),
    )


def prefetch_cards(
    articles: Iterable[ArticlePage], *, extra_images: Iterable = ()
) -> list[ArticlePage]:
    """Load bylines (with reporters) and photo renditions for `articles` in two queries.

    Call it once with every article a page shows, whichever box each sits in; pass any
    other photo the page shows as `extra_images` so its renditions come in the same query.
    """
    articles = [a for a in articles if a is not None]
    prefetch_related_objects(articles, _bylines())
    prefetch_renditions([*(a.lead_image for a in articles), *extra_images])
    return articles


@dataclass(frozen=True)
class Headline:
    """A story in a headline box: enough to link to it, nothing to query."""

    pk: int
    title: str
    url: str
    sponsorship: str = ""

    @property
    def is_sponsored(self) -> bool:
        return bool(self.sponsorship)

    @property
    def is_advertorial(self) -> bool:
        return self.sponsorship == Sponsorship.ADVERTORIAL


BOX_KEY = "sinmun:box:{name}:v2"
readahead.every_page_reads(
    *(BOX_KEY.format(name=name) for name in ("latest", "most_read"))
)
# Headlines kept per box beyond what a box shows, so that a page can leave out every story
# it already shows (the front page shows about forty) and still fill its boxes.
BOX_SLACK = 50


def headline_box(
    name: str, *, limit: int, exclude: Sequence[int] = ()
) -> list[Headline]:
    """Return up to `limit` headlines of the site-wide box `name` ("latest" or "most_read").

    Every page shows the same two boxes, so they are built once per SINMUN_BOX_CACHE_SECONDS
    and shared; each page then leaves out the stories it already shows.
    """
    return headline_boxes({name: limit}, exclude=exclude)[name]


def headline_boxes(
    limits: dict[str, int], *, exclude: Sequence[int] = ()
) -> dict[str, list[Headline]]:
    """Return the boxes `limits` names (name -> how many), each story in one box only.

    The boxes are read from the cache in one round trip (get_many) and the missing ones
    stored in one (set_many); a box leaves out `exclude` and the stories of the boxes
    before it.
    """
    keys = {name: BOX_KEY.format(name=name) for name in limits}
    found = dict(cache.get_many(keys.values()))
    missing = {}
    for name, key in keys.items():
        if key not in found:
            build = {"latest": latest_articles, "most_read": most_read_articles}[name]
            found[key] = missing[key] = [
                Headline(a.pk, a.title, a.permalink_path, a.sponsorship)
                for a in build(limit=limits[name] + BOX_SLACK)
            ]
    if missing:
        cache.set_many(missing, timeout=settings.SINMUN_BOX_CACHE_SECONDS)
    excluded = set(exclude)
    boxes = {}
    for name, limit in limits.items():
        boxes[name] = [h for h in found[keys[name]] if h.pk not in excluded][:limit]
        excluded.update(h.pk for h in boxes[name])
    return boxes


def forget_headline_boxes() -> None:
    cache.delete_many([BOX_KEY.format(name=name) for name in ("latest", "most_read")])


def latest_articles(
    *, limit: int = 10, exclude: Sequence[int] = ()
) -> list[ArticlePage]:
    """Return the newest published news stories."""
    return list(published().news().exclude(pk__in=list(exclude)).newest_first()[:limit])


def most_read_articles(
    *, days: int | None = None, limit: int = 10, exclude: Sequence[int] = (), now=None
) -> list[ArticlePage]:
    """Return the stories read most over the last `days` days, from stored counts.

    Summed from the counts of those days (index on day), never by joining the whole
    archive to its counts: the cost follows the stories read, not the stories kept.
    """
    days = days or settings.SINMUN_MOST_READ_DAYS
    since = timezone.localdate(now) - timedelta(days=days - 1)
    # More candidates than asked for: some may be withdrawn, sponsored or private.
    candidates = (
        ReadCount.objects.filter(day__gte=since)
        .exclude(article_id__in=list(exclude))
        .values("article_id")
        .annotate(reads=Sum("count"))
        .filter(reads__gt=0)
        .order_by("-reads", "-article_id")[: limit * 3 + 10]
    )
    reads = {row["article_id"]: row["reads"] for row in candidates}
    stories = published().editorial().filter(pk__in=list(reads))
    ranked = sorted(
        stories, key=lambda a: (-reads[a.pk], -a.first_published_at.timestamp())
    )
    return ranked[:limit]


def related_articles(
    *, article: ArticlePage, tag_ids: Sequence[int], limit: int = 5
) -> list[ArticlePage]:
    """Return stories that share a tag with `article` first, then its section's newest.

    Among the newest stories of each tag and of the section only (RELATED_CANDIDATES
    each), so that a section or tag with a hundred thousand stories costs what a small
    one does; the shared tags are counted for those candidates alone.
    """
    tag_ids = list(tag_ids)
    parent_path = article.path[: -ArticlePage.steplen]
    others = published().exclude(pk=article.pk)
    candidates = set(
        others.filter(path__startswith=parent_path, depth=article.depth)
        .order_by("-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )
    for tag_id in tag_ids[:RELATED_TAGS]:
        candidates.update(
            others.filter(tagged_items__tag_id=tag_id)
            .order_by("-first_published_at")
            .values_list("pk", flat=True)[:RELATED_CANDIDATES]
        )
    shared = dict(
        ArticleTag.objects.filter(content_object_id__in=candidates, tag_id__in=tag_ids)
        .values("content_object_id")
        .annotate(n=Count("tag_id", distinct=True))
        .values_list("content_object_id", "n")
    )
    stories = others.filter(pk__in=candidates)
    ranked = sorted(
        stories,
        key=lambda a: (-shared.get(a.pk, 0), -a.first_published_at.timestamp(), -a.pk),
    )
    return ranked[:limit]


def newest_per_branch(
    *, branch_paths: Sequence[str], per_branch: int, exclude: Sequence[int] = ()
) -> dict[str, list[ArticlePage]]:
    """Return the newest `per_branch` news stories under each page path, in one query.

    The front page shows a block per section; a window function ranks the stories within
    each section's subtree so that eight sections cost one query, not eight.
    """
    if not branch_paths:
        return {}
    length = len(branch_paths[0])
    ranked = (
        published()
        .news()
        .exclude(pk__in=list(exclude))
        .filter(Q(*[Q(path__startswith=p) for p in branch_paths], _connector=Q.OR))
        .annotate(
            branch=Substr("path", 1, length),
            rank=Window(
                RowNumber(),
                partition_by=Substr("path", 1, length),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_branch)
        .order_by("branch", "rank")
    )
    result: dict[str, list[ArticlePage]] = {p: [] for p in branch_paths}
    for article in ranked:
        result[article.branch].append(article)
    return result


def photos_in_body(article: ArticlePage) -> list:
    """Return the images of the body's photos, galleries and video posters.

    They are loaded with the body, in one query.
    """
    images = []
    for block in article.body:
        if block.block_type == "photo":
            images.append(block.value["image"])
        elif block.block_type == "gallery":
            images.extend(item["image"] for item in block.value["photos"])
        elif block.block_type == "video":
            images.append(block.value["poster"])
    return [image for image in images if image]


def prefetch_renditions(images: Iterable) -> None:
    """Load the existing renditions of all `images` in one query."""
    # Every instance, duplicates included: one photo often appears as several objects
    # (a lead photo reused in a related card), and each needs its own prefetch cache.
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, "renditions")


def article_parts(*, article: ArticlePage) -> dict:
    """Return the parts of the article element: bylines, tags, corrections; photos prefetched.

    Kept on the instance: the page's <head> metadata (syndication) reads the same parts.
    """
    parts = getattr(article, "_article_parts", None)
    if parts is None:
        parts = article._article_parts = _article_parts(article)
    return parts


def _article_parts(article: ArticlePage) -> dict:
    bylines = list(article.bylines.select_related("reporter").order_by("sort_order"))
    prefetch_renditions([article.lead_image, *photos_in_body(article)])
    return {
        "bylines": bylines,
        "reporters": [b.reporter for b in bylines],
        "article_tags": list(article.tags.all()),
        "corrections": list(article.corrections.order_by("published_at")),
    }


def live_updates(*, article: ArticlePage) -> list:
    """Return a live story's updates, newest first, with reporters and photos; [] otherwise.

    Kept on the instance: the page, its <head> metadata and the poll answer read them.
    """
    if not article.is_live:
        return []
    updates = getattr(article, "_live_updates", None)
    if updates is None:
        updates = list(
            LiveUpdate.objects.filter(article=article)
            .select_related("reporter", "photo")
            .newest_first()
        )
        prefetch_renditions([u.photo for u in updates])
        article._live_updates = updates
    return updates


def live_stamp(*, article: ArticlePage) -> str:
    """Return what changes whenever a live story's updates change (for fragment keys)."""
    updates = live_updates(article=article)
    if not updates:
        return "0"
    newest = max(u.updated_at for u in updates)
    return f"{len(updates)}-{int(newest.timestamp() * 1000)}"


def related_ids(*, article: ArticlePage, limit: int = 4) -> list[int]:
    """Return the ids of the stories related to `article`, kept in the cache for a while."""
    key = f"sinmun:related-ids:{article.pk}"
    ids = cache.get(key)
    if ids is None:
        tag_ids = list(article.tagged_items.values_list("tag_id", flat=True))
        ids = [
            a.pk
            for a in related_articles(article=article, tag_ids=tag_ids, limit=limit)
        ]
        cache.set(key, ids, timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10)
    return ids


def related_box(*, ids: Sequence[int]) -> dict:
    """Return the published stories `ids`, in that order, ready for cards."""
    found = published().in_bulk(list(ids))
    return {
        "related_articles": prefetch_cards([found[pk] for pk in ids if pk in found])
    }


def article_page_context(*, article: ArticlePage) -> dict:
    """Return the boxes around an article: related, newest and most read, each story once."""
    related = related_ids(article=article)
    shown = [article.pk, *related]
    boxes = headline_boxes({"latest": 6, "most_read": 6}, exclude=shown)
    return {
        "live_updates": live_updates(article=article),
        "live_stamp": live_stamp(article=article),
        "related_ids": related,
        "latest_articles": boxes["latest"],
        "most_read_articles": boxes["most_read"],
    }


# The desk dashboard and the origin report (admin) ---------------------------------------

# The press law counts the paper's own share of its articles per week, in Korea time.
KST = ZoneInfo("Asia/Seoul")
OWN_SHARE_MINIMUM_PERCENT = 30
DASHBOARD_ROWS = 15


@dataclass(frozen=True)
class DeskRow:
    """A story on the desk dashboard, with who did what to it and when."""

    article: ArticlePage
    at: datetime
    by: str = ""
    task: str = ""
    is_live: bool = False
    is_overdue: bool = False


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _ids_as_text(articles) -> Any:
    """Article ids as text: workflow states and revisions keep their object's id as text."""
    return articles.annotate(key=Cast("pk", CharField())).values("key")


def editable_articles(*, user):
    """Return the articles `user` may edit (a superuser: all of them)."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, {"change", "publish"}
    )
    return ArticlePage.objects.filter(pk__in=pages.values("pk"))


def articles_awaiting_approval(*, user, limit: int = DASHBOARD_ROWS) -> list[DeskRow]:
    """Return stories in an in-progress workflow (데스크 승인 대기) that `user` may edit.

    Stories `user` can approve are left out: Wagtail's own "Awaiting your review" panel
    lists those, with the approve and reject buttons.
    """
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            content_type=ContentType.objects.get_for_model(ArticlePage),
            object_id__in=_ids_as_text(editable_articles(user=user)),
        )
        .exclude(current_task_state__in=TaskState.objects.reviewable_by(user))
        .select_related("current_task_state__task", "requested_by")
        .order_by("-created_at")[:limit]
    )
    states = list(states)
    articles = ArticlePage.objects.in_bulk([int(s.object_id) for s in states])
    return [
        DeskRow(
            article=articles[int(s.object_id)],
            at=s.created_at,
            by=_person(s.requested_by),
            task=s.current_task_state.task.name if s.current_task_state else "",
        )
        for s in states
        if int(s.object_id) in articles
    ]


def scheduled_articles(
    *, user, limit: int = DASHBOARD_ROWS, now: datetime | None = None
) -> list[DeskRow]:
    """Return stories with a revision scheduled to go live (예약 출고), soonest first.

    A story that is already live has a scheduled update; one past its time is overdue
    (the `publish_scheduled` job has not run).
    """
    now = now or timezone.now()
    revisions = (
        Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage),
            approved_go_live_at__isnull=False,
            object_id__in=_ids_as_text(editable_articles(user=user)),
        )
        .select_related("user")
        .order_by("approved_go_live_at", "pk")[:limit]
    )
    revisions = list(revisions)
    articles = ArticlePage.objects.in_bulk([int(r.object_id) for r in revisions])
    return [
        DeskRow(
            article=articles[int(r.object_id)],
            at=r.approved_go_live_at,
            by=_person(r.user),
            is_live=articles[int(r.object_id)].live,
            is_overdue=r.approved_go_live_at <= now,
        )
        for r in revisions
        if int(r.object_id) in articles
    ]


def recently_published(
    *, hours: int = 24, limit: int = DASHBOARD_ROWS, now: datetime | None = None
) -> list[DeskRow]:
    """Return the stories first published in the last `hours` hours, newest first."""
    since = (now or timezone.now()) - timedelta(hours=hours)
    articles = (
        ArticlePage.objects.live()
        .filter(first_published_at__gte=since)
        .select_related("owner")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    return [
        DeskRow(article=a, at=a.first_published_at, by=_person(a.owner), is_live=True)
        for a in articles
    ]


@dataclass(frozen=True)
class OriginWeek:
    """One ISO week (Monday to Sunday, KST) of published articles, counted by origin."""

    starts_on: date
    counts: dict[str, int]
    is_current: bool = False

    @property
    def ends_on(self) -> date:
        return self.starts_on + timedelta(days=6)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def own(self) -> int:
        return self.counts.get(ArticleOrigin.OWN, 0)

    @property
    def own_share(self) -> float | None:
        """The paper's own reporting as a percentage of the week's articles."""
        return self.own * 100 / self.total if self.total else None

    @property
    def is_below_minimum(self) -> bool:
        """Under the legal minimum: less than 30% own reporting, or no article at all."""
        return self.own * 100 < OWN_SHARE_MINIMUM_PERCENT * self.total or not self.total

    @property
    def by_origin(self) -> list[tuple[str, int]]:
        return [
            (label, self.counts.get(value, 0)) for value, label in ArticleOrigin.choices
        ]


def week_start(moment: datetime) -> date:
    """Return the Monday (KST) of the ISO week `moment` falls in."""
    day = moment.astimezone(KST).date()
    return day - timedelta(days=day.weekday())


def origin_weeks(*, weeks: int = 12, now: datetime | None = None) -> list[OriginWeek]:
    """Return the last `weeks` ISO weeks (KST), newest first, counting the live articles
    first published in each by origin (자체 취재 / 보도자료 / 통신 / 기고); one query.
    Advertorials and sponsored stories are advertising, not reporting, and are not counted.
    """
    now = now or timezone.now()
    current = week_start(now)
    first = current - timedelta(weeks=weeks - 1)
    start = datetime.combine(first, time.min, tzinfo=KST)
    end = datetime.combine(current + timedelta(weeks=1), time.min, tzinfo=KST)
    rows = (
        ArticlePage.objects.live()
        .editorial()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .annotate(week=TruncWeek("first_published_at", tzinfo=KST))
        .values("week", "origin")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[date, dict[str, int]] = {}
    for row in rows:
        week = row["week"]
        week = week.astimezone(KST).date() if isinstance(week, datetime) else week
        counts.setdefault(week, {})[row["origin"]] = row["n"]
    return [
        OriginWeek(
            starts_on=monday,
            counts=counts.get(monday, {}),
            is_current=monday == current,
        )
        for monday in (current - timedelta(weeks=n) for n in range(weeks))
    ]


# How many matches the story chooser takes from each way of matching a query.
CHOOSER_MATCHES = 200


def choosable_stories():
    """Every story for the desk's story chooser, the newest first.

    A published story counts from its first publication, a draft or a scheduled one from
    its newest version, so what the desk filed this morning comes before last year's.
    Each row carries its section's name (`section_title`) and, when a version is approved
    for a later time, that time (`scheduled_at`), without a query per row.
    """
    section = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    schedule = (
        Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), CharField()),
            approved_go_live_at__isnull=False,
        )
        .order_by("-created_at")
        .values("approved_go_live_at")[:1]
    )
    return (
        ArticlePage.objects.defer_streamfields()
        .annotate(
            section_title=Subquery(section),
            scheduled_at=Subquery(schedule),
            newest=Coalesce("first_published_at", "latest_revision_created_at"),
        )
        .order_by(F("newest").desc(nulls_last=True), "-pk")
    )


def stories_matching(query: str, *, limit: int = CHOOSER_MATCHES) -> set[int]:
    """Ids of the stories the desk means by `query` in a chooser.

    The reader search's reading of the words (Kiwi: 빛축제가 finds 빛축제), the start of a
    word being typed in a headline (빛축 finds 빛축제), and, for stories not yet
    published (which the search index does not hold), the headline containing the text.
    """
    query = normalize_line(query)
    if not query:
        return set()
    found = {story.pk for story in ArticlePage.objects.only("pk").search(query)[:limit]}
    found.update(
        story.pk for story in ArticlePage.objects.only("pk").autocomplete(query)[:limit]
    )
    found.update(
        ArticlePage.objects.filter(live=False, title__icontains=query).values_list(
            "pk", flat=True
        )[:limit]
    )
    return found
