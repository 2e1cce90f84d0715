"""The desk dashboard (admin home) and the weekly origin report (보고서)."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from sinmun.articles import editor, selectors
from sinmun.articles.models import ArticleOrigin, LiveUpdate

ORIGIN_REPORT_PERMISSION = "articles.view_origin_report"


class DeskPanel(Component):
    """A dashboard panel listing stories; each row links to the story's edit view."""

    template_name = "articles/admin/desk_panel.html"
    heading = ""
    empty = ""
    note = ""

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {
            "panel": self,
            "rows": self.rows,
            "panel_id": self.name,
        }


# Wagtail's own panel heading, translated here because its Korean catalogue reads
# "당신의 후기를 기다리는 중" ("waiting for your after-thoughts"); the project's catalogue wins.
WAGTAIL_REVIEW_PANEL = _("Awaiting your review")


class AwaitingApprovalPanel(DeskPanel):
    name = "desk-awaiting-approval"
    order = 230  # after Wagtail's "Awaiting your review" (220)
    heading = _("Waiting for approval")
    empty = _("No other story is waiting for approval.")
    note = _(
        "Stories you can approve yourself are listed under “Awaiting your review”."
    )


class ScheduledPanel(DeskPanel):
    name = "desk-scheduled"
    order = 240
    heading = _("Scheduled")
    empty = _("No story is scheduled.")


class RecentlyPublishedPanel(DeskPanel):
    name = "desk-recently-published"
    order = 245
    heading = _("Published in the last 24 hours")
    empty = _("No story was published in the last 24 hours.")


class OwnShareThisWeekPanel(Component):
    name = "desk-own-share"
    order = 100
    template_name = "articles/admin/own_share_panel.html"

    def __init__(self, week):
        self.week = week

    def get_context_data(self, parent_context=None):
        return {
            "week": self.week,
            "minimum": selectors.OWN_SHARE_MINIMUM_PERCENT,
            "report_url": reverse("origin_report"),
        }


@hooks.register("construct_homepage_panels")
def add_desk_panels(request, panels):
    user = request.user
    panels += [
        AwaitingApprovalPanel(selectors.articles_awaiting_approval(user=user)),
        ScheduledPanel(selectors.scheduled_articles(user=user)),
        RecentlyPublishedPanel(selectors.recently_published()),
    ]
    if user.has_perm(ORIGIN_REPORT_PERMISSION):
        panels.append(OwnShareThisWeekPanel(selectors.origin_weeks(weeks=1)[0]))


class OriginReportView(ReportView):
    """Per ISO week (KST): articles by origin and the share of the paper's own reporting."""

    page_title = _("Own reporting share")
    header_icon = "doc-full"
    results_template_name = "articles/admin/origin_report_results.html"
    index_url_name = "origin_report"
    index_results_url_name = "origin_report_results"
    paginate_by = None
    list_export = ["starts_on", "ends_on", "total", "own", "own_share"]
    export_headings = {
        "starts_on": _("Week from"),
        "ends_on": _("Week to"),
        "total": _("Articles"),
        "own": _("Own reporting"),
        "own_share": _("Own reporting share (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ORIGIN_REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.origin_weeks()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["minimum"] = selectors.OWN_SHARE_MINIMUM_PERCENT
        context["origin_labels"] = [label for _value, label in ArticleOrigin.choices]
        return context


@hooks.register("register_admin_urls")
def register_origin_report_urls():
    return [
        path("reports/origin/", OriginReportView.as_view(), name="origin_report"),
        path(
            "reports/origin/results/",
            OriginReportView.as_view(results_only=True),
            name="origin_report_results",
        ),
    ]


class OriginReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ORIGIN_REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_origin_report_menu_item():
    return OriginReportMenuItem(
        _("Own reporting share"),
        reverse("origin_report"),
        icon_name="doc-full",
        order=50,
    )


@hooks.register("register_permissions")
def register_origin_report_permission():
    return Permission.objects.filter(
        content_type__app_label="articles", codename="view_origin_report"
    )


@hooks.register("register_rich_text_features", order=100)
def safe_page_links(features):
    """After Wagtail's own: page links with a bad id render as links to nowhere."""
    from wagtail.admin.rich_text.converters.contentstate import link_entity
    from wagtail.admin.rich_text.converters.html_to_contentstate import (
        ExternalLinkElementHandler,
    )

    features.register_link_type(editor.SafePageLinkHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': editor.SafePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )


class LiveUpdateViewSet(ModelViewSet):
    """Live updates (실시간): each reporter adds theirs here, without opening the story."""

    model = LiveUpdate
    name = "live_updates"
    url_prefix = "live-updates"
    icon = "time"
    menu_label = _("Live updates")
    menu_order = 205
    add_to_admin_menu = True
    copy_view_enabled = False
    search_backend_name = None
    list_display = ["published_at", "article", "reporter", "text"]
    list_filter = ["article", "reporter"]
    search_fields = ["text"]
    ordering = ["-published_at"]


@hooks.register("register_admin_viewset")
def register_live_update_viewset():
    return LiveUpdateViewSet()
