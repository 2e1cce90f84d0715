import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils  # noqa: F401  (documents what assertPageIsRenderable would be)

from sinmun.articles.models import ArticleKind
from sinmun.articles.tests.factories import make_article, make_articles, make_photo
from sinmun.newsroom.tests.factories import ColumnistFactory, ColumnSeriesFactory

pytestmark = pytest.mark.django_db

# Cold caches add the section tree, settings, site paths, private paths and the boxes.
COLD_BUDGET = 20


def news_ids(html: str) -> list[str]:
    return re.findall(r'href="/news/(\d+)"', html)


def test_section_lists_its_stories_and_sub_sections_newest_first(
    client, paper, reporter
):
    now = timezone.now()
    older = make_article(
        paper.sections["society"],
        title="오래된 사회 기사",
        reporters=[reporter],
        published_at=now - timedelta(days=2),
    )
    newer = make_article(
        paper.sections["society/incidents"],
        title="새 사건 기사",
        reporters=[reporter],
        published_at=now,
    )
    make_article(
        paper.sections["economy"], title="경제 기사는 빠진다", reporters=[reporter]
    )
    html = client.get("/society/").text
    assert html.index("새 사건 기사") < html.index("오래된 사회 기사")
    assert "경제 기사는 빠진다" not in html
    assert "사건·사고" in html  # the sub-section link
    assert {str(older.pk), str(newer.pk)} <= set(news_ids(html))


def test_section_is_paginated_and_junk_page_numbers_do_not_fail(
    client, paper, reporter
):
    make_articles(
        paper.sections["society"],
        settings.SINMUN_LISTING_PAGE_SIZE + 3,
        reporters=[reporter],
    )
    first = client.get("/society/")
    second = client.get("/society/?page=2")
    assert len(set(news_ids(first.text))) >= settings.SINMUN_LISTING_PAGE_SIZE
    assert set(news_ids(first.text)).isdisjoint(
        set(news_ids(second.text)) - set(news_ids(first.text)) - set()
    )
    for junk in ("abc", "-1", "0", "999999999", "1e9", "%00"):
        assert client.get(f"/society/?page={junk}").status_code == 200


def test_section_listing_shows_each_story_once(client, paper, reporter):
    make_articles(
        paper.sections["society"], 10, reporters=[reporter], tags=["교통", "버스"]
    )
    html = client.get("/society/").text
    listing = html[html.index('class="listing"') :]
    ids = news_ids(
        listing[: listing.index("</main>")] if "</main>" in listing else listing
    )
    assert len(ids) == len(set(ids))


def test_section_page_query_budget_does_not_grow_with_the_list(
    client, paper, reporter, django_assert_max_num_queries
):
    photo = make_photo()
    make_articles(
        paper.sections["society/incidents"], 25, reporters=[reporter], lead_image=photo
    )
    client.get("/society/incidents/")
    with django_assert_max_num_queries(12):  # steady state: shared caches warm
        response = client.get("/society/incidents/")
    cache.clear()  # the render path, cold: no query per listed story
    with django_assert_max_num_queries(COLD_BUDGET):
        client.get("/society/incidents/")
    assert response.status_code == 200


def test_section_page_is_cacheable(client, paper):
    response = client.get("/society/")
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_reporter_page_lists_their_stories(client, paper, reporter):
    mine = make_article(
        paper.sections["society"], title="박지훈 기자의 기사", reporters=[reporter]
    )
    html = client.get(reporter.get_absolute_url()).text
    assert "박지훈 기자" in html
    assert "jihoon@garamilbo.example" in html
    assert str(mine.pk) in news_ids(html)


def test_columnist_and_series_pages(client, paper):
    columnist = ColumnistFactory(name="윤정희")
    series = ColumnSeriesFactory(title="지방자치 다시 읽기", columnist=columnist)
    column = make_article(
        paper.sections["politics"],
        title="주민참여예산, 숫자보다 과정이다",
        kind=ArticleKind.COLUMN,
        columnist=columnist,
        series=series,
    )
    for url in (columnist.get_absolute_url(), series.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert str(column.pk) in news_ids(response.text)
        assert "public" in response["Cache-Control"]


def test_tag_page_lists_tagged_stories(client, paper, reporter):
    tagged = make_article(
        paper.sections["society"],
        title="태그 달린 기사",
        reporters=[reporter],
        tags=["가람천"],
    )
    make_article(
        paper.sections["society"], title="태그 없는 기사", reporters=[reporter]
    )
    response = client.get("/tags/가람천/")
    assert response.status_code == 200
    assert "태그 달린 기사" in response.text
    assert "태그 없는 기사" not in response.text
    assert str(tagged.pk) in news_ids(response.text)


@pytest.mark.parametrize(
    "url",
    [
        "/reporters/nobody/",
        "/columnists/nobody/",
        "/series/nobody/",
        "/tags/nobody/",
        "/no-such-section/",
    ],
)
def test_unknown_listing_is_a_404_page_with_the_masthead(client, paper, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "가람일보" in response.text
    assert "등록번호" in response.text


@pytest.mark.parametrize("path", ["reporter", "columnist", "series", "tag"])
def test_listing_page_query_budgets(
    client, paper, reporter, django_assert_max_num_queries, path
):
    columnist = ColumnistFactory()
    series = ColumnSeriesFactory(columnist=columnist)
    photo = make_photo()
    for n in range(15):
        make_article(
            paper.sections["society"],
            title=f"기사 {n}",
            reporters=[reporter],
            lead_image=photo,
            tags=["가람천"],
        )
        make_article(
            paper.sections["politics"],
            title=f"칼럼 {n}",
            kind=ArticleKind.COLUMN,
            columnist=columnist,
            series=series,
            lead_image=photo,
        )
    url = {
        "reporter": reporter.get_absolute_url(),
        "columnist": columnist.get_absolute_url(),
        "series": series.get_absolute_url(),
        "tag": "/tags/가람천/",
    }[path]
    client.get(url)
    with django_assert_max_num_queries(12):  # steady state: shared caches warm
        response = client.get(url)
    cache.clear()  # the render path, cold: no query per listed story
    with django_assert_max_num_queries(COLD_BUDGET):
        client.get(url)
    assert response.status_code == 200
