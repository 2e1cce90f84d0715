"""End to end: a video plays only after the reader taps it, and a live page shows a new
update without a reload, then stops when the desk ends the coverage."""

import pytest
from django.utils import timezone

from sinmun.articles.models import ArticleKind
from sinmun.articles.tests.factories import (
    make_article,
    make_live_update,
    make_photo,
    paragraphs,
    video,
)
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAYER = "https://www.youtube-nocookie.com/"


def test_video_player_loads_only_after_the_tap(live_server, paper, reporter):
    story = make_article(
        paper.sections["economy"],
        title="[영상] 하늘에서 본 솔내 사과밭",
        reporters=[reporter],
        body=[
            *paragraphs("솔내읍 사과 농가들이 첫 수확에 들어갔다."),
            video(make_photo(title="포스터"), title="솔내 사과밭 첫 수확"),
        ],
    )
    asked = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.on("request", lambda request: asked.append(request.url))
        # No network here: the player's answer is made up, and only its request matters.
        page.route(
            PLAYER + "**",
            lambda route: route.fulfill(
                body="<!doctype html><title>player</title>", content_type="text/html"
            ),
        )
        page.goto(live_server.url + story.url)
        page.wait_for_load_state("networkidle")

        assert page.locator("iframe").count() == 0
        assert not [url for url in asked if not url.startswith(live_server.url)]

        play = page.get_by_role("button", name="동영상 재생: 솔내 사과밭 첫 수확")
        play.focus()
        page.keyboard.press("Enter")  # from the keyboard, as a tap would
        frame = page.locator("figure.video iframe")
        frame.wait_for()

        assert frame.get_attribute("src") == (PLAYER + "embed/dQw4w9WgXcQ?autoplay=1")
        assert frame.get_attribute("title") == "솔내 사과밭 첫 수확"
        assert page.url == live_server.url + story.url  # the link was not followed
        assert any(url.startswith(PLAYER) for url in asked)


def test_live_page_shows_a_new_update_without_a_reload(
    live_server, paper, reporter, settings
):
    settings.SINMUN_LIVE_POLL_SECONDS = 1
    story = make_article(
        paper.sections["politics"],
        title="[실시간] 가람시의원 보궐선거 개표 상황",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
    )
    make_live_update(story, reporter, text="투표가 마감됐다.")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(live_server.url + story.url)
        page.evaluate("window.notReloaded = true")
        assert page.locator(".live-update").count() == 1

        make_live_update(story, reporter, text="개표율 30%, 두 후보 접전")
        page.get_by_text("개표율 30%, 두 후보 접전").wait_for()

        assert page.locator(".live-update").count() == 2
        assert "개표율 30%" in page.locator(".live-update").first.inner_text()
        assert page.locator(".live-status").inner_text() == "새 소식이 들어왔습니다."
        assert page.evaluate("window.notReloaded") is True

        story.live_ended_at = timezone.now()
        story.save_revision().publish()
        page.locator("[data-live]:not([data-poll-url])").wait_for(state="attached")

        assert page.locator(".live-status").inner_text() == "실시간 중계가 끝났습니다."
        assert page.evaluate("window.notReloaded") is True
