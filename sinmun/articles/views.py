from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from sinmun.articles import selectors, services
from sinmun.core import cache


@require_safe
def permalink(request, article_id: int):
    """Serve an article at its permanent address, /news/<id>."""
    article = get_object_or_404(selectors.published(), pk=article_id)
    return article.serve(request)


# The counter changes nothing a session or a form protects, and the page that sends it is
# served from a shared cache without a CSRF cookie; so it is exempt (reviewed allow-list).
@csrf_exempt
@require_POST
def read(request, article_id: int):
    """Count one read of an article. Sent by the reader's browser, so cached pages count too."""
    try:
        services.count_read(article_id=article_id, client_key=_client_key(request))
    except services.UnknownArticle:
        raise Http404 from None
    return cache.make_private(HttpResponse(status=204))


def _client_key(request) -> str:
    return (
        _client_address(request) + "|" + request.META.get("HTTP_USER_AGENT", "")[:200]
    )


def _client_address(request) -> str:
    """The reader's address; behind the edge, the one the edge saw (X-Forwarded-For).

    Only a proxy in SINMUN_TRUSTED_PROXIES is believed, and only its own last entry: a
    reader can put anything in the header, but not in what the edge appends.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in settings.SINMUN_TRUSTED_PROXIES:
        return forwarded.rsplit(",", 1)[-1].strip()[:64]
    return remote
