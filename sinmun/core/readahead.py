"""The cache keys every page reads, fetched in one round trip when a request starts.

Each app names the site-wide keys its pages read (`every_page_reads`), next to where it
reads them; `ReadAheadMiddleware` asks the cache for all of them at once. Only a cache
that can (`core.cache_backends.RedisCache`) reads ahead; with any other every key is read
when it is used, as before. Per-page keys are read ahead where the page knows them
(`read_ahead`, e.g. an article's fragments).
"""

from collections.abc import Callable, Iterable
from contextlib import nullcontext

from django.core.cache import cache

Entry = str | tuple[str, int | None]  # a key, or a key and its cache version
_static: list[Entry] = []
_per_request: list[Callable[[object], Iterable[Entry]]] = []


def every_page_reads(*entries: Entry) -> None:
    """Read `entries` ahead on every request (a key, or a key and its version)."""
    _static.extend(entry for entry in entries if entry not in _static)


def every_page_reads_for(keys: Callable[[object], Iterable[Entry]]) -> None:
    """Read ahead the keys `keys(request)` returns (keys that depend on the site...)."""
    if keys not in _per_request:
        _per_request.append(keys)


def keys_for(request) -> list[Entry]:
    entries = list(_static)
    for keys in _per_request:
        entries.extend(keys(request))
    return entries


def read_ahead(entries: Iterable[Entry]) -> None:
    """Fetch `entries` now, in one round trip, for the rest of this request."""
    more = getattr(cache, "read_more", None)
    if more is not None:
        more(list(entries))


class ReadAheadMiddleware:
    """Wrap a GET or HEAD request in one read of every key its page will read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reading = getattr(cache, "reading_ahead", None)
        if reading is None or request.method not in ("GET", "HEAD"):
            scope = nullcontext()
        else:
            scope = reading(keys_for(request))
        with scope:
            return self.get_response(request)
