"""The desk's review step: an approval covers the reviewer's own edits, and says what it did.

With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT a story changed after review is reviewed
again. Wagtail applies that also to the reviewer's own change made with the approval (a
publishing time set while approving), so the desk had to approve twice. Here the version the
reviewer saves as part of "승인" is the one their approval is for: one step.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    get_default_page_content_type,
)

APPROVE = "approve"


@dataclass
class Approval:
    user_id: int
    page_id: int
    revision_id: int | None = None  # the version the reviewer saved with the approval


_approving: ContextVar[Approval | None] = ContextVar("sinmun_approving", default=None)


@contextmanager
def approving(user, page_id: int):
    """Within this block, `user` is approving page `page_id` (an edit form's "승인")."""
    token = _approving.set(Approval(user_id=user.pk, page_id=int(page_id)))
    try:
        yield
    finally:
        _approving.reset(token)


def note_reviewers_edit(revision: Revision) -> None:
    """Remember a version of the page being approved that the approving reviewer saved."""
    approval = _approving.get()
    if approval is None or revision.user_id != approval.user_id:
        return
    if str(revision.object_id) == str(approval.page_id) and (
        revision.base_content_type_id == get_default_page_content_type().pk
    ):
        approval.revision_id = revision.pk


def approve_reviewers_edit(task_state: TaskState) -> None:
    """An approval being recorded covers the version the reviewer saved with it.

    Wagtail approves the version the review started on, then (reapproval on edit) sees a
    newer version and starts the review again; pointing the approval at the reviewer's own
    version makes "승인" with a publishing time one step.
    """
    approval = _approving.get()
    if (
        approval is None
        or approval.revision_id is None
        or task_state.status != TaskState.STATUS_APPROVED
        or task_state.finished_by_id != approval.user_id
    ):
        return
    workflow_state = task_state.workflow_state
    if str(workflow_state.object_id) == str(approval.page_id):
        task_state.revision_id = approval.revision_id


def outcome_message(page, user, action: str) -> str | None:
    """What the reviewer's workflow action did, in its own words (보냄, 승인, 승인 및 예약)."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    task_state = (
        TaskState.objects.filter(
            workflow_state__object_id=str(page.pk), finished_by=user
        )
        .select_related("workflow_state")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if task_state is None:
        return None
    if task_state.status == TaskState.STATUS_REJECTED:
        requester = task_state.workflow_state.requested_by
        return _("Sent “%(title)s” back to %(user)s for changes.") % {
            "title": title,
            "user": requester.get_full_name() or requester.get_username()
            if requester
            else _("the reporter"),
        }
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    current = page.current_workflow_state
    if current is not None and current.current_task_state is not None:
        return _("Approved “%(title)s” and sent it on to %(task)s.") % {
            "title": title,
            "task": current.current_task_state.task.name,
        }
    scheduled = page.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at > timezone.now():
        return _("Approved “%(title)s”; it will be published at %(time)s (KST).") % {
            "title": title,
            "time": date_format(
                timezone.localtime(scheduled.approved_go_live_at), "Y-m-d H:i"
            ),
        }
    if page.live and not page.has_unpublished_changes:
        return _("Approved and published “%(title)s”.") % {"title": title}
    return _("Approved “%(title)s”.") % {"title": title}


# The schedule dialog's "승인 및 예약" button (templates/wagtailadmin/panels/publishing/
# schedule_publishing_panel.html): the form as "승인" sends it, with the time in it.
APPROVE_AND_SCHEDULE = "sinmun-approve-and-schedule"


def can_approve(page, user) -> bool:
    if page is None or not page.pk or user is None:
        return False
    task = page.current_workflow_task
    if task is None:
        return False
    return APPROVE in [name for name, *_ in task.get_actions(page, user)]


def as_approval(post):
    """The POST of "승인 및 예약" as Wagtail's workflow "승인" (with the schedule fields)."""
    data = post.copy()
    del data[APPROVE_AND_SCHEDULE]
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = APPROVE
    return data
