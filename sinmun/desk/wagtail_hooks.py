from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.utils import get_user_display_name

from sinmun.desk import accounts, choosers, reviews
from sinmun.desk.middleware import NEWSROOM_REPORTS, sees_newsroom_reports
from sinmun.sections.models import SectionPage

# Edit-form buttons that would publish or move the story on in the workflow.
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


@hooks.register("insert_editor_js")
def korean_friendly_tags():
    """Keep a Korean syllable being composed in the tag box from being split into tags."""
    return format_html('<script src="{}"></script>', static("desk/tags.js"))


@hooks.register("before_create_page")
def only_editors_create_sections(request, parent_page, page_class):
    """Reporters and the desk may add stories to a section, not new sections."""
    if issubclass(page_class, SectionPage) and not request.user.has_perm(
        "sections.add_sectionpage"
    ):
        raise PermissionDenied


@hooks.register("before_edit_page")
def keep_concurrent_edits(request, page):
    """Two editors saving the same story: keep both versions, never publish over unseen work.

    Wagtail refuses only autosaves made over a newer version. For a form submitted from a
    version that another person has since saved over, the save goes through as a new
    revision (the other editor's stays in the history), a publish or a workflow step is
    held back as a draft save, and the editor is told who saved in between and where to
    compare. Versions the editor saved themselves (the editor's autosave, which a normal
    submit does not report, or their other tab) are not a conflict.

    PageEditLockMiddleware holds the page's row from before this check until the save
    commits, so two publishes from the same version cannot both pass it.
    """
    if request.method != "POST" or request.POST.get("overwrite_revision_id"):
        return None
    newer = newer_revision_by_someone_else(request, page)
    if newer is None:
        return None
    held_back = [key for key in PUBLISHING_ACTIONS if key in request.POST]
    if held_back:
        data = request.POST.copy()
        for key in held_back:
            del data[key]
        request.POST = data
    request.sinmun_edit_conflict = {"newer": newer, "held_back": bool(held_back)}
    return None


def newer_revision_by_someone_else(request, page):
    """The newest version saved by another person since the editor loaded the form, if any.

    Also the loaded version itself, when another person's autosave has rewritten it in
    place since (its time no longer matches the one the form was loaded with).
    """
    loaded = request.POST.get("loaded_revision_id", "")
    if not loaded.isdigit():
        return None
    others = page.revisions.exclude(user=request.user).select_related("user")
    newer = others.filter(pk__gt=int(loaded)).order_by("-pk").first()
    if newer is not None:
        return newer
    rewritten = others.filter(pk=int(loaded)).first()
    loaded_at = request.POST.get("loaded_revision_created_at")
    if (
        rewritten is not None
        and loaded_at
        and rewritten.created_at.isoformat() != loaded_at
    ):
        return rewritten
    return None


@hooks.register("after_edit_page")
def warn_concurrent_edit(request, page):
    conflict = getattr(request, "sinmun_edit_conflict", None)
    if conflict is None:
        return None
    newer = conflict["newer"]
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(page.pk, newer.pk, page.latest_revision_id),
    )
    who = get_user_display_name(newer.user) if newer.user else _("someone")
    if conflict["held_back"]:
        text = _(
            "%(user)s saved this article at %(time)s while you were editing. Your version "
            "was saved as a draft and NOT published or sent on; both versions are kept."
        )
    else:
        text = _(
            "%(user)s saved this article at %(time)s while you were editing. Your version "
            "was saved on top of it; both versions are kept."
        )
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            text % {"user": who, "time": localtime(newer.created_at).strftime("%H:%M")},
            compare,
            _("Compare the versions"),
        ),
    )
    return None


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request, page):
    """Replace Wagtail's generic "페이지가 수정되었습니다" after a review action with its outcome."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    action = request.POST.get("workflow-action-name", "")
    text = reviews.outcome_message(page, request.user, action)
    if text is None:
        return None
    generic = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    queued = getattr(messages.get_messages(request), "_queued_messages", [])
    for message in queued:
        if str(message.message).strip() == generic:
            message.message = text
            return None
    messages.success(request, text)
    return None


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        "sinmun.account.groups",
        gettext_lazy("Change groups"),
        gettext_lazy("Groups changed"),
    )


@hooks.register("before_bulk_action")
def check_account_bulk_action(request, action_type, objects, action):
    return accounts.check_bulk_action(request, action_type, objects, action)


@hooks.register("after_bulk_action")
def log_account_bulk_action(request, action_type, objects, action):
    if action_type == "assign_role" and action.model is get_user_model():
        role = action.cleaned_form.cleaned_data.get("role")
        for account in objects:
            accounts.log_groups(account, request.user, added=[role.name], removed=[])


@hooks.register("construct_reports_menu")
def hide_newsroom_reports(request, menu_items):
    """Leave out the reports the account may not open (desk.middleware refuses them)."""
    if sees_newsroom_reports(request.user):
        return
    hidden = {reverse(name) for name in NEWSROOM_REPORTS}
    menu_items[:] = [item for item in menu_items if item.url not in hidden]


@hooks.register("register_admin_viewset")
def register_story_chooser():
    """Every chooser of a story (front-page pins, a tip's story) uses the desk's."""
    return choosers.story_chooser_viewset
