"""Rendered fragments kept in the cache: the expensive parts of a page that change on publish.

An article's own markup (headline, byline, body, corrections) changes only when a new
revision is published, so it is rendered once per revision and shared by every reader.
Previews are never cached: they show a draft under the live revision's key.
"""

from collections.abc import Callable

from django.core.cache import cache


def cached_fragment(
    request, key: str, render: Callable[[], str], *, timeout: int
) -> str:
    """Return the fragment stored under `key`, rendering and storing it if missing."""
    if request is None or getattr(request, "is_preview", False):
        return render()
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout=timeout)
    return html
