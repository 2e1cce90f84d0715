"""Which Wagtail site a request is for, looked up once per host and process, not per request.

Wagtail finds the site with one query per request (`Site.find_for_request`), and the
settings context processor asks on every page: compiling that query is a fifth of an article
page's time at origin. Sites change almost never, so each process keeps the answer for
SINMUN_SITE_CACHE_SECONDS and forgets it when a site is saved or deleted here.
"""

import copy
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
)

from sinmun.core import fragments, readahead
from sinmun.core.models import BreakingNewsSettings, NewspaperSettings

_sites: dict[tuple[str, str], tuple[float, Site | None]] = {}
MAX_HOSTS = 64  # a flood of made-up Host headers must not grow the table without end


def site_for(request) -> Site | None:
    seconds = settings.SINMUN_SITE_CACHE_SECONDS
    if not seconds:
        return Site._find_for_request(request)
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    entry = _sites.get(key)
    if entry is None or entry[0] < now:
        if len(_sites) >= MAX_HOSTS:
            _sites.clear()
        entry = (now + seconds, Site._find_for_request(request))
        _sites[key] = entry
    return entry[1]


class CurrentSiteMiddleware:
    """Give the request its site the way Wagtail caches it (`request._wagtail_site`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = site_for(request)
        # A copy per request: what a request caches on its site (its NewspaperSettings)
        # must not outlive it in the process-wide table.
        request._wagtail_site = copy.copy(site) if site is not None else None
        return self.get_response(request)


def _settings_key(request):
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return []
    return [
        NewspaperSettings.cache_key(site.pk),
        BreakingNewsSettings.cache_key(site.pk),
    ]


# Every page builds URLs (Wagtail's site root paths), reads the paper's settings and the
# 속보 banner.
readahead.every_page_reads((SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION))
readahead.every_page_reads_for(_settings_key)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    _sites.clear()
    fragments.new_generation()  # a site's name or root shows in its page frame
