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


# The page frame: what every page shows around its own content (the masthead's brand and
# sections bar, the weather ticker, the footer). A site's frame parts are kept together
# under one key that every page reads ahead, so a page gets all of them without a round
# trip of its own; the set starts empty again with each generation.
FRAME_KEY = "sinmun:frame:{site}"
FRAME_PARTS_MAX = 64  # sections bars, footers, tickers: a few dozen at most


def _frame_key(request) -> list[str]:
    site = getattr(request, "_wagtail_site", None)
    return [FRAME_KEY.format(site=site.pk)] if site is not None else []


readahead.every_page_reads_for(_frame_key)


def framed(request, part: tuple, render: Callable[[], str], *, timeout: int) -> str:
    """Return the frame `part` of the request's site, rendering and keeping it if missing.

    `part` names the template and whatever else it varies on (the current section, the
    ticker's observations). Kept parts belong to the generation they were rendered in: a
    publish, a settings change or a section change starts a new set.
    """
    site = getattr(request, "_wagtail_site", None)
    if site is None or getattr(request, "is_preview", False):
        return render()
    key = FRAME_KEY.format(site=site.pk)
    current = generation()
    stored = cache.get(key)
    parts = stored[1] if stored and stored[0] == current else {}
    html = parts.get(part)
    if html is None:
        html = render()
        parts = {} if len(parts) >= FRAME_PARTS_MAX else dict(parts)
        parts[part] = html
        cache.set(key, (current, parts), timeout=timeout)
    return html
