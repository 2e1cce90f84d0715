"""The newsroom's day, walked through the Wagtail admin in a real browser (issue #3).

A reporter files a story with a photo and a byline; the desk sends it back with a comment;
the reporter fixes it and refiles; the desk approves it for a time a few minutes ahead;
the scheduler publishes it; the desk adds a correction. At each step the database and what
an anonymous reader sees are checked, and the admin screens are saved to var/screenshots (copied to docs/screenshots).
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import PageLogEntry, TaskState, WorkflowPage, WorkflowState

from sinmun.articles.models import ArticlePage
from sinmun.desk import services
from sinmun.desk.tests.factories import make_user
from tests.admin_login import log_in_browser
from tests.admin_text import AdminTextCheck
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Under var/ (git-ignored), so a test run leaves the tree clean; docs/screenshots holds copies.
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
# On a failure, each browser's screen and HTML, for whoever reads the log.
FAILURES = Path(settings.BASE_DIR) / "var" / "newsroom-day-failure"
TIMEOUT = 15_000  # ms: generous, bounded

HEADLINE = "가람시 시내버스 노선 18개 개편"
FIXED_HEADLINE = "가람시, 시내버스 노선 18개 다음 달 개편"
SUBTITLE = "배차 간격 평균 4분 줄어\n심야 노선 2개 새로 생겨"
BODY = "가람시는 다음 달 1일부터 시내버스 노선 18개를 조정한다고 밝혔다."
SEND_BACK = "제목에 시행 시기를 넣어 주세요."
# Wagtail's own labels; Korean for them is proposed in TRANSLATIONS.txt.
REQUEST_CHANGES = re.compile("변경 요청|Request changes")
SET_SCHEDULE = re.compile("일정 설정|게시 일정|Set schedule")
TAG = "빛축제"
# The admin text seen on the way, checked at the end (tests/admin_text.py).
TEXT = AdminTextCheck("jihoon", "desk")
CORRECTION = "기사 본문의 노선 수는 18개가 아니라 17개이기에 바로잡습니다."


def shoot(page, name, *, full_page=False):
    path = SCREENSHOTS / f"newsroom-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def to_top(page):
    """Scroll back to the top left at once (focusing fields scrolls boxes, smoothly)."""
    page.evaluate(
        "() => { for (const e of [document.scrollingElement, ...document.querySelectorAll('*')])"
        " { if (e.scrollTop || e.scrollLeft) e.scrollTo({top: 0, left: 0, behavior: 'instant'}); } }"
    )
    page.wait_for_timeout(300)


def close_date_picker(page, elsewhere):
    """Click `elsewhere` until the date picker that typing opened has closed."""
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    expect(pickers).to_have_count(1)  # it opens a moment after the field takes focus
    page.wait_for_timeout(300)  # and fades in
    for _ in range(10):
        elsewhere.click()
        try:
            expect(pickers).to_have_count(0, timeout=1_000)
            return
        except AssertionError:
            continue
    expect(pickers).to_have_count(0)


def new_browser_page(browser):
    """A page in a browser context of its own (own cookies, empty cache), in Korea."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="ko-KR",
        timezone_id="Asia/Seoul",
    )
    context.set_default_timeout(TIMEOUT)
    return context.new_page()


def new_reader(browser, pages):
    """An anonymous reader in a browser of their own (empty cache)."""
    page = new_browser_page(browser)
    pages.append(page)
    return page


def log_in(browser, live_server, username):
    page = log_in_browser(new_browser_page(browser), live_server.url, username)
    TEXT.look(page, f"dashboard of {username}")
    return page


def photo_file(tmp_path) -> Path:
    """A 1200x800 JPEG: a blue bus with a row of yellow windows."""
    image = Image.new("RGB", (1200, 800), (40, 90, 140))
    for x in range(0, 1200, 60):
        image.paste((200, 160, 40), (x, 500, x + 30, 560))
    path = tmp_path / "bus.jpg"
    image.save(path, "JPEG", quality=85)
    return path


def test_the_newsrooms_day(live_server, paper, reporter, tmp_path, settings):
    # The test database is SQLite in memory, one connection shared by the test and the
    # live server's request threads: the editor's background requests (autosave every
    # half second, the editing-session ping) would collide with page loads and fail with
    # "database table is locked". Off here; every save in this walk is a click.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 60 * 60 * 1000
    services.ensure_roles()
    society = paper.sections["society"]
    assert society.specific.__class__.__name__ == "SectionPage"
    assert (
        WorkflowPage.objects.get(page=society).workflow.name == services.WORKFLOW_NAME
    )
    jihoon = make_user("jihoon", services.REPORTER, first_name="지훈", last_name="박")
    reporter.user = jihoon
    reporter.save()
    desk = make_user("desk", services.DESK, first_name="서연", last_name="이")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    TEXT.screens.clear()

    with chromium() as browser:
        rpage = log_in(browser, live_server, "jihoon")
        pages = [rpage]
        try:
            # 1. The reporter files the story.
            file_the_story(rpage, live_server, society, photo_file(tmp_path))
            story = ArticlePage.objects.get(title=HEADLINE)
            assert not story.live
            assert story.subtitle_lines == SUBTITLE.splitlines()
            assert [b.reporter for b in story.bylines.all()] == [reporter]
            assert story.lead_image.title == "가람시 시내버스"
            assert story.body_text == BODY
            assert story.owner == jihoon
            assert [t.name for t in story.tags.all()] == [TAG]
            workflow_state = story.current_workflow_state
            assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            assert workflow_state.requested_by == jihoon
            assert workflow_state.current_task_state.task.name == services.TASK_NAME

            # 2. The desk finds it on the dashboard and sends it back with a comment.
            dpage = log_in(browser, live_server, "desk")
            pages.append(dpage)
            send_back(dpage, story)
            task_state = TaskState.objects.filter(workflow_state=workflow_state).latest(
                "pk"
            )
            assert task_state.status == TaskState.STATUS_REJECTED
            assert task_state.get_comment() == SEND_BACK
            assert task_state.finished_by == desk
            story.refresh_from_db()
            assert not story.live
            assert (
                story.current_workflow_state.status
                == WorkflowState.STATUS_NEEDS_CHANGES
            )

            # 3. The reporter sees the desk's comment, fixes the headline and refiles.
            refile(rpage, live_server, story)
            story.refresh_from_db()
            assert story.get_latest_revision_as_object().title == FIXED_HEADLINE
            assert not story.live
            workflow_state = story.current_workflow_state
            assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
            assert (
                workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
            )

            # 4. The desk approves it for a time a few minutes ahead.
            go_live = (timezone.now() + timedelta(minutes=5)).replace(
                second=0, microsecond=0
            )
            approve_for(dpage, live_server, story, go_live)
            # One step: "승인 및 예약" approves the version with the desk's time in it
            # (no second review for the version the time made).
            story.refresh_from_db()
            desk_version = story.latest_revision
            assert desk_version.user == desk
            assert desk_version.as_object().go_live_at == go_live
            [approval] = TaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
            )
            assert approval.revision == desk_version
            assert approval.finished_by == desk
            local = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
            assert (
                f"{local}(한국 시간)에 게시됩니다"
                in dpage.locator(".messages").inner_text()
            )
            assert not story.live
            assert story.current_workflow_state is None
            assert TaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED
            ).exists()
            scheduled = story.scheduled_revision
            assert scheduled is not None
            assert scheduled.approved_go_live_at == go_live
            assert scheduled.as_object().title == FIXED_HEADLINE
            reader = new_reader(browser, pages)
            response = reader.goto(live_server.url + f"/news/{story.pk}")
            assert response.status == 404
            reader.goto(live_server.url + "/society/")
            assert FIXED_HEADLINE not in reader.content()
            assert HEADLINE not in reader.content()

            # 5. The scheduler runs after the go-live time; the reader sees the story.
            with time_machine.travel(go_live + timedelta(minutes=1), tick=True):
                call_command("run_scheduler", once=True, job=["publish_scheduled"])
                story.refresh_from_db()
                assert story.live
                # Public pages may be kept by the browser for a while (docs/decisions/0002):
                # a reader who has not seen them yet.
                reader = new_reader(browser, pages)
                assert story.title == FIXED_HEADLINE
                reader.goto(live_server.url + "/society/")
                reader.get_by_role("link", name=FIXED_HEADLINE).first.wait_for()
                reader.goto(live_server.url + "/")
                reader.get_by_role("link", name=FIXED_HEADLINE).first.click()
                reader.wait_for_url(live_server.url + f"/news/{story.pk}")
                article = reader.locator("article.article")
                assert article.locator("h1").inner_text().strip() == FIXED_HEADLINE
                assert article.locator(".article-subtitle p").all_inner_texts() == (
                    SUBTITLE.splitlines()
                )
                assert (
                    article.locator(".byline").inner_text().strip()
                    == "가람일보 박지훈 기자 |"
                )
                assert BODY in article.locator(".article-body").inner_text()
                assert article.locator(".article-photo img").count() == 1
                assert "수정" not in article.locator(".article-dates").inner_text()

            # 6. Later that day the desk adds a correction and publishes it.
            fixed_at = go_live + timedelta(minutes=30)
            with time_machine.travel(fixed_at, tick=True):
                correct(dpage, live_server, story, fixed_at)
                story.refresh_from_db()
                correction = story.corrections.get()
                assert correction.text == CORRECTION
                assert correction.kind == "correction"
                assert story.updated_at is not None
                reader = new_reader(browser, pages)
                reader.goto(live_server.url + f"/news/{story.pk}")
                article = reader.locator("article.article")
                corrections = article.locator("section.corrections")
                assert CORRECTION in corrections.inner_text()
                assert "정정보도" in corrections.inner_text()
                # Under the body.
                assert (
                    article.locator(".article-body ~ section.corrections").count() == 1
                )
                dates = article.locator(".article-dates").inner_text()
                assert "수정" in dates
                assert (
                    timezone.localtime(story.last_published_at).strftime("%H:%M")
                    in dates
                )
                shoot(reader, "7-reader-sees-article", full_page=True)

            # Every version is kept: the reporter's two saves, the desk's schedule save, the
            # approval, the correction.
            revisions = story.revisions.order_by("created_at")
            assert revisions.count() >= 4
            titles = [r.as_object().title for r in revisions]
            assert titles[0] == HEADLINE
            assert titles[-1] == FIXED_HEADLINE
            assert [r.as_object().corrections.count() for r in revisions][-1] == 1
            assert [r.user for r in revisions][:4] == [jihoon, jihoon, desk, desk]
            log = PageLogEntry.objects.filter(page=story)
            assert (
                log.filter(action__startswith="wagtail.publish").count() >= 2
            )  # scheduler, correction
            assert log.filter(action="wagtail.workflow.reject", user=desk).exists()
            assert log.filter(action="wagtail.workflow.approve", user=desk).count() == 1
        except Exception:
            for n, p in enumerate(pages):
                FAILURES.mkdir(parents=True, exist_ok=True)
                p.screenshot(path=str(FAILURES / f"{n}.png"))
                (FAILURES / f"{n}.html").write_text(p.content())
            raise
    TEXT.assert_clean()


def refile(page, live_server, story):
    # The dashboard lists the reporter's stories in a workflow, this one sent back.
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(re.compile(rf"/admin/pages/{story.pk}/edit/"))
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name="상세 확인").click()
    dialog = page.locator("#workflow-status-dialog")
    dialog.get_by_text(SEND_BACK).wait_for()
    assert (
        "서연 님의 수정 요청" in dialog.inner_text() or "이서연" in dialog.inner_text()
    )
    TEXT.look(page, "reporter reads the desk's comment")
    shoot(page, "4-reporter-sees-comment")
    dialog.get_by_role("button", name="Close dialog").click()
    headline = page.get_by_label(re.compile("^제목")).first
    headline.fill(FIXED_HEADLINE)
    headline.press("Tab")
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    footer.get_by_role("button", name="데스크 검토에 다시 제출").click()
    page.locator(".messages .success").wait_for()


def approve_for(page, live_server, story, go_live):
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name=FIXED_HEADLINE).first.click()
    page.wait_for_url(re.compile(rf"/admin/pages/{story.pk}/edit/"))
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name=SET_SCHEDULE).click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.wait_for()
    go_live_field = dialog.get_by_label(re.compile("게시 일시"))
    go_live_field.fill(
        timezone.localtime(go_live).strftime(settings.WAGTAIL_DATETIME_FORMAT)
    )
    close_date_picker(page, dialog.locator(".w-dialog__title").first)
    shoot(page, "5-desk-schedules")
    TEXT.look(page, "desk sets the time")
    dialog.get_by_role("button", name="승인 및 예약").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    page.locator(".messages .success").wait_for()
    TEXT.look(page, "desk approved for a time")


def correct(page, live_server, story, at):
    page.goto(live_server.url + f"/admin/pages/{story.pk}/edit/")
    page.locator("#id_corrections-ADD").click()
    page.locator("#id_corrections-0-kind").select_option("correction")
    page.locator("#id_corrections-0-text").fill(CORRECTION)
    when = page.locator("#id_corrections-0-published_at")
    when.fill(timezone.localtime(at).strftime(settings.WAGTAIL_DATETIME_FORMAT))
    close_date_picker(page, page.locator("#id_corrections-0-text"))
    shoot(page, "6-desk-corrects")
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    footer.get_by_role("button", name="게시", exact=True).click()
    page.locator(".messages .success").wait_for()


def send_back(page, story):
    shoot(page, "2-desk-dashboard")
    page.get_by_role("link", name=HEADLINE).first.click()
    page.wait_for_url(re.compile(rf"/admin/pages/{story.pk}/edit/"))
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    footer.get_by_role("button", name=REQUEST_CHANGES).click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    dialog.get_by_role("textbox").fill(SEND_BACK)
    shoot(page, "3-desk-sends-back")
    dialog.get_by_role("button", name=REQUEST_CHANGES).click()
    page.locator(".messages .success").wait_for()
    assert "박지훈 님에게 돌려보냈습니다" in page.locator(".messages").inner_text()
    TEXT.look(page, "desk sent it back")


def file_the_story(page, live_server, society, photo):
    page.goto(live_server.url + f"/admin/pages/{society.pk}/")
    page.get_by_role("link", name="하위 페이지 추가", exact=True).click()
    page.get_by_role("link", name=re.compile("^기사")).first.click()
    page.wait_for_url(re.compile(r"/add/articles/articlepage/"))
    headline = page.get_by_label(re.compile("^제목")).first
    headline.fill(HEADLINE)
    headline.press("Tab")  # leaving the field fills in the slug, as for a person
    page.locator("#id_subtitle").fill(SUBTITLE)
    # Byline: add a 기자 row, choose 박지훈 in the snippet chooser.
    page.locator("#id_bylines-ADD").click()
    byline = page.locator("#id_bylines-0-reporter-chooser")
    byline.locator("button.chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name="박지훈").click()
    page.wait_for_selector(".modal-dialog", state="detached")
    assert byline.locator("[data-chooser-title]").inner_text().strip() == "박지훈"
    # Lead photo: the image chooser's upload tab.
    page.locator("#id_lead_image-chooser button.chooser__choose-button").click()
    modal.wait_for()
    modal.get_by_role("tab", name="업로드").click()
    modal.get_by_label("제목").fill("가람시 시내버스")
    modal.get_by_label("파일").set_input_files(photo)
    modal.get_by_label("사진 설명").fill("가람시 중앙로를 달리는 시내버스.")
    modal.get_by_label("출처").fill("가람일보 박지훈 기자")
    modal.get_by_role("button", name="업로드").click()
    page.wait_for_selector(".modal-dialog", state="detached")
    assert (
        page.locator("#id_lead_image-chooser [data-chooser-title]").inner_text().strip()
        == "가람시 시내버스"
    )
    # Tag: typed with a Korean input method. While 빛축제 is being composed, the Enter
    # that ends a syllable must not make a tag of what is there so far.
    add_tag_with_ime(page, TAG)
    TEXT.look(page, "reporter files")
    # Body: a paragraph block, typed into the Draftail editor.
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="문단").click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.wait_for()
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(BODY)
    expect(editor).to_have_text(BODY)
    # Draftail writes the paragraph into the form a moment later; leave the editor and wait.
    page.get_by_label("대표 사진 설명").click()
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(BODY))
    )
    to_top(page)
    shoot(page, "1-reporter-files")
    # File it: the footer's action menu, "데스크 승인에 제출".
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    footer.get_by_role("button", name="데스크 승인에 제출").click()
    page.wait_for_url(live_server.url + f"/admin/pages/{society.pk}/")
    page.locator(".messages .success").wait_for()


def add_tag_with_ime(page, tag):
    box = page.locator("ul.tagit li.tagit-new input").first
    expect(box).to_have_attribute("placeholder", "태그 입력 후 Enter")
    box.click()
    partial = tag[:-1]
    box.dispatch_event("compositionstart", {"data": ""})
    box.fill(partial)
    # A browser's keydown for the Enter that commits a syllable: key Enter, mid-composition.
    page.evaluate(
        """(input) => {
            const e = new KeyboardEvent('keydown', {key: 'Enter', bubbles: true,
                cancelable: true, isComposing: true});
            Object.defineProperty(e, 'keyCode', {get: () => 13});
            Object.defineProperty(e, 'which', {get: () => 13});
            input.dispatchEvent(e);
        }""",
        box.element_handle(),
    )
    assert page.locator("ul.tagit li.tagit-choice").count() == 0
    box.fill(tag)
    box.dispatch_event("compositionend", {"data": tag[-1]})
    box.press("Enter")
    choices = page.locator("ul.tagit li.tagit-choice")
    expect(choices).to_have_count(1)
    expect(choices.first).to_contain_text(tag)
    expect(page.locator("input[name=tags]")).to_have_value(tag)
