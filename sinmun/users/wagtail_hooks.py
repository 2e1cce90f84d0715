from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from sinmun.users import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/", views.overview, name="two_factor"),
        path("2fa/setup/", views.setup, name="two_factor_setup"),
        path("2fa/verify/", views.verify, name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Two-step verification"),
        "help_text": _(
            "Ask for a code from an authenticator app on your phone at every sign-in."
        ),
    }
