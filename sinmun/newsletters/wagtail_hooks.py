"""뉴스레터 in the admin: subscribers, the editions sent, and a preview of today's letter.

Subscribers' addresses are personal data: only holders of `newsletters.view_subscriber`
(데스크, 편집국장) list them. Reporters hold no newsletter permission and see nothing.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from sinmun.core import cache
from sinmun.newsletters import selectors, services
from sinmun.newsletters.models import Edition, Subscriber

PREVIEW_PERMISSION = "newsletters.view_edition"


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "newsletter_subscribers"
    url_prefix = "newsletters/subscribers"
    icon = "user"
    menu_label = _("Subscribers")
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = [
        "email",
        "status",
        Column("consented_at", label=_("consent given"), accessor="consented_at"),
        Column("confirmed_at", label=_("address confirmed"), accessor="confirmed_at"),
    ]
    list_filter = ["status"]
    search_fields = ["email"]
    inspect_view_fields = [
        "email",
        "status",
        "consented_at",
        "confirmed_at",
        "left_at",
        "reason",
    ]
    panels = [
        FieldPanel("status"),
        FieldPanel("reason"),
        FieldPanel("email", read_only=True),
        FieldPanel("consented_at", read_only=True),
        FieldPanel("confirmed_at", read_only=True),
        FieldPanel("left_at", read_only=True),
    ]


class EditionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return selectors.editions_with_counts().order_by("-edition_on")


class EditionViewSet(ModelViewSet):
    model = Edition
    name = "newsletter_editions"
    url_prefix = "newsletters/editions"
    icon = "mail"
    menu_label = _("Editions sent")
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = EditionIndexView
    list_display = [
        "edition_on",
        "subject",
        "status",
        Column("sent_count", label=_("sent"), accessor="sent_count"),
        Column("failed_count", label=_("failed"), accessor="failed_count"),
        Column("waiting_count", label=_("waiting"), accessor="waiting_count"),
    ]
    list_filter = ["status"]
    inspect_view_fields = [
        "edition_on",
        "subject",
        "status",
        "created_at",
        "finished_at",
    ]
    panels = [FieldPanel("subject", read_only=True)]


class NewsletterGroup(ViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 260
    items = (SubscriberViewSet, EditionViewSet)


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterGroup()


@require_safe
def preview(request):
    """Today's morning edition as a subscriber would get it now (HTML, or ?format=text)."""
    if not request.user.has_perm(PREVIEW_PERMISSION):
        raise PermissionDenied
    letter = services.render_edition()
    if request.GET.get("format") == "text":
        body = letter["subject"] + "\n\n" + letter["text"]
        response = HttpResponse(
            body.replace(services.UNSUBSCRIBE_MARK, "#"),
            content_type="text/plain; charset=utf-8",
        )
    else:
        response = HttpResponse(letter["html"].replace(services.UNSUBSCRIBE_MARK, "#"))
    return cache.make_private(response)


class PreviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PREVIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_preview_url():
    return [path("newsletters/preview/", preview, name="newsletter_preview")]


@hooks.register("register_admin_menu_item")
def register_preview_menu_item():
    return PreviewMenuItem(
        _("Today's newsletter preview"),
        reverse("newsletter_preview"),
        icon_name="view",
        order=261,
    )
