import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from wagtail.models import Page

from sinmun.desk import reviews, services

security_log = logging.getLogger("sinmun.security")

EDIT_VIEW = "wagtailadmin_pages:edit"


class PageEditLockMiddleware:
    """Run each save of a page's edit form in one transaction that holds the page's row.

    The desk's concurrent-edit check (wagtail_hooks.keep_concurrent_edits) compares the
    version the editor loaded with the newest one, then Wagtail saves or publishes. With the
    row locked from before the check until the save commits, a second editor pressing
    publish at the same instant waits, then sees the first one's version and is held back,
    instead of both going through. (On SQLite, the IMMEDIATE transaction takes the
    database's write lock at BEGIN, which serialises the same way.)

    A reviewer's "승인" also marks the request as approving (desk.reviews), so a version
    the reviewer saves with it (a publishing time set while approving) is the one approved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = self._edited_page_id(request)
        if page_id is None:
            return self.get_response(request)
        if reviews.APPROVE_AND_SCHEDULE in request.POST:
            request.POST = reviews.as_approval(request.POST)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
            if (
                request.POST.get("action-workflow-action")
                and request.POST.get("workflow-action-name") == reviews.APPROVE
            ):
                with reviews.approving(request.user, page_id):
                    return self.get_response(request)
            return self.get_response(request)

    @staticmethod
    def _edited_page_id(request):
        if request.method != "POST":
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name != EDIT_VIEW:
            return None
        return match.kwargs.get("page_id")


# Reports that list every story's headline and state, drafts and embargoes included.
NEWSROOM_REPORTS = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:aging_pages",
}


def _group_names(user) -> frozenset[str]:
    """The account's group names, read once per request (the menu and the view both ask)."""
    names = getattr(user, "_sinmun_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._sinmun_group_names = names
    return names


def sees_newsroom_reports(user) -> bool:
    """Whether `user` may read the reports that show other reporters' unpublished stories.

    The desk and the editor-in-chief may (and superusers); a 기자 only where the paper
    says so (SINMUN_REPORTERS_SEE_NEWSROOM_REPORTS), and nobody else.
    """
    if user.is_superuser:
        return True
    groups = _group_names(user)
    if groups & {services.DESK, services.CHIEF}:
        return True
    return (
        settings.SINMUN_REPORTERS_SEE_NEWSROOM_REPORTS and services.REPORTER in groups
    )


class NewsroomReportsMiddleware:
    """Refuse the newsroom-wide reports (NEWSROOM_REPORTS) to those who may not read them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = reverse("wagtailadmin_reports:site_history").rsplit("/", 2)[0]

    def __call__(self, request):
        if request.path.startswith(self.prefix) and request.user.is_authenticated:
            try:
                view = resolve(request.path_info).view_name
            except Resolver404:
                view = ""
            if view in NEWSROOM_REPORTS and not sees_newsroom_reports(request.user):
                raise PermissionDenied  # logged by AdminRefusalLogMiddleware
        return self.get_response(request)


class AdminRefusalLogMiddleware:
    """Log each refusal in the admin with the account that was refused.

    Wagtail refuses in two ways: a 403, or (most of its own views, through
    `wagtail.admin.auth.permission_denied`) a redirect to the dashboard with an error
    message. Both are logged on the `sinmun.security` logger, whichever door was tried:
    a section move, a photo delete, the account admin, a report.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.home = reverse("wagtailadmin_home")

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(self.home)
            and request.user.is_authenticated
            and self._refused(request, response)
        ):
            security_log.warning(
                "%s %s refused to %s (%s)",
                request.method,
                request.path,
                request.user.get_username(),
                response.status_code,
            )
        return response

    def _refused(self, request, response) -> bool:
        if response.status_code == 403:
            return True
        if response.status_code != 302 or response.get("Location") != self.home:
            return False
        # The message queued for the dashboard; reading the queue does not consume it.
        queued = getattr(getattr(request, "_messages", None), "_queued_messages", ())
        return any(m.level == messages.ERROR for m in queued)
