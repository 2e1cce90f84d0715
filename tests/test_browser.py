"""End to end: a reader opens the front page, clicks a story and reads its byline."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from sinmun.articles.tests.factories import make_article, make_photo
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def test_reader_opens_a_story_from_the_front_page(live_server, paper, reporter):
    photo = make_photo()
    story = make_article(
        paper.sections["society"],
        title="가람시, 시내버스 노선 18개 조정",
        subtitle="배차 간격 평균 4분 줄어",
        reporters=[reporter],
        lead_image=photo,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live_server.url + "/")
        assert page.locator("header.masthead .dateline").inner_text().strip()
        page.get_by_role("link", name="가람시, 시내버스 노선 18개 조정").first.click()
        page.wait_for_url(re.compile(rf"/news/{story.pk}$"))
        assert (
            page.locator("article h1").inner_text().strip()
            == "가람시, 시내버스 노선 18개 조정"
        )
        assert (
            page.locator("article .byline").inner_text().strip()
            == "가람일보 박지훈 기자 |"
        )
        assert "jihoon@garamilbo.example" in page.locator("article footer").inner_text()
        shot = SCREENSHOTS / "browser-article.png"
        page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
