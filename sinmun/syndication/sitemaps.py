"""Sitemaps for search engines (django.contrib.sitemaps), split within the protocol's limits."""

from functools import cached_property
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404

from sinmun.syndication import selectors


class IdRangePaginator:
    """Sitemap pages of `limit` consecutive story ids, each read as one primary-key range.

    Django's paginator counts every story and reads page N with OFFSET (N-1) × limit, so
    a crawler walking the archive makes the database walk it too, once per page. Here
    page N holds the published stories whose ids are in [first + (N-1) × limit,
    first + N × limit), where `first` is the lowest published story id: a page never holds
    more than `limit` URLs, a story stays on its page, and the page count is two index
    lookups. A page of ids where nothing is published any more is empty.
    """

    def __init__(self, queryset, limit: int):
        self.queryset = queryset
        self.limit = limit

    @cached_property
    def _bounds(self) -> tuple[int, int] | None:
        first = self.queryset.order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            return None
        last = self.queryset.order_by("-pk").values_list("pk", flat=True).first()
        return first, last

    @cached_property
    def num_pages(self) -> int:
        if self._bounds is None:
            return 1  # one empty page, as Django's paginator allows
        first, last = self._bounds
        return (last - first) // self.limit + 1

    def page(self, number) -> SimpleNamespace:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if number < 1 or number > self.num_pages:
            raise EmptyPage(number)
        if self._bounds is None:
            return SimpleNamespace(object_list=self.queryset.none())
        start = self._bounds[0] + (number - 1) * self.limit
        return SimpleNamespace(
            object_list=self.queryset.filter(
                pk__gte=start, pk__lt=start + self.limit
            ).order_by("pk")
        )


class ArticleSitemap(Sitemap):
    """Every published story at its permanent address, `SINMUN_SITEMAP_LIMIT` ids per page."""

    @property
    def limit(self):
        return settings.SINMUN_SITEMAP_LIMIT

    def items(self):
        return selectors.sitemap_articles()

    @cached_property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def location(self, item):
        return item.permalink_path

    def lastmod(self, item):
        return item.last_published_at

    def get_latest_lastmod(self):
        # The default reads every item; one aggregate does for the index.
        return selectors.latest_change(self.items())


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return selectors.sitemap_sections()

    def location(self, item):
        return urlsplit(item.url).path


class ReporterSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return selectors.sitemap_reporters()

    def location(self, item):
        return item.get_absolute_url()


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "reporters": ReporterSitemap,
}


def index_page(response, number):
    """Keep page `number` (a ?p= value) of a sitemap index response, `SINMUN_SITEMAP_INDEX_LIMIT` entries.

    The protocol allows 50,000 sitemaps in one index file; past that the index is split
    into /sitemap.xml, /sitemap.xml?p=2, … and robots.txt names each (index_pages()).
    """
    entries = response.context_data["sitemaps"]
    limit = settings.SINMUN_SITEMAP_INDEX_LIMIT
    try:
        number = int(number or 1)
    except (TypeError, ValueError):
        raise Http404("No such sitemap index page") from None
    pages = max(1, -(-len(entries) // limit))
    if not 1 <= number <= pages:
        raise Http404("No such sitemap index page")
    response.context_data["sitemaps"] = entries[(number - 1) * limit : number * limit]
    return response


def index_pages() -> int:
    """Return how many sitemap index files there are (1 until the archive is vast)."""
    entries = sum(sitemap().paginator.num_pages for sitemap in SITEMAPS.values())
    return max(1, -(-entries // settings.SINMUN_SITEMAP_INDEX_LIMIT))
