"""Readers' accounts (django-allauth): e-mail code or Kakao/Naver, never the newsroom's.

A reader account has no password, no group and no staff flag, so Wagtail's admin (which asks
for `wagtailadmin.access_admin`) never lets it in. The other way round, a newsroom account
never signs in here: its login stays the admin's, behind django-axes and two-step
verification, and an e-mail code or a social login must not become a way around them.
"""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from sinmun.core.models import NewspaperSettings


def is_newsroom(user) -> bool:
    """Whether `user` is a newsroom account (staff, superuser, any group or admin access)."""
    return bool(
        user.is_staff
        or user.is_superuser
        or (user.pk and user.groups.exists())
        or (user.pk and user.has_perm("wagtailadmin.access_admin"))
    )


@dataclass(frozen=True)
class PaperSite:
    """What allauth's e-mails call the site: the paper's name, not the host name."""

    name: str
    domain: str


class ReaderAccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = context.get("request") or allauth_context.request
        if request is not None and "current_site" not in context:
            paper = NewspaperSettings.for_request(request)
            context = {
                **context,
                "current_site": PaperSite(
                    name=paper.name or request.get_host(), domain=request.get_host()
                ),
            }
        return super().send_mail(template_prefix, email, context)

    def pre_login(self, request, user, **kwargs):
        if is_newsroom(user):
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            messages.error(
                request,
                _(
                    "Newsroom accounts sign in at the admin, not here. Use a reader "
                    "account to comment."
                ),
            )
            return redirect("account_login")
        return super().pre_login(request, user, **kwargs)

    def save_user(self, request, user, form, commit=True):
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit=commit)


class ReaderSocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(self, request, sociallogin, form=None):
        sociallogin.user.is_staff = False
        sociallogin.user.is_superuser = False
        return super().save_user(request, sociallogin, form=form)
