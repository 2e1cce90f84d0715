"""The edge (Varnish, a CDN): what each public response shows, and telling it what changed.

Every public response names what it shows in surrogate keys (``xkey: a12 a34 s5 front``): each
story linked from it (``a<id>``), and the list it is (a section's ``s<id>``, the front page,
a feed...). A change to a story purges the keys of every page that shows it or would now
list it, so the edge may keep pages for hours and still show a correction, or drop a
withdrawn story (정정·삭제 요청), within a second (docs/decisions/0005-edge-purge.md).

Key vocabulary (short, because a front page carries a hundred of them):

====================  ==========================================================
``a<id>``             shows story <id> (its page, and every list, box or feed linking to it)
``s<id>``             lists the stories of section <id> (section pages, the section feed)
``r<id>``             lists reporter <id>'s stories (reporter page and feed)
``c<id>``/``cs<id>``  lists a columnist's / a column series' columns
``t<id>``             lists the stories with tag <id>
``k<id>``             lists the readers' comments on story <id> (sinmun.comments' thread)
``l<id>``             shows live story <id>'s updates (its page and its poll answer)
``front``             the front page
``latest``            shows the latest-stories box (front and article pages)
``rss``               the paper's feed
``sitemap``           the sitemaps and the Google News sitemap
``search``            search result pages
``weather``           shows the weather ticker (every HTML page)
``ads``               shows an ad slot (sinmun.ads: every HTML page with a slot)
``breaking``          shows the 속보 banner (every HTML page)
``site``              every public response (masthead, section navigation, legal footer)
====================  ==========================================================
"""

import logging
import math
import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

KEY_HEADER = "xkey"
EDGE_CONTROL_HEADER = "Surrogate-Control"

SITE = "site"
FRONT = "front"
LATEST = "latest"
FEED = "rss"
SITEMAP = "sitemap"
SEARCH = "search"
WEATHER = "weather"
ADS = "ads"
BREAKING = "breaking"


def article(pk) -> str:
    return f"a{pk}"


def section(pk) -> str:
    return f"s{pk}"


def reporter(pk) -> str:
    return f"r{pk}"


def columnist(pk) -> str:
    return f"c{pk}"


def series(pk) -> str:
    return f"cs{pk}"


def tag(pk) -> str:
    return f"t{pk}"


def comments(pk) -> str:
    return f"k{pk}"


def live(pk) -> str:
    return f"l{pk}"


def tag_response(
    response, *keys: str, scan: bool = True, until: datetime | None = None
) -> None:
    """Give a public `response` the keys of what it shows.

    With `scan`, every story the rendered body links to is added by the middleware
    (`SurrogateKeyMiddleware`): a story on a page is always a link to its permanent
    address, so no list can forget one. Sitemaps list thousands and set `scan=False`.
    `until` is when the response stops being true by itself (a front-page pin's window).
    """
    response.surrogate_keys = {*getattr(response, "surrogate_keys", ()), *keys}
    response.surrogate_scan = scan and getattr(response, "surrogate_scan", True)
    if until is not None:
        note_until(response, until)


def note_keys(request, *keys: str) -> None:
    """Add `keys` to whatever public response `request` gets (for code that sees no response)."""
    request.surrogate_keys = {*getattr(request, "surrogate_keys", ()), *keys}


def note_until(holder, until: datetime) -> None:
    """Remember on `holder` (a request or response) that what it shows changes at `until`."""
    current = getattr(holder, "surrogate_until", None)
    holder.surrogate_until = until if current is None else min(current, until)


_links = None


def _article_links() -> re.Pattern:
    global _links
    if _links is None:
        prefix = reverse("articles:permalink", args=[1])[:-1]  # "/news/"
        _links = re.compile(re.escape(prefix.encode()) + rb"([1-9][0-9]{0,8})(?![0-9])")
    return _links


def linked_articles(content: bytes) -> set[str]:
    """Return the keys of the stories `content` links to at their permanent address."""
    return {article(int(pk)) for pk in _article_links().findall(content)}


def edge_seconds(now: datetime, until: datetime | None) -> int:
    """Return how long the edge may keep a response made at `now`.

    At most SINMUN_EDGE_CACHE_SECONDS, never past the next midnight in Korea (the
    masthead's date line), nor past `until`.
    """
    local = timezone.localtime(now)
    midnight = (local + timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    ends = min(midnight, until) if until else midnight
    left = math.ceil((ends - now).total_seconds())
    return max(1, min(settings.SINMUN_EDGE_CACHE_SECONDS, left))


class SurrogateKeyMiddleware:
    """Write the surrogate keys and the edge's lifetime on public responses.

    Only responses a view marked public with `tag_response` (through `cache.make_public`)
    get them; the admin, previews, forms and errors never do, so the edge never keeps them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        keys = getattr(response, "surrogate_keys", None)
        if keys is None or response.streaming or not 200 <= response.status_code < 300:
            return response
        if response.has_header("Set-Cookie") or response.cookies:
            return response  # something personal got in: never let the edge keep it
        keys = {SITE, *keys, *getattr(request, "surrogate_keys", ())}
        if response.surrogate_scan:
            keys |= linked_articles(response.content)
        response[KEY_HEADER] = " ".join(sorted(keys))
        until = getattr(response, "surrogate_until", None)
        request_until = getattr(request, "surrogate_until", None)
        if request_until is not None:
            until = request_until if until is None else min(until, request_until)
        seconds = edge_seconds(timezone.now(), until)
        if until is not None:
            # Shared caches without purge (a CDN that only reads Cache-Control) must not
            # keep a copy past the moment it stops being true either.
            shared = min(settings.SINMUN_SHARED_CACHE_SECONDS, seconds)
            response["Cache-Control"] = response["Cache-Control"].replace(
                f"s-maxage={settings.SINMUN_SHARED_CACHE_SECONDS}", f"s-maxage={shared}"
            )
        response[EDGE_CONTROL_HEADER] = f"max-age={seconds}"
        return response


def enabled() -> bool:
    """Whether there is an edge to purge (WAGTAILFRONTENDCACHE, set by SINMUN_EDGE_URL)."""
    return bool(settings.WAGTAILFRONTENDCACHE)


def purge(keys: Iterable[str], urls: Iterable[str] = ()) -> None:
    """Tell the edge, once the transaction commits, that what `keys` name has changed.

    `urls` are the main addresses of the same things, for caches that purge by URL only
    (CloudFront, Cloudflare without cache tags). Runs as a background task with retries;
    a failed purge is logged and never fails the publish that caused it.
    """
    keys, urls = sorted(set(keys)), sorted(set(urls))
    if not keys or not enabled():
        return

    def enqueue():
        from sinmun.core import tasks

        try:
            tasks.purge_edge.enqueue(keys=keys, urls=urls)
        except (
            Exception
        ):  # the queue is down: the edge's lifetime still bounds staleness
            logger.exception("Could not queue the edge purge of %s", " ".join(keys))

    transaction.on_commit(enqueue)
