"""The desk's workflow buttons act on a story as a browser submits it."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article
from sinmun.desk.services import DESK, REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.forms import article_edit_data

pytestmark = pytest.mark.django_db


def test_the_desk_approves_a_story_with_a_two_line_subheadline(client, paper):
    """Browsers send a textarea's lines joined by CRLF; the story is stored with LF.

    The subheadline used to count as changed on every submit, so with
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT the desk's "승인" restarted the review
    (a new revision, the story still waiting) instead of approving and publishing it.
    """
    writer = make_user("jihoon", REPORTER)
    desk = make_user("desk", DESK)
    story = make_article(
        paper.sections["society"],
        title="가람시 시내버스 노선 개편",
        subtitle="배차 간격 평균 4분 줄어\n심야 노선 2개 새로 생겨",
        body=[],  # the test helper's rich-text round trip would count as a change
        publish=False,
    )
    ArticlePage.objects.filter(pk=story.pk).update(owner=writer)
    story.refresh_from_db()
    story.save_revision(user=writer)
    workflow_state = story.get_workflow().start(story, writer)
    revisions = story.revisions.count()

    client.force_login(desk)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = article_edit_data(client.get(url).content.decode(), story)
    # As a browser sends it (which also drops the newline that follows <textarea>).
    data["subtitle"] = data["subtitle"].lstrip("\n").replace("\n", "\r\n")
    assert data["subtitle"] == "배차 간격 평균 4분 줄어\r\n심야 노선 2개 새로 생겨"
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    client.post(url, data)

    story.refresh_from_db()
    workflow_state.refresh_from_db()
    assert story.live
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert TaskState.objects.get(workflow_state=workflow_state).status == (
        TaskState.STATUS_APPROVED
    )
    assert story.revisions.count() == revisions  # nothing changed, nothing re-saved


def filed_story(paper):
    writer = make_user("jihoon", REPORTER, first_name="지훈", last_name="박")
    story = make_article(
        paper.sections["society"],
        title="가람시 빛축제 다음 달 개막",
        body=[],
        publish=False,
    )
    ArticlePage.objects.filter(pk=story.pk).update(owner=writer)
    story.refresh_from_db()
    story.save_revision(user=writer)
    workflow_state = story.get_workflow().start(story, writer)
    return story, workflow_state


def success_messages(response) -> list[str]:
    from django.contrib.messages import get_messages

    return [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "success"
    ]


def test_approving_with_a_publishing_time_is_one_step(client, paper):
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    story, workflow_state = filed_story(paper)
    desk = make_user("desk", DESK)
    client.force_login(desk)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = article_edit_data(client.get(url).content.decode(), story)
    go_live = (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    data["go_live_at"] = timezone.localtime(go_live).strftime(
        settings.WAGTAIL_DATETIME_FORMAT
    )
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(url, data)

    story.refresh_from_db()
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert not story.live
    scheduled = story.scheduled_revision
    assert scheduled.approved_go_live_at == go_live
    assert scheduled.user == desk
    approvals = TaskState.objects.filter(
        workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
    )
    assert approvals.count() == 1
    assert approvals.get().revision == scheduled
    local = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
    assert success_messages(response) == [
        f"“가람시 빛축제 다음 달 개막” 기사를 승인했습니다. {local}(한국 시간)에 게시됩니다."
    ]


def test_sending_back_and_approving_say_what_they_did(client, paper):
    story, workflow_state = filed_story(paper)
    client.force_login(make_user("desk", DESK))
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = article_edit_data(client.get(url).content.decode(), story)
    response = client.post(
        url,
        {
            **data,
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "제목을 고쳐 주세요."}',
        },
    )
    assert success_messages(response) == [
        "“가람시 빛축제 다음 달 개막” 기사를 박지훈 님에게 돌려보냈습니다."
    ]

    workflow_state.refresh_from_db()
    workflow_state.resume(story.owner)
    data = article_edit_data(client.get(url).content.decode(), story)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(url, data)
    story.refresh_from_db()
    assert story.live
    assert success_messages(response) == [
        "“가람시 빛축제 다음 달 개막” 기사를 승인하고 게시했습니다."
    ]
