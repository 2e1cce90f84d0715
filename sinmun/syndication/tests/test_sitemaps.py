from datetime import timedelta
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from lxml import etree

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article, make_articles
from sinmun.syndication.tests.conftest import MARKER

DATA = Path(__file__).parent / "data"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(DATA / name)))


def fetch(client, url, xsd):
    response = client.get(url)
    assert response.status_code == 200, url
    doc = etree.fromstring(response.content)
    validator = schema(xsd)
    assert validator.validate(doc), (url, validator.error_log)
    return response, doc


def locs(doc):
    return doc.xpath("//sm:loc/text()", namespaces=NS)


@override_settings(SINMUN_SITEMAP_LIMIT=2)
def test_index_lists_paginated_article_sitemaps_and_all_validate(
    client, paper, reporter
):
    articles = make_articles(paper.sections["society"], 5, reporters=[reporter])
    _, index = fetch(client, "/sitemap.xml", "siteindex.xsd")
    sitemaps = locs(index)
    assert "http://testserver/sitemap-articles.xml" in sitemaps
    assert "http://testserver/sitemap-articles.xml?p=3" in sitemaps
    assert "http://testserver/sitemap-sections.xml" in sitemaps
    assert "http://testserver/sitemap-reporters.xml" in sitemaps
    found = []
    for url in sitemaps:
        _, doc = fetch(client, url.removeprefix("http://testserver"), "sitemap.xsd")
        found += locs(doc)
    for article in articles:
        assert f"http://testserver/news/{article.pk}" in found
    assert "http://testserver/society/incidents/" in found
    assert f"http://testserver{reporter.get_absolute_url()}" in found


def test_news_sitemap_holds_the_last_two_days_with_kst_dates(client, paper, reporter):
    fresh = make_article(paper.sections["society"], title="가람시 오늘의 소식")
    old = make_article(
        paper.sections["society"],
        title="지난주 소식",
        published_at=timezone.now() - timedelta(days=3),
    )
    _, doc = fetch(client, "/sitemap-news.xml", "sitemap-with-news.xsd")
    urls = locs(doc)
    assert f"http://testserver/news/{fresh.pk}" in urls
    assert f"http://testserver/news/{old.pk}" not in urls
    news = doc.xpath("//news:news", namespaces=NS)[0]
    assert news.findtext("news:publication/news:name", namespaces=NS) == "가람일보"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "ko"
    assert news.findtext("news:title", namespaces=NS) == "가람시 오늘의 소식"
    date = news.findtext("news:publication_date", namespaces=NS)
    assert date.endswith("+09:00")
    assert date == timezone.localtime(fresh.first_published_at).isoformat(
        timespec="seconds"
    )


def test_news_sitemap_is_capped_at_a_thousand(client, paper):
    from sinmun.syndication import selectors

    make_articles(paper.sections["society"], 3)
    assert len(selectors.news_sitemap_articles()) == 3
    selectors_max = selectors.NEWS_SITEMAP_MAX
    assert selectors_max == 1000


def test_news_sitemap_with_a_nasty_headline_still_parses(client, nasty):
    _, doc = fetch(client, "/sitemap-news.xml", "sitemap-with-news.xsd")
    title = doc.xpath("//news:title/text()", namespaces=NS)[0]
    assert title == "가람시 의회 예산 통과 ]]> <&> “확정”"


def test_empty_news_sitemap_is_well_formed(client, paper):
    doc = etree.fromstring(client.get("/sitemap-news.xml").content)
    assert doc.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-sections.xml",
        "/sitemap-reporters.xml",
        "/sitemap-news.xml",
    ],
)
def test_drafts_and_scheduled_stories_are_absent_from_sitemaps(client, hidden, url):
    make_article(hidden[0].get_parent(), title="공개 기사")
    response = client.get(url)
    assert response.status_code == 200
    assert MARKER not in response.text
    for page in hidden:
        assert f"/news/{page.pk}<" not in response.text


def test_robots_txt_points_at_both_sitemaps(client, paper):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/sitemap-news.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /search/" in text
    assert "public" in response["Cache-Control"]


def test_sitemap_query_budget(client, paper, reporter, django_assert_max_num_queries):
    make_articles(paper.sections["society"], 25, reporters=[reporter])
    for url in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-news.xml"):
        client.get(url)
    with django_assert_max_num_queries(8):
        client.get("/sitemap.xml")
    with django_assert_max_num_queries(4):
        client.get("/sitemap-articles.xml")
    with django_assert_max_num_queries(4):
        client.get("/sitemap-reporters.xml")
    with django_assert_max_num_queries(3):
        client.get("/sitemap-news.xml")
    assert ArticlePage.objects.count() == 25
