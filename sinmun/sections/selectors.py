"""Reads for navigation and for the pages that list articles."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from modelsearch.backends import get_search_backend

from sinmun.articles import selectors as article_selectors
from sinmun.articles.models import ArticleByline, ArticlePage
from sinmun.core import fragments, readahead
from sinmun.core.selectors import public_q
from sinmun.search.analysis import analyser
from sinmun.search.backend import EMPTY, korean_query
from sinmun.sections import pagination
from sinmun.sections.models import SectionPage

SECTION_TREE_KEY = "sinmun:section-tree:v1"
readahead.every_page_reads(SECTION_TREE_KEY)
MAX_PAGE_NUMBER = 10_000  # deeper pages are not worth a database scan; Paginator clamps


@dataclass
class SectionLink:
    id: int
    title: str
    url: str
    path: str
    depth: int
    show_on_front_page: bool
    children: list["SectionLink"] = field(default_factory=list)

    def __str__(self):
        return self.title


@dataclass
class SectionTree:
    """The live sections in navigation order, and a lookup from page path to section."""

    top: list[SectionLink]
    by_path: dict[str, SectionLink]

    def section_of(self, article: ArticlePage) -> SectionLink | None:
        """Return the section `article` is filed in, from its place in the page tree."""
        return self.by_path.get(article.path[: -ArticlePage.steplen])

    def top_section_of(self, article: ArticlePage) -> SectionLink | None:
        for link in self.top:
            if article.path.startswith(link.path):
                return link
        return None


def section_tree() -> SectionTree:
    """Return the section tree, from the cache when it is there."""
    tree = cache.get(SECTION_TREE_KEY)
    if tree is None:
        tree = _build_section_tree()
        cache.set(
            SECTION_TREE_KEY, tree, timeout=settings.SINMUN_BOX_CACHE_SECONDS * 20
        )
    return tree


def forget_section_tree() -> None:
    cache.delete(SECTION_TREE_KEY)
    fragments.new_generation()  # the masthead's sections bar (page_frame)


def _build_section_tree() -> SectionTree:
    pages = SectionPage.objects.live().filter(public_q()).order_by("path")
    by_path: dict[str, SectionLink] = {}
    top: list[SectionLink] = []
    min_depth = None
    for page in pages:
        link = SectionLink(
            id=page.pk,
            title=page.title,
            url=page.get_url() or "",
            path=page.path,
            depth=page.depth,
            show_on_front_page=page.show_on_front_page,
        )
        parent = by_path.get(page.path[: -SectionPage.steplen])
        if parent is not None:
            parent.children.append(link)
        elif min_depth is None or page.depth <= min_depth:
            min_depth = page.depth
            top.append(link)
        else:
            continue  # under an unpublished section: not reachable from the navigation
        by_path[page.path] = link
    return SectionTree(top=top, by_path=by_path)


def page_number(value) -> int:
    """Return a usable page number from a ?page= value: junk becomes 1, huge is capped."""
    try:
        return min(max(int(value), 1), MAX_PAGE_NUMBER)
    except (TypeError, ValueError):
        return 1


def listing_position(query) -> pagination.Position:
    """Return where a listing page starts, from its query string (sections.pagination)."""
    return pagination.position(query)


def _paginate(queryset, page_number_value) -> PaginatorPage:
    paginator = Paginator(queryset, settings.SINMUN_LISTING_PAGE_SIZE)
    number = page_number(page_number_value)
    # get_page() turns a junk or out-of-range ?page= into page 1 or the last page.
    page = paginator.get_page(number)
    article_selectors.prefetch_cards(page.object_list)
    return page


def _keyset(queryset, at: pagination.Position) -> pagination.ListingPage:
    page = pagination.keyset_page(queryset, at, settings.SINMUN_LISTING_PAGE_SIZE)
    article_selectors.prefetch_cards(page.object_list)
    return page


def section_listing(
    *, section: SectionPage, at: pagination.Position = pagination.FIRST
) -> pagination.ListingPage:
    """Return one page of the section's published stories (sub-sections included), newest first."""
    return _keyset(article_selectors.published().in_section(section).newest_first(), at)


def filtered_listing(
    *, stories: Q, at: pagination.Position = pagination.FIRST
) -> pagination.ListingPage:
    """Return one page of the published stories matching `stories`, newest first.

    Reporter, columnist, series and tag pages differ only in that filter, which names
    each story once (a subquery, not a join), so no DISTINCT sorts the whole listing.
    """
    return _keyset(article_selectors.published().filter(stories).newest_first(), at)


@dataclass
class SearchRequest:
    """What a reader asked the search page for, already cleaned."""

    query: str = ""
    sort: str = "relevance"  # or "newest"
    section: SectionLink | None = None
    reporter: str = ""  # a reporter's slug
    date_from: date | None = None
    date_to: date | None = None


@dataclass
class SearchResults:
    page: PaginatorPage
    terms: list[str]  # analysed query terms, for highlighting


def search_articles(request: SearchRequest, *, page_number) -> SearchResults:
    """Return one page of published stories matching the request.

    Relevance first (headline above body, BM25 on SQLite, ts_rank on PostgreSQL), then the
    newer story; or newest first. Only `published()` stories are ever searched, so drafts,
    scheduled, embargoed and private stories never appear. An empty query lists every
    published story the filters allow, newest first.
    """
    stories = article_selectors.published()
    if request.section is not None:
        stories = stories.filter(path__startswith=request.section.path)
    if request.reporter:
        stories = stories.filter(
            pk__in=ArticleByline.objects.filter(reporter__slug=request.reporter).values(
                "page_id"
            )
        )
    if request.date_from:
        stories = stories.filter(first_published_at__date__gte=request.date_from)
    if request.date_to:
        stories = stories.filter(first_published_at__date__lte=request.date_to)

    backend = get_search_backend()
    tree = korean_query(request.query) if request.query else EMPTY
    terms: list[str] = []
    if tree is EMPTY:
        if request.query:
            stories = stories.none()  # only punctuation or symbols: nothing to find
        results = stories.order_by("-first_published_at", "-pk")
    else:
        terms = analyser().terms(request.query)
        relevance = request.sort != "newest"
        compiler = backend.compiler(stories, tree, order_by_relevance=relevance)
        if relevance:
            # Best first, then the newer story (pk) on PostgreSQL; sliced lazily per page.
            results = backend.results_class(backend, compiler)
        else:
            results = compiler.search(compiler.get_config(backend), None, None)
            results = results.order_by("-first_published_at", "-pk")
    return SearchResults(page=_paginate(results, page_number), terms=terms)
