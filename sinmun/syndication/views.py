"""What crawlers fetch besides feeds: sitemaps, the news sitemap, robots.txt, the IndexNow key."""

import re

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Site

from sinmun.core import cache, edge
from sinmun.core.models import NewspaperSettings
from sinmun.syndication import selectors, sitemaps
from sinmun.syndication.sitemaps import SITEMAPS
from sinmun.syndication.text import one_line


@require_safe
def sitemap_index(request):
    response = sitemap_views.index(
        request, SITEMAPS, sitemap_url_name="syndication:sitemap-section"
    )
    response = sitemaps.index_page(response, request.GET.get("p"))
    return cache.make_public(response, edge.SITEMAP, scan=False)


@require_safe
def sitemap_section(request, section):
    response = sitemap_views.sitemap(request, SITEMAPS, section=section)
    return cache.make_public(response, edge.SITEMAP, scan=False)


def publication_name(name: str) -> str:
    """The Google News publication name: the paper's name without parenthesised parts."""
    return one_line(re.sub(r"\s*[(（][^)）]*[)）]", "", name))


@require_safe
def news_sitemap(request):
    """Stories of the last two days for Google News, with the first-publication time."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    paper = NewspaperSettings.for_site(site)
    entries = [
        {
            "loc": site.root_url + article.permalink_path,
            "title": one_line(article.title),
            "published_at": timezone.localtime(article.first_published_at).isoformat(
                timespec="seconds"
            ),
        }
        for article in selectors.news_sitemap_articles()
    ]
    response = TemplateResponse(
        request,
        "syndication/news_sitemap.xml",
        {"entries": entries, "publication": publication_name(paper.name)},
        content_type="application/xml; charset=utf-8",
    )
    return cache.make_public(response, edge.SITEMAP, scan=False)


@require_safe
def robots_txt(request):
    base = request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        *(
            f"Sitemap: {base}{reverse('syndication:sitemap-index')}"
            + (f"?p={n}" if n > 1 else "")
            for n in range(1, sitemaps.index_pages() + 1)
        ),
        f"Sitemap: {base}{reverse('syndication:news-sitemap')}",
        "",
    ]
    return cache.make_public(
        HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8"),
        edge.SITEMAP,  # it lists the sitemap index pages, whose number grows
    )


@require_safe
def indexnow_key(request, key):
    """Serve the IndexNow key file that proves the site owns the key."""
    if not settings.SINMUN_INDEXNOW_KEY or key != settings.SINMUN_INDEXNOW_KEY:
        raise Http404
    return cache.make_public(
        HttpResponse(key, content_type="text/plain; charset=utf-8")
    )
