"""Reads of articles for readers' pages. Each returns what a template needs, prefetched."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Count,
    F,
    Prefetch,
    Q,
    Sum,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone

from sinmun.articles.models import ArticleByline, ArticlePage


def published():
    """Return published articles with what every card needs joined in."""
    return ArticlePage.objects.published().select_related(
        "lead_image", "columnist__photo", "series"
    )


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


BOX_KEY = "sinmun:box:{name}:v1"
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
    key = BOX_KEY.format(name=name)
    headlines = cache.get(key)
    if headlines is None:
        build = {"latest": latest_articles, "most_read": most_read_articles}[name]
        headlines = [
            Headline(a.pk, a.title, a.permalink_path)
            for a in build(limit=limit + BOX_SLACK)
        ]
        cache.set(key, headlines, timeout=settings.SINMUN_BOX_CACHE_SECONDS)
    excluded = set(exclude)
    return [h for h in headlines if h.pk not in excluded][:limit]


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
    """Return the stories read most over the last `days` days, from stored counts."""
    days = days or settings.SINMUN_MOST_READ_DAYS
    since = timezone.localdate(now) - timedelta(days=days - 1)
    return list(
        published()
        .exclude(pk__in=list(exclude))
        .annotate(
            reads=Sum("read_counts__count", filter=Q(read_counts__day__gte=since))
        )
        .filter(reads__gt=0)
        .order_by("-reads", "-first_published_at")[:limit]
    )


def related_articles(
    *, article: ArticlePage, tag_ids: Sequence[int], limit: int = 5
) -> list[ArticlePage]:
    """Return stories that share a tag with `article` first, then its section's newest."""
    parent_path = article.path[: -ArticlePage.steplen]
    shared = Count(
        "tagged_items", filter=Q(tagged_items__tag_id__in=list(tag_ids)), distinct=True
    )
    return list(
        published()
        .exclude(pk=article.pk)
        .filter(
            Q(tagged_items__tag_id__in=list(tag_ids))
            | Q(path__startswith=parent_path, depth=article.depth)
        )
        .annotate(shared_tags=shared)
        .order_by("-shared_tags", "-first_published_at")
        .distinct()[:limit]
    )


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
    """Return the images of the body's photo blocks (loaded with the body, in one query)."""
    return [
        block.value["image"]
        for block in article.body
        if block.block_type == "photo" and block.value["image"]
    ]


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
    latest = headline_box("latest", limit=6, exclude=shown)
    shown += [a.pk for a in latest]
    most_read = headline_box("most_read", limit=6, exclude=shown)
    return {
        "related_ids": related,
        "latest_articles": latest,
        "most_read_articles": most_read,
    }
