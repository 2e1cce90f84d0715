"""The desk dashboard on the admin home: waiting for approval, scheduled, just published."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from sinmun.articles import selectors
from sinmun.articles.selectors import KST
from sinmun.articles.tests.factories import make_article
from sinmun.users.models import User

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")
# The whole admin home, Wagtail's own panels included, for a non-superuser; 2 of them ask
# whether the account has a two-factor device (users.middleware, one per django-otp kind),
# 1 reads the account's roles for the reports menu (desk.middleware.sees_newsroom_reports).
DASHBOARD_BUDGET = 35


def group_with_page_rights(name, page, *codenames):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


def user_in(group, username, **fields):
    user = User.objects.create_user(username, password="x", **fields)
    user.groups.add(group)
    return user


@pytest.fixture
def newsroom(paper):
    """A desk-review workflow on 사회 whose task 사회부 데스크 approves; a reporter; a chief."""
    society = paper.sections["society"]
    desk = group_with_page_rights(
        "사회부 데스크", society, "change_page", "publish_page"
    )
    task = GroupApprovalTask.objects.create(name="데스크 승인")
    task.groups.add(desk)
    workflow = Workflow.objects.create(name="데스크 검토")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # The section already has the newsroom's own workflow (sinmun.desk); this test's wins.
    WorkflowPage.objects.update_or_create(page=society, defaults={"workflow": workflow})
    reporters = group_with_page_rights("사회부 기자", society, "add_page")
    chief = group_with_page_rights(
        "편집국장단", paper.home, "change_page", "publish_page"
    )
    return {
        "workflow": workflow,
        "desk_editor": user_in(desk, "desk"),
        "reporter": user_in(reporters, "reporter", first_name="지훈", last_name="박"),
        "chief": user_in(chief, "chief"),
        "section": society,
    }


def submitted_story(newsroom, title="송고 기사 표식"):
    article = make_article(newsroom["section"], title=title, publish=False)
    article.owner = newsroom["reporter"]
    article.save()
    newsroom["workflow"].start(article, newsroom["reporter"])
    return article


def test_waiting_for_approval_lists_the_story_task_filer_and_edit_link(
    client, newsroom
):
    article = submitted_story(newsroom)
    client.force_login(newsroom["chief"])
    html = client.get(HOME).text
    panel = html[html.index('id="desk-awaiting-approval') :]
    panel = panel[: panel.index("</section>")]
    assert "송고 기사 표식" in panel
    assert "데스크 승인" in panel
    assert newsroom["reporter"].get_full_name() in panel
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in panel


def test_stories_the_user_can_approve_are_only_in_awaiting_your_review(
    client, newsroom
):
    submitted_story(newsroom)
    assert not selectors.articles_awaiting_approval(user=newsroom["desk_editor"])
    client.force_login(newsroom["desk_editor"])
    html = client.get(HOME).text
    assert html.count("송고 기사 표식") == 1  # in Wagtail's "Awaiting your review"
    assert 'id="desk-awaiting-approval' in html


def test_the_queue_only_shows_stories_the_user_may_edit(paper, newsroom):
    submitted_story(newsroom)
    politics = group_with_page_rights(
        "정치부 데스크", paper.sections["politics"], "change_page", "publish_page"
    )
    outsider = user_in(politics, "politics-desk")
    assert not selectors.articles_awaiting_approval(user=outsider)
    assert selectors.articles_awaiting_approval(user=newsroom["chief"])


def test_scheduled_story_shows_its_time_in_kst(client, admin_user, paper):
    go_live_at = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    article = make_article(
        paper.sections["society"], title="엠바고 기사 표식", go_live_at=go_live_at
    )
    assert not article.live
    client.force_login(admin_user)
    html = client.get(HOME).text
    panel = html[html.index('id="desk-scheduled') :]
    panel = panel[: panel.index("</section>")]
    assert "엠바고 기사 표식" in panel
    assert f"{go_live_at.astimezone(KST):%Y.%m.%d %H:%M}" in panel
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in panel


def test_a_scheduled_time_in_the_past_is_overdue(admin_user, paper):
    article = make_article(
        paper.sections["society"],
        title="지난 예약",
        go_live_at=timezone.now() + timedelta(hours=1),
    )
    later = timezone.now() + timedelta(hours=2)
    (row,) = selectors.scheduled_articles(user=admin_user, now=later)
    assert row.article == article
    assert row.is_overdue


def test_recently_published_lists_the_last_24_hours(client, admin_user, paper):
    society = paper.sections["society"]
    fresh = make_article(society, title="방금 출고 표식")
    make_article(
        society,
        title="이틀 전 기사 표식",
        published_at=timezone.now() - timedelta(days=2),
    )
    client.force_login(admin_user)
    html = client.get(HOME).text
    panel = html[html.index('id="desk-recently-published') :]
    panel = panel[: panel.index("</section>")]
    assert "방금 출고 표식" in panel
    assert "이틀 전 기사 표식" not in panel
    assert reverse("wagtailadmin_pages:edit", args=[fresh.pk]) in panel


def test_dashboard_query_count_does_not_grow_with_its_rows(
    client, admin_user, newsroom, django_assert_max_num_queries
):
    def fill(n):
        for i in range(n):
            submitted_story(newsroom, title=f"송고 {i}")
            make_article(
                newsroom["section"],
                title=f"예약 {i}",
                go_live_at=timezone.now() + timedelta(hours=i + 1),
            )
            make_article(newsroom["section"], title=f"출고 {i}")

    client.force_login(newsroom["chief"])
    fill(2)
    client.get(HOME)
    with django_assert_max_num_queries(DASHBOARD_BUDGET) as few:
        assert client.get(HOME).status_code == 200
    fill(8)
    with django_assert_max_num_queries(DASHBOARD_BUDGET) as many:
        html = client.get(HOME).text
    assert html.count("송고 ") >= 10
    assert len(many.captured_queries) == len(few.captured_queries)


def test_week_starts_on_monday_in_korea():
    sunday_night = datetime(2026, 11, 22, 23, 30, tzinfo=KST)
    assert selectors.week_start(sunday_night).isoformat() == "2026-11-16"
    monday = datetime(2026, 11, 23, 0, 0, tzinfo=KST)
    assert selectors.week_start(monday).isoformat() == "2026-11-23"
