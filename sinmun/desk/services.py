"""The newsroom's roles (groups) and the desk-approval workflow, set up idempotently.

Roles are Wagtail groups with page permissions on the page tree, so Wagtail's own permission
checks, locking, revisions and workflows do the enforcing:

- 기자 (reporter): "add" on every top-level section: files stories and edits only their own
  drafts; cannot publish, so "publish" submits to the desk workflow instead.
- 데스크 (desk): add, edit, publish (now or scheduled), lock/unlock in the sections; reviews
  the "데스크 승인" workflow.
- 편집국장 (editor-in-chief): the same on the whole tree, front page included.
- 관리자 (administrator): user accounts below it (기자, 데스크; never a superuser, a
  편집국장 or another 관리자, see accounts.py) and site settings; no page rights.

News tips (기사 제보, sinmun.tips): 데스크 and 편집국장 see and handle every tip (편집국장 may
delete one), a 기자 only the tips assigned to them, 관리자 none. Newsletter subscribers
(sinmun.newsletters, personal data) and editions: 데스크 and 편집국장 see them (편집국장 may
change or delete a subscriber, on a reader's request), 기자 and 관리자 do not. Reader
comments (sinmun.comments): 데스크 reviews them, keeps the banned words and closes stories;
편집국장 also deletes comments and sets each section's review mode; 기자 and 관리자 none.

Groups that already exist are left as an administrator changed them; only missing groups,
grants on new sections and the workflow assignment are added.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REPORTER = "기자"
DESK = "데스크"
CHIEF = "편집국장"
ADMINISTRATOR = "관리자"
AD_DESK = "광고국"

WORKFLOW_NAME = "데스크 승인"
TASK_NAME = "데스크 검토"

TREE_ROOT_TITLE = "전체 사이트"

TOP_SECTION_DEPTH = 3  # root (1), then a site home page (2), then a section (3)


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple[str, ...] = ()
    section_page_permissions: tuple[str, ...] = ()
    site_page_permissions: tuple[str, ...] = ()
    # Wagtail checks image rights against wagtailimages.Image, whatever the image model.
    image_permissions: tuple[str, ...] = ()
    reviews: bool = False
    # The groups this role may put an account in, in the user admin (accounts.py).
    assigns: tuple[str, ...] = ()


NEWSROOM_VIEW = (
    "wagtailadmin.access_admin",
    "newsroom.view_reporter",
    "newsroom.view_columnist",
    "newsroom.view_columnseries",
)

COMMENTS_DESK = tuple(
    f"comments.{codename}"
    for codename in (
        "view_comment",
        "change_comment",
        "view_commentreport",
        "view_bannedword",
        "add_bannedword",
        "change_bannedword",
        "delete_bannedword",
        "view_closedstory",
        "add_closedstory",
        "change_closedstory",
        "delete_closedstory",
        "view_sectionmoderation",
    )
)
COMMENTS_CHIEF = (
    *COMMENTS_DESK,
    "comments.delete_comment",
    "comments.delete_commentreport",
    "comments.add_sectionmoderation",
    "comments.change_sectionmoderation",
    "comments.delete_sectionmoderation",
)
# Live updates (실시간) go out as soon as they are saved: a reporter on the scene posts
# theirs; the desk may also remove one. The story itself still goes through the desk.
LIVE_UPDATES_WRITE = (
    "articles.view_liveupdate",
    "articles.add_liveupdate",
    "articles.change_liveupdate",
)

ROLES = (
    Role(
        REPORTER,
        permissions=(*NEWSROOM_VIEW, "tips.handle_assigned_tip", *LIVE_UPDATES_WRITE),
        section_page_permissions=("add_page",),
        image_permissions=("add_image", "choose_image"),
    ),
    Role(
        DESK,
        permissions=(
            *NEWSROOM_VIEW,
            "tips.view_tip",
            "tips.change_tip",
            "core.change_breakingnewssettings",
            "newsletters.view_subscriber",
            "newsletters.view_edition",
            *COMMENTS_DESK,
            *LIVE_UPDATES_WRITE,
            "articles.delete_liveupdate",
        ),
        section_page_permissions=(
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ),
        image_permissions=("add_image", "change_image", "choose_image"),
        reviews=True,
    ),
    Role(
        CHIEF,
        permissions=(
            *NEWSROOM_VIEW,
            "core.change_breakingnewssettings",
            "newsroom.add_reporter",
            "newsroom.change_reporter",
            "newsroom.add_columnist",
            "newsroom.change_columnist",
            "newsroom.add_columnseries",
            "newsroom.change_columnseries",
            "sections.add_sectionpage",
            "articles.view_origin_report",
            "tips.view_tip",
            "tips.change_tip",
            "tips.delete_tip",
            "newsletters.view_subscriber",
            "newsletters.change_subscriber",
            "newsletters.delete_subscriber",
            "newsletters.view_edition",
            *COMMENTS_CHIEF,
            *LIVE_UPDATES_WRITE,
            "articles.delete_liveupdate",
        ),
        site_page_permissions=(
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ),
        image_permissions=("add_image", "change_image", "delete_image", "choose_image"),
        reviews=True,
    ),
    Role(
        ADMINISTRATOR,
        permissions=(
            "wagtailadmin.access_admin",
            "users.add_user",
            "users.change_user",
            "users.delete_user",
            "auth.view_group",
            "core.change_newspapersettings",
            "articles.view_origin_report",
            "weather.add_station",
            "weather.change_station",
            "weather.delete_station",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ),
        assigns=(REPORTER, DESK),
    ),
    Role(
        AD_DESK,
        permissions=(
            "wagtailadmin.access_admin",
            "ads.add_ad",
            "ads.change_ad",
            "ads.delete_ad",
            "ads.view_ad",
            "ads.change_adslot",
            "ads.view_adslot",
        ),
        image_permissions=("add_image", "choose_image"),
    ),
)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )


def is_top_section(page: Page) -> bool:
    return page.depth == TOP_SECTION_DEPTH


def _top_sections():
    from sinmun.sections.models import SectionPage

    return SectionPage.objects.filter(depth=TOP_SECTION_DEPTH)


@transaction.atomic
def ensure_roles() -> list[Group]:
    """Create missing role groups, the desk workflow, and grant them on existing sections.

    A new group gets its role's permissions. Collection and tree-root grants are added to a
    group that has none of that kind yet (also when the roots appear after the group, as in
    a flushed test database); a group an administrator has already shaped is left alone.
    """
    groups = []
    root_collection = Collection.get_first_root_node()
    root_page = Page.get_first_root_node()
    for role in ROLES:
        group, created = Group.objects.get_or_create(name=role.name)
        groups.append(group)
        if created:
            group.permissions.add(*(_permission(p) for p in role.permissions))
        if root_collection and not group.collection_permissions.exists():
            for codename in role.image_permissions:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(f"wagtailimages.{codename}"),
                )
        if root_page and not group.page_permissions.filter(page=root_page).exists():
            # On the tree's root, so it covers every site's front page and sections.
            _grant(group, root_page, role.site_page_permissions)
    workflow = ensure_workflow()
    _retire_wagtail_defaults()
    for section in _top_sections():
        grant_section(section, workflow=workflow)
    return groups


def _retire_wagtail_defaults() -> None:
    """Remove the English sample groups and workflow Wagtail's migrations create.

    "Moderators approval" sits on the tree's root and would hold the front page for a
    "Moderators" group nobody is in; the sample groups are only removed while empty.
    """
    WorkflowPage.objects.filter(
        page__depth=1, workflow__name="Moderators approval"
    ).delete()
    Workflow.objects.filter(
        name="Moderators approval", workflow_pages__isnull=True
    ).update(active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    # The tree's root shows by its title in choosers and breadcrumbs.
    Page.objects.filter(depth=1, title="Root").update(
        title=TREE_ROOT_TITLE, draft_title=TREE_ROOT_TITLE
    )


def ensure_workflow() -> Workflow:
    """The "데스크 승인" workflow: one group-approval task reviewed by 데스크 and 편집국장."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set(
            Group.objects.filter(name__in=[r.name for r in ROLES if r.reviews])
        )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    return workflow


def grant_section(section: Page, *, workflow: Workflow | None = None) -> None:
    """Give the section-level roles their rights on `section` and put it under the desk workflow."""
    for role in ROLES:
        if not role.section_page_permissions:
            continue
        group = Group.objects.filter(name=role.name).first()
        if group is not None:
            _grant(group, section, role.section_page_permissions)
    if not WorkflowPage.objects.filter(page=section).exists():
        WorkflowPage.objects.create(
            page=section, workflow=workflow or ensure_workflow()
        )


def _grant(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )
