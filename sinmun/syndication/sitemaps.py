"""Sitemaps for search engines (django.contrib.sitemaps), split within the protocol's limits."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from sinmun.syndication import selectors


class ArticleSitemap(Sitemap):
    """Every published story at its permanent address, `SINMUN_SITEMAP_LIMIT` per page."""

    @property
    def limit(self):
        return settings.SINMUN_SITEMAP_LIMIT

    def items(self):
        return selectors.sitemap_articles()

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
