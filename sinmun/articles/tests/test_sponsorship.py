"""Advertorials (기사형 광고) and sponsored stories (협찬): never passed off as reporting.

신문법 제6조 ③ wants an advertisement told apart from an article; readers see the label on
cards, at the head and by the byline, machines in the JSON-LD, and neither the most-read
box nor the weekly origin report counts them.
"""

import json
import re
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError

from sinmun.articles import selectors
from sinmun.articles.models import ArticleOrigin, ReadCount, Sponsorship
from sinmun.articles.selectors import KST
from sinmun.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    return json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )


@pytest.fixture
def advertorial(paper, reporter):
    return make_article(
        paper.sections["economy"],
        title="가람시 전통시장, 겨울 할인 대축제 연다",
        reporters=[reporter],
        sponsorship=Sponsorship.ADVERTORIAL,
        sponsor="가람시 상인연합회",
    )


@pytest.fixture
def sponsored(paper, reporter):
    return make_article(
        paper.sections["society"],
        title="가람천 생태 탐방기",
        reporters=[reporter],
        sponsorship=Sponsorship.SPONSORED,
        sponsor="가람시",
    )


def test_advertorial_is_labelled_at_its_head_and_above_its_byline(client, advertorial):
    html = client.get(advertorial.url).content.decode()
    head = re.search(r'<h1 class="article-title">.*?</h1>', html, re.S).group(0)
    assert '<span class="flag flag-sponsored">기사형 광고</span>' in head
    body = html[html.index('<div class="article-body">') :]
    notice = (
        "이 글은 가람시 상인연합회의 기사형 광고로, 편집국이 취재한 기사가 아닙니다."
    )
    assert notice in body
    assert body.index(notice) < body.index('class="byline"')


def test_advertorial_is_advertiser_content_in_structured_data(client, advertorial):
    data = json_ld(client.get(advertorial.url).content.decode())
    assert data["@type"] == "AdvertiserContentArticle"
    assert data["sponsor"] == {"@type": "Organization", "name": "가람시 상인연합회"}


def test_sponsored_story_stays_news_but_names_its_sponsor(client, sponsored):
    html = client.get(sponsored.url).content.decode()
    assert "이 기사는 가람시의 협찬으로 제작됐습니다." in html
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["sponsor"]["name"] == "가람시"


def test_cards_and_headline_lists_carry_the_label(
    client, paper, advertorial, sponsored
):
    section = client.get(paper.sections["economy"].url).content.decode()
    card = re.search(
        r'<h([23]) class="card-title">.*?가람시 전통시장.*?</h\1>', section, re.S
    ).group(0)
    assert 'flag-sponsored">기사형 광고</span>' in card
    front = client.get("/").content.decode()
    assert re.search(r'flag-sponsored">협찬</span> ?가람천 생태 탐방기', front)


def test_plain_story_has_no_label_or_sponsor(client, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    html = client.get(story.url).content.decode()
    assert "flag-sponsored" not in html
    assert "sponsorship-notice" not in html
    assert "sponsor" not in json_ld(html)


def test_sponsorship_needs_a_named_sponsor(paper):
    story = make_article(paper.sections["society"], publish=False)
    story.sponsorship = Sponsorship.SPONSORED
    story.sponsor = "  "
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "광고주나 협찬사를 적어 주세요" in str(error.value)


def test_paid_stories_never_reach_the_most_read_box(paper, reporter, advertorial):
    story = make_article(paper.sections["society"], title="시내버스 개편")
    for article, reads in ((advertorial, 500), (story, 3)):
        ReadCount.objects.create(
            article=article, day=datetime.now(KST).date(), count=reads
        )
    assert [a.pk for a in selectors.most_read_articles()] == [story.pk]


def test_paid_stories_are_left_out_of_the_origin_report(paper):
    when = datetime(2026, 11, 24, 9, 0, tzinfo=KST)
    society = paper.sections["society"]
    make_article(
        society, title="자체 기사", origin=ArticleOrigin.OWN, published_at=when
    )
    make_article(
        society, title="보도자료", origin=ArticleOrigin.PRESS_RELEASE, published_at=when
    )
    for n in range(3):
        make_article(
            society,
            title=f"협찬 {n}",
            origin=ArticleOrigin.OWN,
            sponsorship=Sponsorship.SPONSORED,
            sponsor="가람시",
            published_at=when,
        )
    week = selectors.origin_weeks(now=datetime(2026, 11, 25, 12, 0, tzinfo=KST))[0]
    assert (week.total, week.own) == (2, 1)
