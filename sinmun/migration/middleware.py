"""Answer old addresses that carry their id in the query string with a 301.

WordPress's shortlinks are the front page with `?p=123`; a legacy Korean news CMS addresses a
story as `/news/articleView.html?idxno=123` (and its print and AMP pages beside it) and a
section as `/news/articleList.html?sc_section_code=S1N3`. Wagtail's redirects match paths
only, and `/` never 404s, so these are looked up here, in `OldAddress`, by one indexed key.

A shortlink of a live story answers 301 to it; one of an old item that is not public (a
draft, private, scheduled or trashed post) answers 404, as on the old site, rather than
the front page; an unknown id falls through to the front page.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from sinmun.migration.selectors import old_address_target

# WordPress's shortlinks: posts are /?p=ID, static pages /?page_id=ID.
SHORTLINK_PARAMETERS = ("p", "page_id")
# The legacy CMS's story pages, under /news/ or any other prefix (/m/, /mobile/, ...).
LEGACY_ARTICLE_PAGES = {"articleView.html", "articlePrint.html", "articleViewAmp.html"}
LEGACY_SECTION_PAGE = "articleList.html"


def _number(value: str) -> int | None:
    return (
        int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None
    )


class OldShortlinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Every other request pays a string comparison or two; only an old address costs
        # one indexed lookup.
        path = request.path
        if path == "/" and request.GET:
            for name in SHORTLINK_PARAMETERS:
                number = _number(request.GET.get(name, ""))
                if number is not None:
                    target = old_address_target(f"wordpress:{name}={number}")
                    if target:
                        return HttpResponsePermanentRedirect(target)
                    if target == "":
                        raise Http404("not public")
        elif path.endswith(".html") and request.GET:
            key = self._legacy_key(path.rpartition("/")[2], request.GET)
            target = old_address_target(key) if key else None
            if target:
                return HttpResponsePermanentRedirect(target)
            if target == "":
                raise Http404("not public")
        return self.get_response(request)

    def _legacy_key(self, page: str, query) -> str:
        if page in LEGACY_ARTICLE_PAGES:
            number = _number(query.get("idxno", ""))
            return f"legacy:idxno={number}" if number is not None else ""
        if page == LEGACY_SECTION_PAGE:
            code = (
                query.get("sc_sub_section_code") or query.get("sc_section_code") or ""
            )
            if code.isascii() and code.isalnum() and len(code) <= 32:
                return f"legacy:section={code}"
        return ""
