"""Article sitemaps page by story id range; the index splits past its protocol limit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from sinmun.articles.tests.factories import make_articles

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locs(response) -> list[str]:
    return etree.fromstring(response.content).xpath("//sm:loc/text()", namespaces=NS)


def test_each_story_is_on_exactly_one_page_read_by_id_range(client, paper, settings):
    settings.SINMUN_SITEMAP_LIMIT = 3
    stories = make_articles(paper.sections["society"], 8)
    index = locs(client.get("/sitemap.xml"))
    pages = [u for u in index if "/sitemap-articles.xml" in u]
    assert len(pages) == 3  # ids are consecutive here: 8 stories, 3 a page
    found = []
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200
        urls = locs(response)
        assert len(urls) <= 3
        found += urls
        sql = " ".join(q["sql"] for q in queries.captured_queries).upper()
        assert "OFFSET" not in sql
        assert "COUNT(" not in sql
    expected = [
        f"http://testserver/news/{s.pk}" for s in sorted(stories, key=lambda s: s.pk)
    ]
    assert found == expected
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


def test_the_index_itself_is_paged_past_its_limit(client, paper, settings):
    settings.SINMUN_SITEMAP_LIMIT = 1
    settings.SINMUN_SITEMAP_INDEX_LIMIT = 4
    make_articles(
        paper.sections["society"], 6
    )  # 6 article pages + sections + reporters
    first = locs(client.get("/sitemap.xml"))
    second = locs(client.get("/sitemap.xml?p=2"))
    assert len(first) == len(second) == 4
    assert set(first).isdisjoint(second)
    assert client.get("/sitemap.xml?p=9").status_code == 404
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    robots = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml\n" in robots
    assert "Sitemap: http://testserver/sitemap.xml?p=2" in robots
    assert "sitemap.xml?p=3" not in robots
