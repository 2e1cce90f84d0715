import ipaddress
import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from sinmun.articles import selectors, services
from sinmun.core import cache, edge
from sinmun.core.addresses import client_address


@require_safe
def permalink(request, article_id: int):
    """Serve an article at its permanent address, /news/<id>."""
    article = selectors.published_article(article_id)
    if article is None:
        raise Http404
    return article.serve(request)


@require_safe
def live(request, article_id: int):
    """Answer a live story's readers' poll: its updates as HTML, and whether it has ended.

    Public and cacheable like the page: the edge keeps it until a new update or a publish
    purges it (`l<id>`, `a<id>`), so a thousand readers polling cost the origin one render.
    """
    article = selectors.published_article(article_id)
    if article is None or not article.is_live:
        raise Http404
    updates = selectors.live_updates(article=article)
    html = render_to_string(
        "articles/components/live_updates.html",
        {"live_updates": updates, "page": article},
        request=request,
    )
    response = JsonResponse(
        {
            "ended": not article.is_live_running,
            "count": len(updates),
            "newest": updates[0].pk if updates else None,
            "stamp": selectors.live_stamp(article=article),
            "html": html,
            "poll_seconds": settings.SINMUN_LIVE_POLL_SECONDS,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    return cache.make_public(
        response, edge.article(article.pk), edge.live(article.pk), scan=False
    )


# The counter changes nothing a session or a form protects, and the page that sends it is
# served from a shared cache without a CSRF cookie; so it is exempt (reviewed allow-list).
@csrf_exempt
@require_POST
def read(request, article_id: int):
    """Count one read of an article. Sent by the reader's browser, so cached pages count too.

    Counted once per reader's address per story and period, at most
    services.READS_PER_ADDRESS stories per address and period, and only from what looks
    like a browser's beacon; the answer is the same 204 whether it counted or not. The
    User-Agent is not part of the key: changing it does not make a new reader.
    """
    try:
        if _sent_by_a_browser(request):
            services.count_read(
                article_id=article_id, client_key=_client_address(request)
            )
        else:
            services.check_article(article_id)
    except services.UnknownArticle:
        raise Http404 from None
    return cache.make_private(HttpResponse(status=204))


NOT_A_BROWSER = re.compile(
    r"bot|crawl|spider|slurp|curl|wget|python|httpx|okhttp|java/|go-http|headless|"
    r"preview|monitor|scan",
    re.IGNORECASE,
)


def _sent_by_a_browser(request) -> bool:
    """A browser's sendBeacon: a Mozilla-style agent that is no known robot, and, where
    the browser says (Sec-Fetch-Site, every current browser), from the paper's own page."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    if not agent.startswith("Mozilla/") or NOT_A_BROWSER.search(agent):
        return False
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") == "same-origin"


def _client_address(request) -> str:
    """The reader's address as the edge saw it (core.addresses), an IPv6 /64 as one."""
    return _device(client_address(request))


def _device(address: str) -> str:
    """An IPv6 reader owns a /64 and can pick any address in it: count the /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
