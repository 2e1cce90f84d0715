"""Reader comments in the admin (댓글): the review queue, reports, banned words, section
rules and closed stories, for the desk. Rights are model permissions (desk.services.ROLES)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sinmun.comments import services
from sinmun.comments.models import (
    BannedWord,
    ClosedStory,
    Comment,
    CommentReport,
    CommentStatus,
    SectionModeration,
)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Review queue")
    url_prefix = "comments/queue"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "text",
        "author_name",
        Column("article", label=_("story"), accessor="article"),
        "status",
        "report_count",
        Column("created_at", label=_("posted at"), accessor="created_at"),
    ]
    list_filter = ["status"]
    search_fields = ["text", "author_name"]
    search_backend_name = None
    ordering = ["-report_count", "-created_at"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("text", read_only=True),
                FieldPanel("author_name", read_only=True),
                FieldPanel("article", read_only=True),
                FieldPanel("parent", read_only=True),
                FieldPanel("created_at", read_only=True),
                FieldPanel("report_count", read_only=True),
            ],
            heading=_("The comment"),
        ),
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("article")


class CommentReportViewSet(SnippetViewSet):
    model = CommentReport
    icon = "warning"
    menu_label = _("Reports")
    url_prefix = "comments/reports"
    copy_view_enabled = False
    list_display = [
        "comment",
        Column("created_at", label=_("reported at"), accessor="created_at"),
    ]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("comment", read_only=True),
        FieldPanel("created_at", read_only=True),
    ]

    def get_queryset(self, request):
        return CommentReport.objects.select_related("comment")


class BannedWordViewSet(SnippetViewSet):
    model = BannedWord
    icon = "cross"
    menu_label = _("Banned words")
    url_prefix = "comments/banned-words"
    list_display = ["word", "added_at"]
    search_fields = ["word"]
    search_backend_name = None
    panels = [FieldPanel("word")]


class SectionModerationViewSet(SnippetViewSet):
    model = SectionModeration
    icon = "folder-open-inverse"
    menu_label = _("Section rules")
    url_prefix = "comments/sections"
    list_display = ["section", "mode"]
    panels = [FieldPanel("section"), FieldPanel("mode")]


class ClosedStoryViewSet(SnippetViewSet):
    model = ClosedStory
    icon = "lock"
    menu_label = _("Closed stories")
    url_prefix = "comments/closed"
    list_display = ["article", "closed_at", "note"]
    panels = [FieldPanel("article"), FieldPanel("note")]


class CommentsGroup(SnippetViewSetGroup):
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 260
    items = (
        CommentViewSet,
        CommentReportViewSet,
        BannedWordViewSet,
        SectionModerationViewSet,
        ClosedStoryViewSet,
    )


register_snippet(CommentsGroup)


class ModerateBulkAction(SnippetBulkAction):
    """Approve, hide or remove the chosen comments at once (the desk's queue)."""

    template_name = "comments/admin/confirm_bulk_moderate.html"
    models = [Comment]
    status = ""

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", snippet
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_name": self.display_name}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = services.moderate(
            comments=objects, status=cls.status, by=kwargs["self"].request.user
        )
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment changed.",
            "%(count)d comments changed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve_comments"
    aria_label = _("Show the selected comments")
    status = CommentStatus.APPROVED
    action_priority = 10


@hooks.register("register_bulk_action")
class HideBulkAction(ModerateBulkAction):
    display_name = _("Hide")
    action_type = "hide_comments"
    aria_label = _("Hide the selected comments")
    status = CommentStatus.HIDDEN
    action_priority = 20


@hooks.register("register_bulk_action")
class RemoveBulkAction(ModerateBulkAction):
    display_name = _("Remove")
    action_type = "remove_comments"
    aria_label = _("Remove the selected comments")
    status = CommentStatus.REMOVED
    action_priority = 25
    classes = {"serious"}


def _may_close(user) -> bool:
    return policy_registry.get_by_type(ClosedStory).user_has_permission(user, "add")


@require_http_methods(["GET", "POST"])
def toggle_comments(request, page_id: int):
    """The desk's action on a story: close it to new comments, or open it again."""
    from sinmun.articles.models import ArticlePage

    if not _may_close(request.user):
        raise PermissionDenied
    article = get_object_or_404(ArticlePage, pk=page_id)
    is_closed = ClosedStory.objects.filter(article=article).exists()
    if request.method != "POST":
        return render(
            request,
            "comments/admin/toggle.html",
            {"article": article, "is_closed": is_closed},
        )
    if is_closed:
        services.reopen_comments(article=article)
        messages.success(request, _("Comments are open again on “%s”.") % article.title)
    else:
        services.close_comments(article=article, by=request.user)
        messages.success(request, _("Comments are closed on “%s”.") % article.title)
    return redirect("wagtailadmin_explore", article.get_parent().pk)


@hooks.register("register_admin_urls")
def register_toggle_url():
    return [
        path(
            "comments/toggle/<int:page_id>/",
            toggle_comments,
            name="comments_toggle",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def close_comments_button(page, user, next_url=None, **kwargs):
    if page.specific_class.__name__ != "ArticlePage" or not _may_close(user):
        return
    yield ListingButton(
        _("Close or reopen comments"),
        reverse("comments_toggle", args=[page.pk]),
        priority=90,
    )
