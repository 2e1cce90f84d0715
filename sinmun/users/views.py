import base64
import logging

import segno
from django.conf import settings
from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token

from sinmun.core.addresses import client_address
from sinmun.users import forms, services

logger = logging.getLogger(__name__)


def lockout_message() -> str:
    minutes = settings.SINMUN_LOGIN_LOCKOUT_MINUTES
    return _(
        "Too many failed sign-ins. Sign-in is locked for %(minutes)d minutes; try again "
        "after that, or ask an administrator."
    ) % {"minutes": minutes}


def locked_out(request, original_response=None, credentials=None):
    """The Wagtail sign-in page with a lockout message, 429 (django-axes' lockout view)."""
    logger.warning(
        "Sign-in locked out: %r from %r",
        str((credentials or {}).get("username", ""))[:150],
        client_address(request),
    )
    context = getattr(original_response, "context_data", None)
    if isinstance(original_response, TemplateResponse) and context.get("form"):
        form = context["form"]
        form._errors = ErrorDict()
        form.add_error(None, lockout_message())
        response = TemplateResponse(
            request, original_response.template_name, context, status=429
        )
        return response.render()
    return HttpResponse(
        lockout_message(), status=429, content_type="text/plain; charset=utf-8"
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Ask a signed-in account for its code (authenticator or recovery code)."""
    user = request.user
    if not user.is_authenticated:
        return redirect(reverse("wagtailadmin_login"))
    if user.is_verified() or not services.has_two_factor(user):
        return redirect(_next_url(request))
    form = forms.CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code, which now no longer works. "
                        "%(count)d codes are left."
                    )
                    % {"count": services.remaining_recovery_codes(user)},
                )
            return redirect(_next_url(request))
        logger.warning(
            "Wrong two-factor code for %r from %r",
            user.get_username(),
            client_address(request),
        )
        form.add_error(
            "code",
            _("That code is not right, or it was already used. Try the newest one."),
        )
    return TemplateResponse(
        request,
        "users/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Enrol an authenticator app: a QR code, then one code from the app to confirm."""
    user = request.user
    device = services.pending_device(user)
    form = forms.EnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = services.confirm_enrolment(
            user=user, token=form.cleaned_data["code"]
        )
        if confirmed is not None:
            device, codes = confirmed
            otp_login(request, device)
            logger.info(
                "Two-factor authentication enrolled for %r", user.get_username()
            )
            return TemplateResponse(
                request,
                "users/two_factor_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error(
            "code",
            _(
                "That code does not match. Check the phone's clock and enter the newest code."
            ),
        )
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "users/two_factor_setup.html",
        {
            "form": form,
            "qr_uri": qr.png_data_uri(scale=5),
            "secret": _grouped_secret(device),
            "next": _next_url(request),
            "required": services.requires_two_factor(user),
        },
    )


def _grouped_secret(device) -> str:
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
def overview(request):
    """The account's two-factor state, and new recovery codes on request."""
    user = request.user
    if request.method == "POST" and services.has_two_factor(user):
        codes = services.new_recovery_codes(user=user)
        logger.info("New recovery codes for %r", user.get_username())
        return TemplateResponse(
            request,
            "users/two_factor_codes.html",
            {"codes": codes, "next": reverse("two_factor")},
        )
    return TemplateResponse(
        request,
        "users/two_factor.html",
        {
            "enrolled": services.has_two_factor(user),
            "required": services.requires_two_factor(user),
            "recovery_codes_left": services.remaining_recovery_codes(user),
        },
    )
