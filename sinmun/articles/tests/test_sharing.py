"""The share bar, text size and print view: in Chromium, and what the cached page carries."""

import re
from urllib.parse import quote

import pytest
from django.core.cache import cache

from sinmun.articles.tests.factories import make_article, make_photo
from tests.browser import chromium

TIMEOUT = 15_000
PUBLIC = (
    "max-age=60, public, s-maxage=60, stale-if-error=86400, stale-while-revalidate=30"
)
# A stand-in for Kakao's SDK (developers.kakao.com, JavaScript SDK v2): the calls the share
# bar makes, recorded where the test can read them.
FAKE_KAKAO_SDK = """
window.kakaoCalls = [];
window.Kakao = {
  _key: null,
  init: function (key) { this._key = key; window.kakaoCalls.push(["init", key]); },
  isInitialized: function () { return this._key !== null; },
  Share: { sendScrap: function (options) { window.kakaoCalls.push(["sendScrap", options.requestUrl]); } }
};
"""


def sorted_directives(value: str) -> str:
    return ", ".join(sorted(part.strip() for part in value.split(",")))


@pytest.mark.django_db
def test_the_article_page_carries_the_tools_and_stays_as_cacheable(
    client, paper, reporter
):
    story = make_article(
        paper.sections["society"],
        title="가람시 새 청사 설계 공모",
        reporters=[reporter],
    )
    response = client.get(f"/news/{story.pk}")
    assert sorted_directives(response["Cache-Control"]) == PUBLIC
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert f"a{story.pk}" in response["xkey"].split()
    text = response.text
    full = f"http://testserver/news/{story.pk}"
    assert (
        f"https://www.facebook.com/sharer/sharer.php?u={quote(full, safe='')}" in text
    )
    assert "https://twitter.com/intent/tweet?url=" in text
    assert "https://band.us/plugin/share?body=" in text
    assert "https://blog.naver.com/openapi/share?url=" in text
    assert f'href="/tips/?article={story.pk}"' in text
    # No script from another site; Kakao's only with a key, and then only on tap.
    assert not re.search(r"<script[^>]+src=\"https?:", text)
    assert "data-kakao-key" not in text
    assert 'media="print"' in text


def new_page(browser, **options):
    # The test's own probes (wait_for_function) are evaluated as strings, which the page's
    # CSP forbids; the share scripts under the CSP are checked in tests/test_csp.py.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="ko-KR",
        bypass_csp=True,
        **options,
    )
    context.set_default_timeout(TIMEOUT)
    return context.new_page()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_share_buttons_in_the_browser(
    live_server, paper, reporter, httpserver, settings
):
    story = make_article(
        paper.sections["society"],
        title="가람시 새 청사 설계 공모",
        reporters=[reporter],
    )
    canonical = f"http://testserver/news/{story.pk}"
    with chromium() as browser:
        # No key: nothing but this site is asked for anything; KakaoTalk copies the link.
        page = new_page(browser, permissions=["clipboard-read", "clipboard-write"])
        hosts = []
        page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
        page.goto(f"{live_server.url}/news/{story.pk}")
        page.wait_for_load_state("networkidle")
        assert set(hosts) == {live_server.url.split("/")[2]}
        page.get_by_role("button", name="링크 복사").click()
        status = page.locator(".share-status")
        status.filter(has_text="기사 주소가 복사되었습니다.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == canonical
        page.get_by_role("button", name="카카오톡").click()
        status.filter(has_text="카카오톡 대화창에 붙여 넣어").wait_for()
        assert set(hosts) == {live_server.url.split("/")[2]}
        assert page.context.cookies() == []

        # A phone: the share sheet (Web Share API) opens with the story.
        phone = new_page(browser)
        phone.add_init_script(
            "window.shared = []; navigator.share = function (data) {"
            " window.shared.push(data); return Promise.resolve(); };"
        )
        phone.goto(f"{live_server.url}/news/{story.pk}")
        phone.get_by_role("button", name="카카오톡").click()
        phone.wait_for_function("window.shared.length === 1")
        assert phone.evaluate("window.shared[0]") == {
            "title": "가람시 새 청사 설계 공모",
            "url": canonical,
        }

        # With the paper's Kakao key: the SDK is fetched only on the tap, then sends the card.
        httpserver.expect_request("/kakao.min.js").respond_with_data(
            FAKE_KAKAO_SDK,
            content_type="text/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        )
        settings.SINMUN_KAKAO_SDK_URL = httpserver.url_for("/kakao.min.js")
        paper.settings.kakao_javascript_key = "0123456789abcdef0123456789abcdef"
        paper.settings.save()
        cache.clear()  # the site settings are cached until saved through the admin
        kakao = new_page(browser)
        kakao.goto(f"{live_server.url}/news/{story.pk}")
        kakao.wait_for_load_state("networkidle")
        assert httpserver.log == []
        kakao.get_by_role("button", name="카카오톡").click()
        kakao.wait_for_function("window.kakaoCalls && window.kakaoCalls.length === 2")
        assert kakao.evaluate("window.kakaoCalls") == [
            ["init", "0123456789abcdef0123456789abcdef"],
            ["sendScrap", canonical],
        ]
        assert len(httpserver.log) == 1


def body_size(page) -> str:
    return page.evaluate(
        "getComputedStyle(document.querySelector('.article-body')).fontSize"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_text_size_is_remembered_on_the_device_and_print_shows_the_story(
    live_server, paper, reporter
):
    story = make_article(
        paper.sections["society"],
        title="가람시 새 청사 설계 공모",
        reporters=[reporter],
        lead_image=make_photo(),
        lead_image_caption="가람시 새 청사 예정지.",
    )
    with chromium() as browser:
        page = new_page(browser)
        first = page.goto(f"{live_server.url}/news/{story.pk}")
        assert sorted_directives(first.headers["cache-control"]) == PUBLIC
        assert body_size(page) == "18px"
        larger = page.get_by_role("button", name="글자 크게")
        larger.click()
        larger.click()
        larger.click()  # past the largest size: stays there
        assert body_size(page) == "22px"
        assert page.evaluate("localStorage.getItem('sinmun.fontSize')") == "5"
        again = page.reload()
        assert body_size(page) == "22px"
        assert sorted_directives(again.headers["cache-control"]) == PUBLIC
        assert page.context.cookies() == []
        page.get_by_role("button", name="글자 작게").click()
        assert body_size(page) == "20px"
        page.get_by_role("button", name="기본 글자 크기").click()
        assert body_size(page) == "18px"
        assert page.evaluate("localStorage.getItem('sinmun.fontSize')") is None

        page.emulate_media(media="print")
        for hidden in (
            ".masthead",
            ".sections-nav",
            ".share-bar",
            ".reading-tools",
            ".article-side",
            ".tip-invite",
            ".site-footer",
        ):
            assert not page.locator(hidden).first.is_visible(), hidden
        for shown in (
            "article h1",
            "article .byline",
            "article .article-body p",
            "article .article-photo img",
            "article .article-photo figcaption",
            "article .copyright-line",
        ):
            assert page.locator(shown).first.is_visible(), shown
        assert (
            "가람시 새 청사 예정지." in page.locator("article figcaption").inner_text()
        )
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF-")
