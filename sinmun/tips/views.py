import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.permissions import policy_registry

from sinmun.articles import selectors as article_selectors
from sinmun.articles.views import _client_address as client_address
from sinmun.core import cache
from sinmun.tips import forms, services, spam
from sinmun.tips.models import Tip, TipAttachment

logger = logging.getLogger("sinmun.tips")

TOKEN_MESSAGES = {
    spam.TokenProblem.MISSING: _(
        "The form could not be checked. Look over what you wrote and send it again."
    ),
    spam.TokenProblem.TOO_FAST: _(
        "That was sent very quickly. Look over what you wrote and send it again."
    ),
    spam.TokenProblem.EXPIRED: _(
        "The form was open for a long time. Look over what you wrote and send it again."
    ),
}


def _retention_days() -> int:
    return settings.SINMUN_TIP_RETENTION_DAYS


def _render(request, form, *, status=200, problem=""):
    article = None
    article_id = form["article"].value()
    if article_id and str(article_id).isdigit():
        article = article_selectors.published().filter(pk=article_id).first()
    # A fresh token each time the form is shown: a resend after an error is timed anew.
    data = form.data.copy() if form.is_bound else None
    if data is not None:
        data["started"] = spam.make_token()
        form.data = data
    else:
        form.initial["started"] = spam.make_token()
    response = render(
        request,
        "tips/tip_form.html",
        {
            "form": form,
            "article": article,
            "problem": problem,
            "retention_days": _retention_days(),
            "max_file_bytes": settings.SINMUN_TIP_MAX_FILE_BYTES,
            "max_files": settings.SINMUN_TIP_MAX_FILES,
        },
        status=status,
    )
    # Personal data and a CSRF cookie: never stored by the edge or a browser's cache.
    return cache.make_private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def tip_form(request):
    """The 기사 제보 form: text, contact details, photos or PDFs, and consent."""
    if request.method != "POST":
        initial = {}
        if request.GET.get("article", "").isdigit():
            initial["article"] = int(request.GET["article"])
        return _render(request, forms.TipForm(initial=initial))

    form = forms.TipForm(request.POST, request.FILES)
    if form.is_robot:
        logger.info("tip form: honeypot filled, dropped")
        return redirect("tips:thanks")
    if spam.over_limit(client_address(request)):
        form.is_valid()
        return _render(
            request,
            form,
            status=429,
            problem=_(
                "Many tips came from your connection in a short time. Please send it again "
                "in an hour, or call the newsroom."
            ),
        )
    token_problem = spam.check_token(request.POST.get("started", ""))
    if not form.is_valid() or token_problem:
        problem = TOKEN_MESSAGES.get(token_problem, "") if form.is_valid() else ""
        return _render(request, form, status=400, problem=problem)
    services.receive_tip(cleaned=form.cleaned_data)
    return redirect("tips:thanks")


@require_safe
def tip_thanks(request):
    return cache.make_private(
        render(request, "tips/thanks.html", {"retention_days": _retention_days()})
    )


@require_safe
def attachment(request, pk: int):
    """Send a tip's attachment to someone allowed to see the tip (admin only)."""
    item = get_object_or_404(TipAttachment.objects.select_related("tip"), pk=pk)
    policy = policy_registry.get_by_type(Tip)
    if not policy.user_has_permission_for_instance(request.user, "view", item.tip):
        raise PermissionDenied
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=request.GET.get("inline") != "1"
        or not item.content_type.startswith("image/"),
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'"
    return cache.make_private(response)
