"""End to end: a reader signs up with a code mailed by a real SMTP server, and comments."""

import re

import pytest

from sinmun.articles.tests.factories import make_article
from sinmun.comments.models import (
    Comment,
    CommentStatus,
    ModerationMode,
    SectionModeration,
)
from sinmun.tips.tests.smtp import smtp_catcher  # noqa: F401 - a real SMTP server on 127.0.0.1
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(catcher) -> str:
    body = catcher.messages[-1].get_body(preferencelist=("plain",)).get_content()
    return re.search(r"^\s*([A-Z0-9-]{6,})\s*$", body, re.MULTILINE).group(1)


@pytest.mark.parametrize("mode", [ModerationMode.POST, ModerationMode.PRE])
def test_a_reader_signs_in_by_e_mail_and_comments(
    live_server,
    paper,
    smtp_catcher,  # noqa: F811 - the fixture imported above
    mode,
):
    story = make_article(
        paper.sections["society"], title="가람시, 시내버스 노선 18개 조정"
    )
    SectionModeration.objects.create(section=paper.sections["society"], mode=mode)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{live_server.url}/news/{story.pk}")
        # The thread is fetched into the story's page by comments.js.
        page.locator("#comments .comment-thread").wait_for()
        assert "아직 댓글이 없습니다." in page.locator("#comments").inner_text()
        page.get_by_role("link", name="댓글 쓰기").click()

        page.wait_for_url(re.compile(r"/accounts/login/"))
        page.locator("a[href^='/accounts/signup/']").first.click()
        page.locator("main input[name=email]").fill("new-reader@reader.example")
        page.locator(
            "main form[action^='/accounts/signup/'] button[type=submit]"
        ).click()
        page.locator("input[name=code]").wait_for()
        assert smtp_catcher.messages[-1]["To"] == "new-reader@reader.example"
        page.locator("input[name=code]").fill(_code(smtp_catcher))
        page.locator(
            "main form:has(input[name=code]) button[type=submit]"
        ).first.click()

        page.wait_for_url(re.compile(rf"/news/{story.pk}/comments/new"))
        page.get_by_label(re.compile("^댓글에 표시할 이름")).fill("가람동 주민")
        page.locator("textarea[name=text]").fill("배차 간격이 줄어든다니 반갑습니다.")
        page.get_by_role("button", name="댓글 등록").click()
        page.wait_for_url(re.compile(r"/comments/\d+/$"))
        heading = page.locator("h1").inner_text()

        page.goto(f"{live_server.url}/news/{story.pk}")
        page.locator("#comments .comment-thread").wait_for()
        thread = page.locator("#comments").inner_text()

    comment = Comment.objects.get()
    if mode == ModerationMode.POST:
        assert heading == "댓글이 게시되었습니다"
        assert "배차 간격이 줄어든다니 반갑습니다." in thread
        assert comment.status == CommentStatus.APPROVED
    else:
        assert heading == "댓글이 검토를 기다리고 있습니다"
        assert "배차 간격이 줄어든다니 반갑습니다." not in thread
        assert comment.status == CommentStatus.PENDING
