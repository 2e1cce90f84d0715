"""The cache policy for what readers and machines fetch (docs/decisions/0002-cache-policy.md).

Public pages are the same for every reader, so a shared cache (a CDN or nginx) may keep
them. Previews and anything personal never may.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


def make_public(response):
    """Mark `response` cacheable by browsers and shared caches, and serve stale on error."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.SINMUN_PUBLIC_CACHE_SECONDS,
        s_maxage=settings.SINMUN_SHARED_CACHE_SECONDS,
        stale_while_revalidate=30,
        stale_if_error=86_400,
    )
    return response


def make_private(response):
    """Mark `response` as never to be stored by anyone (previews, drafts, counters)."""
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response
