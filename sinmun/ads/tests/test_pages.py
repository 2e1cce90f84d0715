"""Ad slots on reader pages: labelled 광고, outside what machines read, cacheable, counted."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from sinmun.ads.models import AdDay, AdKind, AdNetwork
from sinmun.ads.tests.factories import make_ad, slot
from sinmun.articles.tests.factories import make_article, make_photo, paragraphs
from sinmun.core import edge

pytestmark = pytest.mark.django_db

LONG_BODY = paragraphs(
    *(f"가람시 {n}번째 문단이다. 시의회가 예산안을 심사했다." for n in range(6))
)


@pytest.fixture
def story(paper, reporter):
    return make_article(
        paper.sections["society"],
        title="가람시의회, 내년 예산안 심사 착수",
        reporters=[reporter],
        body=LONG_BODY,
    )


def article_element(html: str) -> str:
    return re.search(r"<article class=\"article\".*?</article>", html, re.S).group(0)


def test_every_slot_shows_its_house_ad_labelled_as_an_ad(client, paper, story):
    for position in ("masthead", "article_inline", "side", "section_top"):
        make_ad(position, name=position, text=f"{position} 자사 광고")
    article = client.get(story.url).content.decode()
    section = client.get(paper.sections["society"].url).content.decode()
    front = client.get("/").content.decode()
    for html, positions in (
        (article, ("masthead", "article_inline", "side")),
        (section, ("masthead", "section_top")),
        (front, ("masthead", "side")),
    ):
        for position in positions:
            block = re.search(
                rf'<aside class="ad-slot ad-{position} .*?</aside>', html, re.S
            ).group(0)
            assert 'aria-label="광고"' in block
            assert '<p class="ad-label">광고</p>' in block
            assert f"{position} 자사 광고" in block


def test_ads_stay_out_of_the_article_element_feeds_and_json_ld(client, paper, story):
    make_ad("article_inline", text="인라인 자사 광고")
    make_ad("masthead", text="마스트헤드 광고")
    html = client.get(story.url).content.decode()
    assert "인라인 자사 광고" in html
    element = article_element(html)
    assert "광고" not in element
    assert "ad-slot" not in element
    json_ld = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    assert "광고" not in json_ld
    feed = client.get("/rss/").content.decode()
    assert "자사 광고" not in feed
    assert "/ad/" not in feed
    # The in-article ad is anchored under paragraph 3 (the slot's default) by CSS.
    assert 'data-ad-after="3"' in html


def test_short_story_shows_the_inline_ad_after_the_article(client, paper, reporter):
    short = make_article(paper.sections["society"], body=paragraphs("한 문단이다."))
    make_ad("article_inline")
    html = client.get(short.url).content.decode()
    assert "data-ad-after" not in html
    assert html.index("</article>") < html.index('class="ad-slot ad-article_inline')


def test_page_with_ads_stays_as_cacheable_with_the_ads_key(client, paper, story):
    plain = client.get(story.url)
    make_ad("masthead")
    with_ads = client.get(story.url)
    assert with_ads["Cache-Control"] == plain["Cache-Control"]
    assert not with_ads.cookies
    assert edge.ADS in with_ads[edge.KEY_HEADER].split()


def test_section_targeted_ad_shows_only_in_that_section(client, paper, story):
    politics = paper.sections["politics"]
    make_ad("masthead", text="정치면 광고", sections=[politics.specific])
    assert "정치면 광고" in client.get(politics.url).content.decode()
    assert "정치면 광고" not in client.get(story.url).content.decode()
    assert "정치면 광고" not in client.get("/").content.decode()


def test_society_target_reaches_its_subsections_stories(client, paper, reporter):
    fire = make_article(paper.sections["society/incidents"], title="중앙시장 화재")
    make_ad(
        "masthead", text="사회면 광고", sections=[paper.sections["society"].specific]
    )
    assert "사회면 광고" in client.get(fire.url).content.decode()


def test_weighted_ads_are_all_sent_for_the_browser_to_pick(client, paper, story):
    light = make_ad("side", name="가벼운", text="가벼운 광고", weight=10)
    heavy = make_ad("side", name="무거운", text="무거운 광고", weight=30)
    html = client.get(story.url).content.decode()
    side = re.search(r'<aside class="ad-slot ad-side .*?</aside>', html, re.S).group(0)
    assert f'data-ad="{light.pk}" data-weight="10"' in side
    assert f'data-ad="{heavy.pk}" data-weight="30"' in side
    # Without the script the heaviest shows; the lighter one waits hidden.
    assert re.search(rf'data-ad="{light.pk}"[^>]*hidden>', side)
    assert not re.search(rf'data-ad="{heavy.pk}"[^>]*hidden>', side)


def test_ad_outside_its_dates_is_not_sent_and_the_page_ends_with_the_next_change(
    client, paper, story
):
    now = timezone.now()
    make_ad(
        "masthead",
        text="지난 광고",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=1),
    )
    make_ad("masthead", text="지금 광고", ends_at=now + timedelta(minutes=10))
    make_ad("side", text="다음 광고", starts_at=now + timedelta(minutes=5))
    with time_machine.travel(now, tick=False):
        response = client.get(story.url)
    html = response.content.decode()
    assert "지금 광고" in html
    assert "지난 광고" not in html
    assert "다음 광고" not in html
    # The edge lets go of the page when the next ad starts, five minutes on.
    assert response[edge.EDGE_CONTROL_HEADER] == "max-age=300"
    with time_machine.travel(now + timedelta(minutes=6), tick=False):
        assert "다음 광고" in client.get(story.url).content.decode()


def test_network_ad_sends_only_its_identifiers(client, paper, story):
    make_ad(
        "side",
        kind=AdKind.NETWORK,
        network=AdNetwork.ADFIT,
        network_unit_id="DAN-a1b2c3d4e5",
    )
    make_ad(
        "masthead",
        kind=AdKind.NETWORK,
        network=AdNetwork.ADSENSE,
        network_publisher_id="ca-pub-1234567890123456",
        network_unit_id="9876543210",
    )
    html = client.get(story.url).content.decode()
    assert 'class="kakao_ad_area" data-ad-unit="DAN-a1b2c3d4e5"' in html
    assert 'data-ad-width="300" data-ad-height="250"' in html
    assert 'data-ad-client="ca-pub-1234567890123456" data-ad-slot="9876543210"' in html
    # No network script in the served page: ads.js loads one only for the ad it picks.
    assert "<script async" not in html
    assert "daumcdn" not in html.split("data-script=")[0]


def test_image_ad_links_through_the_click_counter(client, paper, story):
    photo = make_photo(title="축제 배너")
    ad = make_ad(
        "masthead",
        kind=AdKind.IMAGE,
        image=photo,
        alt_text="가람 축제 10월 3일 개막",
        text="",
        link_url="https://festival.garam.example/",
    )
    html = client.get(story.url).content.decode()
    assert f'href="/ad/{ad.pk}/click" rel="sponsored noopener"' in html
    assert 'width="728" height="90" alt="가람 축제 10월 3일 개막"' in html


def test_click_counts_per_day_and_redirects_without_a_cookie(client, paper):
    ad = make_ad("masthead", link_url="https://festival.garam.example/")
    for _ in range(3):
        response = client.get(f"/ad/{ad.pk}/click")
    assert response.status_code == 302
    assert response["Location"] == "https://festival.garam.example/"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    row = AdDay.objects.get(ad=ad)
    assert (row.day, row.clicks, row.impressions) == (timezone.localdate(), 3, 0)


def test_click_on_an_unknown_ad_is_a_404(client, paper):
    assert client.get("/ad/999999/click").status_code == 404


def test_view_beacon_counts_each_shown_ad_once(client, paper):
    one, two = make_ad("masthead"), make_ad("side")
    beacon = Client()
    response = beacon.post(
        "/ad/views",
        f"ids={one.pk},{two.pk},{two.pk},424242",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 204
    assert not response.cookies
    beacon.post("/ad/views", {"ids": str(one.pk)})
    counts = dict(AdDay.objects.values_list("ad_id", "impressions"))
    assert counts == {one.pk: 2, two.pk: 1}


@pytest.mark.parametrize("body", ["ids=", "ids=abc", "ids=-4", "ids=1;drop"])
def test_view_beacon_rejects_junk_clearly(client, paper, body):
    response = client.post(
        "/ad/views", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "쉼표" in response.content.decode()
    assert not AdDay.objects.exists()


def test_ads_do_not_change_the_steady_state_query_count(
    client, paper, story, django_assert_max_num_queries
):
    for position in ("masthead", "article_inline", "side"):
        make_ad(position)
    client.get(story.url)
    with django_assert_max_num_queries(12):
        assert client.get(story.url).status_code == 200


def test_json_ld_is_still_valid_json(client, paper, story):
    make_ad("masthead")
    html = client.get(story.url).content.decode()
    json_ld = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    assert json.loads(json_ld)["@type"] == "NewsArticle"


def test_switched_off_slot_shows_nothing(client, paper, story):
    make_ad("masthead", text="꺼진 자리 광고")
    masthead = slot("masthead")
    masthead.is_active = False
    masthead.save()
    assert "꺼진 자리 광고" not in client.get(story.url).content.decode()
