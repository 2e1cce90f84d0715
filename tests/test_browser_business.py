"""End to end, the business side: the ad desk books a house ad through Wagtail's own form,
the desk sets a 속보 banner through the settings form, and readers see them labelled,
counted without a cookie, and without the page jumping (CLS measured in Chromium)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sinmun.ads.models import DEFAULT_SIZES, Ad, AdDay, AdKind
from sinmun.ads.tests.factories import make_ad, slot
from sinmun.articles.models import Sponsorship
from sinmun.articles.tests.factories import make_article, make_photo, paragraphs
from sinmun.core.models import BreakingNewsSettings
from sinmun.desk import services
from sinmun.desk.tests.factories import make_user
from tests.browser import chromium
from tests.test_newsroom_day import close_date_picker, log_in, new_browser_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = paragraphs(
    *(
        f"가람시의회는 {n}일 본회의를 열어 내년 예산안을 심사했다. 의원들은 "
        "교통 예산의 증액을 두고 "
        "오래 논의했다."
        for n in range(1, 9)
    )
)

# Sum of the layout shifts no input caused (the Core Web Vitals definition, without
# session windows: a stricter figure), observed from the first paint.
CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__cls += entry.value;
    }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def quiet_admin(settings):
    # One in-memory SQLite connection is shared with the live server's threads; the
    # editor's background autosave and pings would collide with page loads.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 60 * 60 * 1000
    services.ensure_roles()
    # A live-server test flushes the tables after it, the slots the migration made too.
    for position in DEFAULT_SIZES:
        slot(position)


def test_ad_desk_books_a_house_ad_and_readers_see_it_counted(
    live_server, paper, reporter, quiet_admin
):
    story = make_article(
        paper.sections["society"],
        title="가람시의회 예산안 심사",
        reporters=[reporter],
        body=BODY,
    )
    make_user("adsales", services.AD_DESK, first_name="민지", last_name="한")
    with chromium() as browser:
        desk = log_in(browser, live_server, "adsales")
        desk.goto(live_server.url + "/admin/snippets/ads/ad/add/")
        desk.locator("#id_name").fill("뉴스레터 구독 안내")
        desk.locator("#id_advertiser").fill("가람일보")
        desk.locator("#id_slot").select_option(label="사이드 박스 (300x250)")
        desk.locator("#id_kind").select_option("house")
        desk.locator("#id_link_url").fill("https://garamilbo.example/newsletter")
        desk.locator("#id_weight").fill("20")
        desk.locator("footer.footer button[type=submit]").first.click()
        # A house ad with neither image nor text is refused in Korean; what was typed stays.
        expect(
            desk.get_by_text("자사 광고의 이미지를 고르거나 문구를 적어 주세요.")
        ).to_be_visible()
        expect(desk.locator("#id_link_url")).to_have_value(
            "https://garamilbo.example/newsletter"
        )
        desk.locator("#id_text").fill("아침 뉴스레터를 받아 보세요")
        desk.locator("footer.footer button[type=submit]").first.click()
        desk.wait_for_url(live_server.url + "/admin/snippets/ads/ad/")
        ad = Ad.objects.get(name="뉴스레터 구독 안내")
        assert (ad.kind, ad.weight, ad.slot.position) == (AdKind.HOUSE, 20, "side")

        reader = new_browser_page(browser)
        response = reader.goto(live_server.url + f"/news/{story.pk}")
        assert "set-cookie" not in response.headers
        side = reader.locator(".ad-slot.ad-side")
        expect(side.locator(".ad-label")).to_have_text("광고")
        expect(side.locator(f'[data-ad="{ad.pk}"]')).to_be_visible()
        expect(side).to_have_attribute("data-shown", str(ad.pk))
        # The impression beacon goes once the ad has been on screen.
        reader.wait_for_function(
            "() => performance.getEntriesByName(location.origin + '/ad/views').length > 0"
        )
        # The advertiser's page opens in a new tab, through the click counter.
        reader.context.route(
            "https://garamilbo.example/**", lambda route: route.fulfill(body="ok")
        )
        with reader.context.expect_page() as opened:
            side.get_by_text("아침 뉴스레터를 받아 보세요").click()
        advertiser = opened.value
        advertiser.wait_for_url("https://garamilbo.example/newsletter")
        assert (
            reader.context.cookies() == []
        )  # nothing set by the page, the beacon or the click
    day = AdDay.objects.get(ad=ad)
    assert day.impressions >= 1
    assert day.clicks == 1


def test_ads_in_every_slot_never_make_the_article_jump(live_server, paper, reporter):
    story = make_article(
        paper.sections["society"],
        title="가람시의회 예산안 심사",
        reporters=[reporter],
        body=BODY,
    )
    banner = make_photo(title="축제 배너")
    for position in ("masthead", "side", "article_inline"):
        make_ad(
            position,
            kind=AdKind.IMAGE,
            image=banner,
            alt_text="가람 축제 10월 3일 개막",
            text="",
            link_url="https://festival.garam.example/",
        )
    with chromium() as browser:
        reader = new_browser_page(browser)
        reader.add_init_script(CLS_SCRIPT)

        # Ad images arrive late, as from a slow ad server: a slot that did not keep its
        # box would push the story down when they land.
        def slow_image(route):
            reader.wait_for_timeout(800)
            route.continue_()

        reader.route("**/media/images/*", slow_image)
        reader.goto(live_server.url + f"/news/{story.pk}")
        reader.wait_for_load_state("networkidle")
        reader.mouse.wheel(0, 2000)
        reader.wait_for_timeout(1500)
        reader.wait_for_load_state("networkidle")
        cls = reader.evaluate("window.__cls")
        assert cls <= 0.1, cls

        # The in-article ad sits under paragraph 3, outside the <article> element.
        inline = reader.locator(".ad-slot.ad-article_inline")
        assert reader.locator("article .ad-slot").count() == 0
        third = reader.locator(".article-body > .block-paragraph").nth(2).bounding_box()
        fourth = (
            reader.locator(".article-body > .block-paragraph").nth(3).bounding_box()
        )
        ad_box = inline.bounding_box()
        assert third["y"] + third["height"] <= ad_box["y"]
        assert ad_box["y"] + ad_box["height"] <= fourth["y"]
        expect(inline.locator(".ad-label")).to_have_text("광고")


def test_desk_sets_a_breaking_banner_that_every_page_shows(
    live_server, paper, reporter, quiet_admin
):
    story = make_article(
        paper.sections["society"], title="가람천 범람 우려", reporters=[reporter]
    )
    make_article(
        paper.sections["economy"],
        title="가람 전통시장 겨울 할인전",
        sponsorship=Sponsorship.ADVERTORIAL,
        sponsor="가람시 상인연합회",
    )
    make_user("desk", services.DESK, first_name="서연", last_name="이")
    until = timezone.localtime(timezone.now() + timedelta(hours=3))
    with chromium() as browser:
        desk = log_in(browser, live_server, "desk")
        desk.goto(
            live_server.url
            + f"/admin/settings/core/breakingnewssettings/{paper.site.pk}/"
        )
        desk.locator("#id_text").fill("가람시 전역 호우경보 발령")
        desk.locator("footer.footer button[type=submit]").first.click()
        # Without an expiry the form says so in Korean and keeps the text.
        expect(desk.get_by_text("배너를 언제까지 보일지 정해 주세요")).to_be_visible()
        expect(desk.locator("#id_text")).to_have_value("가람시 전역 호우경보 발령")
        desk.locator("#id_expires_at").fill(until.strftime("%Y-%m-%d %H:%M"))
        close_date_picker(desk, desk.locator("#id_text"))
        desk.locator("footer.footer button[type=submit]").first.click()
        expect(
            desk.locator(".messages .success, .w-messages .success").first
        ).to_be_visible()
        banner = BreakingNewsSettings.objects.get(site=paper.site)
        assert banner.expires_at is not None
        assert abs((banner.expires_at - until).total_seconds()) < 60

        reader = new_browser_page(browser)
        for url in ("/", paper.sections["economy"].url, f"/news/{story.pk}"):
            reader.goto(live_server.url + url)
            expect(reader.locator(".breaking-banner")).to_contain_text(
                "가람시 전역 호우경보 발령"
            )
        # The advertorial is labelled on its card.
        reader.goto(live_server.url + paper.sections["economy"].url)
        card = reader.locator(".card-title", has_text="가람 전통시장 겨울 할인전")
        expect(card.locator(".flag-sponsored")).to_have_text("기사형 광고")
