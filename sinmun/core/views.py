from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static as static_url
from django.utils.cache import patch_cache_control
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from django.views.decorators.http import require_POST

from sinmun.core import cache as cache_policy
from sinmun.core import csp_reports, health
from sinmun.core.addresses import client_address

MAX_CSP_REPORT_BYTES = 16 * 1024


def page_not_found(request, exception=None):
    """Render the 404 page with the masthead and footer, so a lost reader can go on reading."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """Render a self-contained 500 page: no database, no context processors, no traceback."""
    return HttpResponseServerError(loader.get_template("500.html").render())


def favicon(request):
    """Send /favicon.ico, which browsers and feed readers ask for unprompted, to the static icon."""
    response = HttpResponsePermanentRedirect(static_url("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=86_400)
    return response


@never_cache
def healthz(request):
    """Answer a load balancer: 200 while pages can be served, 503 without a database."""
    body = health.report()
    status = 503 if body["status"] == "down" else 200
    return JsonResponse(body, status=status)


# Wagtail serves documents through its own view, which checks collection privacy; their
# files are never served directly.
PRIVATE_MEDIA_PREFIXES = ("documents/",)


def serve_media(request, path: str):
    """Serve an uploaded file (photos and their renditions) from MEDIA_ROOT.

    For a one-server deployment (SINMUN_SERVE_MEDIA); larger ones serve media from object
    storage or nginx. Django's static.serve gives content types, Last-Modified and 304s
    and lists no directories; anything that could step outside MEDIA_ROOT is a 404.
    """
    segments = path.split("/")
    if (
        not path
        or path.startswith(PRIVATE_MEDIA_PREFIXES)
        or "\\" in path
        or "\x00" in path
        or any(not segment or segment.startswith(".") for segment in segments)
    ):
        raise Http404(path)
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(
        response, public=True, max_age=settings.SINMUN_MEDIA_CACHE_SECONDS
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Browsers send violation reports without a CSRF token, from cached pages.
@csrf_exempt
@require_POST
def csp_report(request):
    """Log a Content-Security-Policy violation report; never an error a browser retries on.

    Each address may send SINMUN_CSP_REPORTS_PER_MINUTE reports a minute; past that, and
    for bodies that are not a report, the answer is still 204 or a 400, and nothing is
    logged, so a flood cannot fill the log.
    """
    if len(request.body) > MAX_CSP_REPORT_BYTES:
        return cache_policy.make_private(HttpResponseBadRequest())
    reports = csp_reports.parse(request.body)
    if reports is None:
        return cache_policy.make_private(HttpResponseBadRequest())
    if csp_reports.allowed(client_address(request)):
        for report in reports:
            csp_reports.log(report)
    return cache_policy.make_private(HttpResponse(status=204))
