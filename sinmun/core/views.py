from django.http import HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from sinmun.core import health


def page_not_found(request, exception=None):
    """Render the 404 page with the masthead and footer, so a lost reader can go on reading."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


@requires_csrf_token
def server_error(request):
    """Render a self-contained 500 page: no database, no context processors, no traceback."""
    return HttpResponseServerError(loader.get_template("500.html").render())


@never_cache
def healthz(request):
    """Answer a load balancer: 200 while pages can be served, 503 without a database."""
    body = health.report()
    status = 503 if body["status"] == "down" else 200
    return JsonResponse(body, status=status)
