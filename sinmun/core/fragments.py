"""Rendered fragments kept in the cache: the expensive parts of a page that change on publish.

An article's own markup (headline, byline, body, corrections) changes only when a new
revision is published, so it is rendered once per revision and shared by every reader.
Previews are never cached: they show a draft under the live revision's key.
"""

import math
from collections.abc import Callable
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

from sinmun.core import edge, readahead


def render_in_context(context, template_name: str, extra: dict | None = None) -> str:
    """Render `template_name` with the calling template's context, plus `extra`."""
    fragment = context.template.engine.get_template(template_name)
    with context.push(**(extra or {})):
        return fragment.render(context)


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


def cached_fragment_until(
    request,
    key: str,
    render: Callable[[], tuple[str, datetime | None]],
    *,
    timeout: int,
) -> str:
    """Like `cached_fragment`, for a fragment that knows when it stops being true.

    `render` returns the markup and the moment it changes by itself (a scheduled pin
    starts or ends), or None; the stored copy is dropped by then at the latest, and the
    edge is told to let go of the page then too (`edge.note_until`).
    """
    if request is None or getattr(request, "is_preview", False):
        return render()[0]
    stored = cache.get(key)
    if stored is None:
        stored = render()
        cache.set(key, stored, timeout=lifetime(timeout, stored[1]))
    html, changes_at = stored
    if changes_at is not None:
        edge.note_until(request, changes_at)
    return html


def lifetime(timeout: int, changes_at: datetime | None, now=None) -> int:
    """Return `timeout` seconds, shortened to end at `changes_at` (at least one second)."""
    if changes_at is None:
        return timeout
    left = (changes_at - (now or timezone.now())).total_seconds()
    return max(1, min(timeout, math.ceil(left)))


GENERATION_KEY = "sinmun:fragments:generation"
readahead.every_page_reads(GENERATION_KEY)


def generation() -> int:
    """Return the current generation of listing fragments; publishing anything bumps it."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def new_generation() -> None:
    """Make every listing fragment stale at once (a story was published or withdrawn)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(GENERATION_KEY, 2, timeout=None)
