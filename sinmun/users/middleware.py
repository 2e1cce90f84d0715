from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from sinmun.users import services

# Admin pages a signed-in user reaches before the second step: signing in and out, the
# admin's own scripts and icons, and the two-factor pages themselves.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}
ENROL_URL_NAMES = {"two_factor_setup"}


class TwoFactorMiddleware:
    """Keep the admin behind the second step (after django_otp's OTPMiddleware).

    An account with an authenticator needs its code in each session; an account that
    must have one (services.requires_two_factor) and has none is sent to enrol. Denied
    by default: every admin URL not listed above is behind the check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.second_step(request) or self.get_response(request)

    def second_step(self, request):
        user = request.user
        if not request.path_info.startswith("/admin/") or not user.is_authenticated:
            return None
        if user.is_verified():
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            name = None
        if name in OPEN_URL_NAMES:
            return None
        query = "?" + urlencode({"next": request.get_full_path()})
        if services.has_two_factor(user):
            return redirect(reverse("two_factor_verify") + query)
        if name in ENROL_URL_NAMES:
            return None
        if services.requires_two_factor(user):
            return redirect(reverse("two_factor_setup") + query)
        return None
