"""The cache policy for what readers and machines fetch (docs/decisions/0002-cache-policy.md).

Public pages are the same for every reader, so a shared cache (a CDN, Varnish) may keep
them. Previews and anything personal never may. What each public response shows is named
in surrogate keys (`core.edge`), so the edge can be told exactly what a change affects.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from sinmun.core import edge


def make_public(response, *keys: str, scan: bool = True):
    """Mark `response` cacheable by browsers and shared caches, and serve stale on error.

    `keys` name the lists it is (`edge.section(pk)`, `edge.FRONT`...); the stories it
    links to are added from its body unless `scan` is off.
    """
    patch_cache_control(
        response,
        public=True,
        max_age=settings.SINMUN_PUBLIC_CACHE_SECONDS,
        s_maxage=settings.SINMUN_SHARED_CACHE_SECONDS,
        stale_while_revalidate=30,
        stale_if_error=86_400,
    )
    edge.tag_response(response, *keys, scan=scan)
    return response


def make_private(response):
    """Mark `response` as never to be stored by anyone (previews, drafts, counters)."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
