"""Listing pages that are not pages in the tree: a reporter's, a columnist's, a series', a tag's."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe
from taggit.models import Tag

from sinmun.articles.models import ArticleByline, ArticleTag
from sinmun.core import cache, edge
from sinmun.core.text import normalize_text
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
from sinmun.sections import selectors


@dataclass(frozen=True)
class Listing:
    name: str  # the context name of the listed-by object, and the template's
    objects: QuerySet
    stories: Any  # obj -> Q: the stories this page lists
    key: Any  # obj -> the edge's key of this list (core.edge)


LISTINGS = {
    "reporter": Listing(
        "reporter",
        Reporter.objects.select_related("photo"),
        lambda o: Q(pk__in=ArticleByline.objects.filter(reporter=o).values("page_id")),
        lambda o: edge.reporter(o.pk),
    ),
    "columnist": Listing(
        "columnist",
        Columnist.objects.select_related("photo"),
        lambda o: Q(columnist=o),
        lambda o: edge.columnist(o.pk),
    ),
    "series": Listing(
        "series",
        ColumnSeries.objects.select_related("columnist__photo"),
        lambda o: Q(series=o),
        lambda o: edge.series(o.pk),
    ),
    "tag": Listing(
        "tag",
        Tag.objects.all(),
        lambda o: Q(
            pk__in=ArticleTag.objects.filter(tag=o).values("content_object_id")
        ),
        lambda o: edge.tag(o.pk),
    ),
}


def listing_view(kind: str):
    """Return the view of one kind of listing page; the listing is read only on a cache miss."""
    listing = LISTINGS[kind]

    @require_safe
    def view(request, slug):
        obj = get_object_or_404(listing.objects, slug=slug)
        at = selectors.listing_position(request.GET)
        context = {
            listing.name: obj,
            "listing": SimpleLazyObject(
                lambda: selectors.filtered_listing(stories=listing.stories(obj), at=at)
            ),
            "listing_key": f"{listing.name}:{obj.pk}:{at.key}",
        }
        return cache.make_public(
            TemplateResponse(request, f"sections/{listing.name}.html", context),
            listing.key(obj),
        )

    view.__name__ = kind
    return view


reporter = listing_view("reporter")
columnist = listing_view("columnist")
series = listing_view("series")
tag = listing_view("tag")


def _date(value) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


@require_safe
def search(request):
    """/search/?q=: the reader's search page (never indexed by search engines)."""
    max_length = settings.SINMUN_SEARCH_MAX_QUERY_LENGTH
    query = " ".join(normalize_text(request.GET.get("q", ""))[: max_length * 4].split())
    query = query[:max_length]
    tree = selectors.section_tree()
    section = None
    section_id = request.GET.get("section", "")
    if section_id.isdigit():
        section = next(
            (s for s in tree.by_path.values() if s.id == int(section_id)), None
        )
    wanted = selectors.SearchRequest(
        query=query,
        sort="newest" if request.GET.get("sort") == "newest" else "relevance",
        section=section,
        reporter=request.GET.get("reporter", "")[:100],
        date_from=_date(request.GET.get("from")),
        date_to=_date(request.GET.get("to")),
    )
    results = selectors.search_articles(
        wanted, page_number=selectors.page_number(request.GET.get("page"))
    )
    context = {
        "query": query,
        "wanted": wanted,
        "results": results,
        "listing": results.page,
        "sections": list(tree.by_path.values()),
        "reporters": Reporter.objects.order_by("name").only("name", "slug"),
    }
    return cache.make_public(
        TemplateResponse(request, "sections/search.html", context), edge.SEARCH
    )
