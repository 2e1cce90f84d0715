"""A reader on a 390 px phone: small photos, a section bar that shows it scrolls, a ticker
that scrolls from the keyboard."""

import pytest

from sinmun.frontpage.tests.factories import add_section
from tests.browser import chromium
from tests.pages import every_page_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_phone_gets_small_photos_and_can_scroll_the_ticker_without_touch(
    live_server, paper, reporter
):
    pages = every_page_type(paper, reporter)
    for slug, title in [
        ("education", "교육"),
        ("culture", "문화"),
        ("sports", "스포츠"),
        ("region", "지역"),
        ("opinion", "오피니언"),
    ]:
        add_section(paper.home, title=title, slug=slug)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        page.goto(live_server.url + pages["article"])
        photo = page.evaluate("document.querySelector('.article-photo img').currentSrc")
        assert ".width-480." in photo

        page.goto(live_server.url + "/")
        lead = page.evaluate("document.querySelector('.card-lead img').currentSrc")
        assert ".fill-480x270-" in lead

        ticker = page.locator(".weather-ticker-items")
        overflow = ticker.evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow > 0  # one line, wider than the phone
        # The keyboard reaches it near the top of the page (after the skip link).
        for _ in range(6):
            page.keyboard.press("Tab")
            if ticker.evaluate("el => el === document.activeElement"):
                break
        assert ticker.evaluate("el => el === document.activeElement")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "el => el.scrollLeft > 0", arg=ticker.element_handle(), timeout=5000
        )

        nav = page.locator(".sections-nav ul")
        assert nav.evaluate(
            "el => el.scrollWidth > el.clientWidth"
        )  # 오피니언 is off the edge
        # The edge shadows are backgrounds of the scrolling list itself.
        assert "radial-gradient" in nav.evaluate(
            "el => getComputedStyle(el).backgroundImage"
        )
