from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from sinmun.ads import services
from sinmun.core import cache


@require_safe
def click(request, ad_id: int):
    """Count a click on an ad and send the reader on to the advertiser (302, never kept)."""
    try:
        link = services.count_click(ad_id=ad_id)
    except services.UnknownAd:
        raise Http404 from None
    return cache.make_private(redirect(link))


# Like the read counter: it changes nothing a session protects, and the pages that send it
# come from a shared cache without a CSRF cookie (reviewed allow-list).
@csrf_exempt
@require_POST
def views(request):
    """Count one impression of each ad a page showed: `ids=3,7` (navigator.sendBeacon)."""
    raw = request.POST.get("ids", "") or request.body.decode("ascii", "replace")
    raw = raw.removeprefix("ids=")
    try:
        ad_ids = [int(part) for part in raw.split(",") if part.strip()]
    except ValueError:
        return cache.make_private(
            HttpResponseBadRequest(_("Send ad numbers separated by commas."))
        )
    if not ad_ids or any(not 0 < pk < 1_000_000_000 for pk in ad_ids):
        return cache.make_private(
            HttpResponseBadRequest(_("Send ad numbers separated by commas."))
        )
    services.count_impressions(ad_ids=ad_ids)
    return cache.make_private(HttpResponse(status=204))
