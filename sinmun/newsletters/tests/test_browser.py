"""End to end in Chromium: a reader signs up from the footer, confirms from the mail a real
SMTP server received, gets the morning letter and leaves from its link."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from sinmun.articles.tests.factories import make_article
from sinmun.newsletters import services
from sinmun.newsletters.models import Subscriber, SubscriberStatus
from sinmun.newsletters.tests.factories import pin_top_story
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KST = ZoneInfo("Asia/Seoul")
MORNING = datetime(2026, 3, 9, 6, 31, tzinfo=KST)
TOP = "가람시 공공자전거 1천 대 늘린다"
ADDRESS = "dokja.kim@example.com"


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_reader_signs_up_confirms_gets_the_letter_and_leaves(
    live_server, paper, smtp_catcher
):
    story = make_article(paper.sections["society"], title=TOP)
    pin_top_story(paper.home, story)
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, locale="ko-KR"
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.goto(live_server.url + story.url)
        page.get_by_role("link", name="뉴스레터 구독").first.click()
        expect(page.locator("h1")).to_have_text("뉴스레터 구독 신청")

        # Without consent the form is refused in Korean and keeps the address.
        page.get_by_role("textbox", name="이메일").fill(ADDRESS)
        page.locator("main form").evaluate("form => { form.noValidate = true; }")
        page.get_by_role("button", name="구독 신청").click()
        expect(page.locator("main")).to_contain_text("동의")
        assert page.get_by_role("textbox", name="이메일").input_value() == ADDRESS
        assert not Subscriber.objects.exists()

        page.get_by_label(
            "위와 같이 이메일 주소를 수집·이용하는 데 동의합니다."
        ).check()
        page.get_by_role("button", name="구독 신청").click()
        page.wait_for_url("**/newsletter/check-inbox/")
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING

        (confirmation,) = smtp_catcher.messages
        assert confirmation["To"] == ADDRESS
        text = confirmation.get_body(("plain",)).get_content()
        link = re.search(r"https?://\S+/newsletter/confirm/\S+/", text).group(0)
        page.goto(live_server.url + path_of(link))
        page.get_by_role("button", name="확인").click()
        expect(page.locator("h1")).to_have_text("구독이 확인되었습니다")
        assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE

        # The scheduler's morning run sends the letter through the same SMTP server.
        services.start_due_edition(now=MORNING)
        letter = smtp_catcher.messages[-1]
        assert letter["To"] == ADDRESS
        assert TOP in letter.get_body(("plain",)).get_content()
        leave = letter["List-Unsubscribe"].strip().strip("<>")
        page.goto(live_server.url + path_of(leave))
        page.get_by_role("button", name="구독 해지").click()
        expect(page.locator("h1")).to_have_text("구독이 해지되었습니다")
        assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED
