from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail import hooks

from sinmun.sections.models import SectionPage

# Edit-form buttons that would publish or move the story on in the workflow.
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


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
    version that is no longer the latest, the save goes through as a new revision (the
    other editor's stays in the history), a publish or a workflow step is held back as a
    draft save, and the editor is told who saved in between and where to compare.
    """
    if request.method != "POST" or request.POST.get("overwrite_revision_id"):
        return None
    loaded = request.POST.get("loaded_revision_id")
    newer = page.latest_revision
    if not loaded or newer is None or str(newer.pk) == loaded:
        return None
    held_back = [key for key in PUBLISHING_ACTIONS if key in request.POST]
    if held_back:
        data = request.POST.copy()
        for key in held_back:
            del data[key]
        request.POST = data
    request.sinmun_edit_conflict = {
        "loaded": loaded,
        "newer": newer,
        "held_back": bool(held_back),
    }
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
    who = newer.user.get_full_name() or newer.user.get_username() if newer.user else "?"
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
