"""기사 제보 in the admin: a listing of tips for the desk, with status, assignee and files."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from sinmun.tips import views
from sinmun.tips.models import Tip


class AttachmentsPanel(Panel):
    """The tip's files, each a link to the permission-checked download view."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "tips/admin/attachments_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["attachments"] = list(self.instance.attachments.all())
            return context


class TipAccessMixin:
    """Refuse a tip the user may not see, before the view loads it (a reporter's unassigned tips)."""

    instance_action = "view"

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            tip = get_object_or_404(Tip, pk=unquote(str(pk)))
            policy = policy_registry.get_by_type(Tip)
            if not policy.user_has_permission_for_instance(
                request.user, self.instance_action, tip
            ):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TipIndexView(generic.IndexView):
    def get_base_queryset(self):
        policy = policy_registry.get_by_type(Tip)
        return (
            policy.instances_user_has_permission_for(self.request.user, "view")
            .select_related("assignee")
            .order_by("-received_at")
        )


class TipEditView(TipAccessMixin, generic.EditView):
    instance_action = "change"


class TipInspectView(TipAccessMixin, generic.InspectView):
    pass


class TipDeleteView(TipAccessMixin, generic.DeleteView):
    instance_action = "delete"


class TipHistoryView(TipAccessMixin, history.HistoryView):
    instance_action = "change"


class TipUsageView(TipAccessMixin, usage.UsageView):
    instance_action = "change"


class TipViewSet(ModelViewSet):
    model = Tip
    name = "tips_admin"
    url_prefix = "tips"
    icon = "mail"
    menu_label = _("News tips")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = TipIndexView
    edit_view_class = TipEditView
    inspect_view_class = TipInspectView
    delete_view_class = TipDeleteView
    history_view_class = TipHistoryView
    usage_view_class = TipUsageView
    list_display = [
        "title",
        "status",
        "assignee",
        Column("received_at", label=_("received"), accessor="received_at"),
    ]
    list_filter = ["status", "assignee"]
    search_fields = ["title", "body"]
    inspect_view_fields = [
        "received_at",
        "title",
        "body",
        "article",
        "name",
        "phone",
        "email",
        "status",
        "assignee",
        "desk_note",
        "consented_at",
        "delete_after",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("assignee", permission="tips.change_tip"),
                FieldPanel("desk_note"),
            ],
            heading=_("Desk"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title", read_only=True),
                FieldPanel("body", read_only=True),
                FieldPanel("article", read_only=True),
                FieldPanel("received_at", read_only=True),
            ],
            heading=_("The tip"),
        ),
        AttachmentsPanel(heading=_("Attachments")),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("consented_at", read_only=True),
                FieldPanel("delete_after", read_only=True),
            ],
            heading=_("Tipster (personal information)"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_tip_viewset():
    return TipViewSet()


@hooks.register("register_admin_urls")
def register_attachment_url():
    return [
        path(
            "tips/attachments/<int:pk>/",
            views.attachment,
            name="tips_attachment",
        )
    ]
