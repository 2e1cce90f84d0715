"""Keyset listing pages: every story is reachable, the last page is the oldest, no deep OFFSET."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from sinmun.articles.tests.factories import make_article, make_articles
from sinmun.sections import pagination

pytestmark = pytest.mark.django_db

SIZE = 3


@pytest.fixture
def small_pages(settings):
    settings.SINMUN_LISTING_PAGE_SIZE = SIZE


def listed(html: str) -> list[int]:
    listing = html[html.index('class="listing"') :]
    return [int(n) for n in re.findall(r'href="/news/(\d+)"', listing)]


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def offsets(queries) -> list[int]:
    return [
        int(n)
        for q in queries
        for n in re.findall(r"\bOFFSET\s+(\d+)", q["sql"], flags=re.IGNORECASE)
    ]


def test_older_links_walk_every_story_once_newest_first(
    client, paper, reporter, small_pages
):
    stories = make_articles(paper.sections["society"], 10, reporters=[reporter])
    seen, url = [], "/society/"
    while url:
        html = client.get(url).text
        seen += listed(html)
        older = link(html, "next")
        url = f"/society/{older}" if older else None
    assert seen == [s.pk for s in stories]  # make_articles: newest first


def test_last_page_holds_the_oldest_stories_without_offset_or_count(
    client, paper, reporter, small_pages
):
    stories = make_articles(paper.sections["society"], 10, reporters=[reporter])
    first = client.get("/society/").text
    assert link(first, "last") == "?page=last"
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/society/?page=last").text
    assert listed(html) == [s.pk for s in stories[-SIZE:]]
    assert link(html, "next") is None
    assert link(html, "prev") is not None
    assert all(n <= SIZE for n in offsets(queries.captured_queries))
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)


def test_newer_links_walk_back_to_the_first_page(client, paper, reporter, small_pages):
    stories = make_articles(paper.sections["society"], 8, reporters=[reporter])
    html = client.get("/society/?page=last").text
    seen = set(listed(html))
    while (newer := link(html, "prev")) and newer != "./":
        html = client.get(f"/society/{newer}").text
        seen |= set(listed(html))
    seen |= set(listed(client.get("/society/").text))
    assert seen == {s.pk for s in stories}


def test_deep_cursor_uses_no_offset(client, paper, reporter, small_pages):
    stories = make_articles(paper.sections["society"], 9, reporters=[reporter])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/society/?before={stories[5].pk}").text
    assert listed(html) == [s.pk for s in stories[6:9]]
    assert offsets(queries.captured_queries) == []


def test_stories_published_at_the_same_moment_are_not_skipped(
    client, paper, reporter, small_pages
):
    moment = timezone.now() - timedelta(hours=1)
    same = [
        make_article(
            paper.sections["society"], title=f"동시 출고 {n}", published_at=moment
        )
        for n in range(5)
    ]
    seen, url = [], "/society/"
    while url:
        html = client.get(url).text
        seen += listed(html)
        older = link(html, "next")
        url = f"/society/{older}" if older else None
    assert sorted(seen) == sorted(s.pk for s in same)
    assert len(seen) == len(set(seen))


def test_reporter_and_tag_pages_page_the_same_way(client, paper, reporter, small_pages):
    stories = make_articles(
        paper.sections["economy"], 7, reporters=[reporter], tags=["가람천"]
    )
    tag = Tag.objects.get(name="가람천")
    for url in (reporter.get_absolute_url(), f"/tags/{tag.slug}/"):
        html = client.get(url + "?page=last").text
        assert listed(html) == [s.pk for s in stories[-SIZE:]], url
        older = link(client.get(url).text, "next")
        assert listed(client.get(url + older).text) == [s.pk for s in stories[3:6]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, pagination.FIRST),
        ({"page": "1"}, pagination.FIRST),
        ({"page": "abc"}, pagination.FIRST),
        ({"page": "-3"}, pagination.FIRST),
        ({"page": "LAST"}, pagination.Position("last")),
        ({"page": "4"}, pagination.Position("number", 4)),
        ({"page": "999999999"}, pagination.Position("number", 10)),
        ({"before": "42"}, pagination.Position("before", 42)),
        ({"after": "7"}, pagination.Position("after", 7)),
        ({"before": "x"}, pagination.FIRST),
        ({"before": str(2**70)}, pagination.FIRST),
    ],
)
def test_position_from_the_query_string(query, expected):
    assert pagination.position(query) == expected


def test_old_numbered_links_and_unknown_cursors_still_answer(
    client, paper, reporter, small_pages
):
    stories = make_articles(paper.sections["society"], 8, reporters=[reporter])
    assert listed(client.get("/society/?page=2").text) == [s.pk for s in stories[3:6]]
    for junk in ("?before=99999999", "?after=99999999", "?before=%00", "?page=99999"):
        response = client.get(f"/society/{junk}")
        assert response.status_code == 200
