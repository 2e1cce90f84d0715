"""The editor-in-chief changes the front-page lineup in a real browser (issue #21, item 1).

Against a real threaded web server and a database file it shares with the test, with
Wagtail's autosave on as in the newsroom: the chief's own autosave lands between the edit
and the publish, and the publish still goes through on the first try. A second
editor-in-chief, who opened the page before that publish, is warned and held back.
"""

import re

import pytest
from playwright.sync_api import expect

from sinmun.articles.tests.factories import make_article
from sinmun.core.tests.processes import SharedDatabase, start_web_server, stop
from sinmun.desk.services import CHIEF
from sinmun.desk.tests.factories import make_user
from sinmun.frontpage.models import FrontPagePin, Slot
from tests.admin_login import log_in_browser
from tests.admin_text import AdminTextCheck
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT = 20_000  # ms


def new_page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="ko-KR",
        timezone_id="Asia/Seoul",
    )
    context.set_default_timeout(TIMEOUT)
    return context.new_page()


def is_autosave(response) -> bool:
    request = response.request
    return (
        request.method == "POST"
        and "/edit/" in request.url
        and "application/json" in (request.headers.get("accept") or "")
    )


def publish(page):
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    footer.get_by_role("button", name="게시", exact=True).click()


def test_the_chief_publishes_the_lineup_on_the_first_try(paper, tmp_path):
    society = paper.sections["society"]
    festival = make_article(society, title="가람시 빛축제 다음 달 개막")
    buses = make_article(society, title="가람시 시내버스 노선 개편")
    home = paper.home
    home.pins = [
        FrontPagePin(article=festival, slot=Slot.MAIN),
        FrontPagePin(article=buses, slot=Slot.MAIN),
    ]
    home.save_revision().publish()
    make_user("chief", CHIEF, first_name="민준", last_name="최")
    make_user("chief2", CHIEF, first_name="하은", last_name="정")
    database = SharedDatabase.of_test_database(tmp_path)
    server, base = start_web_server(database, log=tmp_path / "server.log")
    text = AdminTextCheck("chief", "chief2")
    edit_url = f"{base}/admin/pages/{home.pk}/edit/"
    try:
        with chromium() as browser:
            chief = log_in_browser(new_page(browser), base, "chief")
            text.look(chief, "dashboard")
            other = log_in_browser(new_page(browser), base, "chief2")
            other.goto(edit_url)  # the second chief has the page open from the start
            chief.goto(edit_url)
            text.look(chief, "front page editor")

            # The editor notes the form as loaded 2 s after it opens; edits count from then.
            chief.wait_for_timeout(2_500)
            # The chief moves the festival story to the top; the autosave saves it.
            with chief.expect_response(is_autosave) as autosaved:
                chief.locator("#id_pins-0-slot").select_option(Slot.TOP)
            assert autosaved.value.json()["success"]
            expect(chief.get_by_text("저장됨")).to_be_visible()
            text.look(chief, "front page editor, autosaved")
            publish(chief)
            chief.locator(".messages .success").wait_for()
            messages = chief.locator(".messages").inner_text()
            assert "게시" in messages
            assert "저장했습니다" not in messages  # no "another editor saved" warning
            text.look(chief, "after publishing")

            [(live_slot, published_revision)] = database.rows(
                "SELECT p.slot, pg.live_revision_id FROM frontpage_frontpagepin p "
                "JOIN wagtailcore_page pg ON pg.id = p.page_id "
                "WHERE p.page_id = %s AND p.article_id = %s",
                (home.pk, festival.pk),
            )
            assert live_slot == Slot.TOP
            [(has_unpublished,)] = database.rows(
                "SELECT has_unpublished_changes FROM wagtailcore_page WHERE id = %s",
                (home.pk,),
            )
            assert not has_unpublished

            # The second chief, on the version from before, changes the other pin.
            # Their autosave is refused (a newer version); wait for its answer, however slow
            # a loaded machine is, rather than a fixed time.
            with other.expect_response(is_autosave, timeout=60_000):
                other.locator("#id_pins-1-slot").select_option(Slot.SECTION)
            publish(other)
            # Wagtail asks first, naming who saved in between ...
            dialog = other.get_by_role("dialog").filter(
                has_text="새 버전을 저장했습니다"
            )
            expect(dialog).to_contain_text(
                "최민준 님이 새 버전을 저장했습니다", timeout=60_000
            )
            text.look(other, "second chief, asked to confirm")
            # ... and, told to go on, the desk's guard keeps their version as a draft.
            dialog.get_by_role("button", name="게시").click()
            warning = other.locator(".messages .warning")
            warning.wait_for()
            assert "최민준" in warning.inner_text()
            assert "게시하거나 다음 단계로 넘기지 않았습니다" in warning.inner_text()
            expect(warning.get_by_role("link", name="두 버전 비교")).to_be_visible()
            text.look(other, "second chief, held back")

        # The chief's lineup is still the live one; the second chief's is kept as a draft.
        [(live_revision, latest_user)] = database.rows(
            "SELECT pg.live_revision_id, u.username FROM wagtailcore_page pg "
            "JOIN wagtailcore_revision r ON r.id = pg.latest_revision_id "
            "JOIN users_user u ON u.id = r.user_id WHERE pg.id = %s",
            (home.pk,),
        )
        assert live_revision == published_revision
        assert latest_user == "chief2"
        publishes = database.rows(
            "SELECT u.username FROM wagtailcore_pagelogentry e "
            "JOIN users_user u ON u.id = e.user_id "
            "WHERE e.page_id = %s AND e.action = 'wagtail.publish'",
            (home.pk,),
        )
        assert publishes == [("chief",)]
    finally:
        stop(server)
    text.assert_clean()
    assert re.search(r"\d", str(published_revision))


def test_the_chief_pins_a_story_found_by_korean_search(paper, tmp_path):
    """Issue #21, item 5: the chooser opens on the newest stories, and 빛축제가 finds it."""
    society = paper.sections["society"]
    festival = make_article(society, title="가람시 빛축제 다음 달 개막")
    make_article(society, title="가람시 시내버스 노선 개편")
    make_user("chief", CHIEF, first_name="민준", last_name="최")
    database = SharedDatabase.of_test_database(tmp_path)
    server, base = start_web_server(database, log=tmp_path / "server.log")
    text = AdminTextCheck("chief")
    try:
        with chromium() as browser:
            chief = log_in_browser(new_page(browser), base, "chief")
            chief.goto(f"{base}/admin/pages/{paper.home.pk}/edit/")
            chief.locator("#id_pins-ADD").click()
            chooser = chief.locator("#id_pins-0-article-chooser")
            chooser.locator("button.chooser__choose-button").click()
            modal = chief.locator(".modal-dialog")
            modal.wait_for()
            rows = modal.locator("[data-chooser-modal-choice]")
            expect(rows.first).to_have_text("가람시 시내버스 노선 개편")
            assert "Root" not in modal.inner_text()
            text.look(chief, "story chooser")
            modal.get_by_placeholder("제목이나 본문의 낱말").fill("빛축제가")
            expect(rows).to_have_count(1)
            expect(modal).to_contain_text("검색 결과 1건")
            text.look(chief, "story chooser, searched")
            rows.first.click()
            chief.wait_for_selector(".modal-dialog", state="detached")
            assert (
                chooser.locator("[data-chooser-title]").inner_text().strip()
                == festival.title
            )
            publish(chief)
            chief.locator(".messages .success").wait_for()
        pins = database.rows(
            "SELECT article_id FROM frontpage_frontpagepin WHERE page_id = %s",
            (paper.home.pk,),
        )
        assert pins == [(festival.pk,)]
    finally:
        stop(server)
    text.assert_clean()
