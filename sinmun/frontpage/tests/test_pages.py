import re

import pytest
from django.core.cache import cache

from sinmun.articles.tests.factories import make_article
from sinmun.core.templatetags.core_tags import dateline

pytestmark = pytest.mark.django_db

# Cold caches add the section tree, settings, site paths, private paths and the boxes.
COLD_BUDGET = 20


def news_ids(html: str) -> list[str]:
    return re.findall(r'<a href="/news/(\d+)"', html)


def test_front_page_shows_masthead_date_line_sections_and_footer(client, busy_paper):
    html = client.get("/").text
    assert dateline() in html
    for title in ("정치", "경제", "사회"):
        assert f">{title}</a>" in html
    for particular in (
        "가람 아00000",
        "한가람",
        "서동현",
        "정하늘",
        "가람시 중앙로 100",
        "000-000-0000",
        "2009.03.02",
    ):
        assert particular in html


def test_front_page_has_every_box(client, busy_paper):
    html = client.get("/").text
    for box in ("최신 기사", "많이 본 뉴스", "칼럼"):
        assert box in html
    assert "card-lead" in html
    assert html.count("card-main") >= 4
    assert "section-block" in html


def test_front_page_shows_each_story_once(client, busy_paper):
    ids = news_ids(client.get("/").text)
    assert len(ids) > 20
    assert len(ids) == len(set(ids))


def test_front_page_previews_end_cleanly(client, busy_paper):
    html = client.get("/").text
    previews = re.findall(r'<p class="card-preview">(.*?)</p>', html, re.S)
    assert previews
    for preview in previews:
        assert preview.endswith("…") or preview.endswith(".")


def test_front_page_query_budget(client, busy_paper, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(12):  # steady state: shared caches warm
        response = client.get("/")
    cache.clear()  # the render path, cold: no query per listed story
    with django_assert_max_num_queries(COLD_BUDGET):
        client.get("/")
    assert response.status_code == 200


def test_front_page_is_cacheable_and_sets_no_cookie(client, busy_paper):
    response = client.get("/")
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_unpublished_stories_are_absent_everywhere(client, paper, reporter):
    draft = make_article(
        paper.sections["society"],
        title="초안 기사 표식ZX",
        reporters=[reporter],
        publish=False,
    )
    for url in ("/", "/society/", reporter.get_absolute_url()):
        assert "초안 기사 표식ZX" not in client.get(url).text
    assert client.get(f"/news/{draft.pk}").status_code == 404
