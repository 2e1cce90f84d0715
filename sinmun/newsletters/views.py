"""The reader's side of the newsletter: sign up, confirm, leave. All private, none cached.

The sign-up form carries a CSRF token and its cookie, like the tip form, so its pages are
`private, no-store` and the edge never keeps them; cached pages only link to it. The
confirm and unsubscribe buttons post without a CSRF token (the signed token in the address
is the proof), so those pages set no cookie either.
"""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from sinmun.articles.views import _client_address as client_address
from sinmun.core import cache, ratelimit
from sinmun.newsletters import forms, services, tokens

logger = logging.getLogger("sinmun.newsletters")


def _private(request, template, context=None, *, status=200):
    return cache.make_private(render(request, template, context or {}, status=status))


def _bad_link(request, *, expired=False):
    return _private(
        request,
        "newsletters/bad_link.html",
        {"expired": expired},
        status=400 if expired else 404,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    """The newsletter sign-up form: an e-mail address and consent."""
    if request.method != "POST":
        return _private(
            request, "newsletters/signup.html", {"form": forms.SignupForm()}
        )
    form = forms.SignupForm(request.POST)
    if form.is_robot:
        logger.info("newsletter form: honeypot filled, dropped")
        return redirect("newsletters:check-inbox")
    if ratelimit.over_hourly_limit(
        client_address(request),
        scope="newsletters",
        limit=settings.SINMUN_NEWSLETTER_POSTS_PER_HOUR,
    ):
        form.is_valid()
        return _private(
            request,
            "newsletters/signup.html",
            {
                "form": form,
                "problem": _(
                    "Many sign-ups came from your connection in a short time. "
                    "Please try again in an hour."
                ),
            },
            status=429,
        )
    if not form.is_valid():
        return _private(request, "newsletters/signup.html", {"form": form}, status=400)
    services.subscribe(email=form.cleaned_data["email"])
    return redirect("newsletters:check-inbox")


@require_safe
def check_inbox(request):
    return _private(
        request,
        "newsletters/check_inbox.html",
        {"max_age_days": settings.SINMUN_NEWSLETTER_CONFIRM_MAX_AGE_SECONDS // 86_400},
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """Confirm an address. GET shows a button; only its POST confirms.

    Mail scanners open every link in a message, so a GET that confirmed would confirm
    addresses nobody asked for.
    """
    try:
        subscriber_id, email = tokens.read_confirm_token(token)
    except tokens.Expired:
        return _bad_link(request, expired=True)
    except tokens.Invalid:
        return _bad_link(request)
    if request.method != "POST":
        return _private(request, "newsletters/confirm.html", {"token": token})
    if not services.confirm(subscriber_id=subscriber_id, email=email):
        return _bad_link(request)
    return _private(request, "newsletters/confirmed.html")


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """Leave the newsletter: one click from the mail program (RFC 8058), or the page's button.

    GET only shows the button, for the same reason as `confirm`.
    """
    try:
        subscriber_id = tokens.read_unsubscribe_token(token)
    except tokens.Invalid:
        return _bad_link(request)
    if request.method != "POST":
        return _private(request, "newsletters/unsubscribe.html", {"token": token})
    services.unsubscribe(subscriber_id=subscriber_id)
    return _private(request, "newsletters/unsubscribed.html")
