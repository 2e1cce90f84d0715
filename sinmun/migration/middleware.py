"""Answer old query-string shortlinks on the front page (`/?p=123`) with a 301."""

from django.http import HttpResponsePermanentRedirect

from sinmun.migration.selectors import old_address_target

# WordPress's shortlinks: posts are /?p=ID, static pages /?page_id=ID.
SHORTLINK_PARAMETERS = ("p", "page_id")


class OldShortlinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Every other request pays one string comparison; only a front-page request
        # carrying ?p= costs one indexed lookup.
        if request.path == "/" and request.GET:
            for name in SHORTLINK_PARAMETERS:
                value = request.GET.get(name, "")
                if value.isascii() and value.isdigit():
                    target = old_address_target(f"wordpress:{name}={int(value)}")
                    if target:
                        return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
