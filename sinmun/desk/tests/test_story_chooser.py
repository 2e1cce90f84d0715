"""Choosing a story for the front page or a tip (issue 21, item 5): the newest stories first,
searched in Korean as the reader search reads it."""

import re
import unicodedata
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sinmun.articles.tests.factories import make_article
from sinmun.desk import services
from sinmun.desk.tests.factories import make_user

pytestmark = pytest.mark.django_db

CHOOSE = reverse("story_chooser:choose")
RESULTS = reverse("story_chooser:choose_results")


def titles(html: str) -> list[str]:
    """The story headlines listed in the chooser, top to bottom."""
    return [
        re.sub(r"\s+", " ", t).strip()
        for t in re.findall(r"data-chooser-modal-choice[^>]*>(.*?)</a>", html, re.S)
    ]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def stories(paper, django_capture_on_commit_callbacks):
    now = timezone.now()
    society, politics = paper.sections["society"], paper.sections["politics"]
    with django_capture_on_commit_callbacks(execute=True):  # the search-index task
        made = {
            "old": make_article(
                politics,
                title="지난해 시의회 예산 심사 마무리",
                published_at=now - timedelta(days=400),
            ),
            "festival": make_article(
                society,
                title="가람시 빛축제 개막, 강변에 십만 명",
                published_at=now - timedelta(hours=3),
            ),
            "bus": make_article(
                politics,
                title="시내버스 노선 18개 조정",
                published_at=now - timedelta(hours=1),
            ),
            "draft": make_article(
                society, title="[엠바고] 빛축제 예산 내역", publish=False
            ),
        }
    return made


@pytest.fixture
def chief(client):
    client.force_login(make_user("chief", services.CHIEF))
    return client


def test_the_front_page_pins_choose_with_the_story_chooser(chief, paper):
    html = chief.get(reverse("wagtailadmin_pages:edit", args=[paper.home.pk])).text
    assert CHOOSE in html
    assert reverse("wagtailadmin_choose_page") not in html


def test_it_opens_on_the_newest_stories_with_section_status_and_time(chief, stories):
    response = chief.get(CHOOSE)
    assert response.status_code == 200
    html = response.json()["html"]
    assert titles(html) == [
        "[엠바고] 빛축제 예산 내역",
        "시내버스 노선 18개 조정",
        "가람시 빛축제 개막, 강변에 십만 명",
        "지난해 시의회 예산 심사 마무리",
    ]
    listed = text(html)
    assert "기사 선택" in listed
    for shown in ("작성 중", "출고", "정치", "사회"):
        assert shown in listed
    bus_time = timezone.localtime(stories["bus"].first_published_at)
    assert bus_time.strftime("%m.%d %H:%M") in listed
    old_time = timezone.localtime(stories["old"].first_published_at)
    assert old_time.strftime("%Y.%m.%d %H:%M") in listed
    assert "Root" not in listed


@pytest.mark.parametrize(
    "query",
    [
        "빛축제",
        "빛축제가",  # a particle: the reader search's reading (Kiwi)
        "빛축",  # a word still being typed
        unicodedata.normalize("NFD", "빛축제를"),  # decomposed Hangul from a Mac
    ],
)
def test_korean_search_finds_the_story(chief, stories, query):
    response = chief.get(RESULTS, {"q": query})
    assert response.status_code == 200
    found = titles(response.text)
    assert "가람시 빛축제 개막, 강변에 십만 명" in found
    assert "시내버스 노선 18개 조정" not in found
    assert "검색 결과" in text(response.text)


def test_a_story_not_yet_published_is_found_by_its_headline(chief, stories):
    found = titles(chief.get(RESULTS, {"q": "엠바고"}).text)
    assert found == ["[엠바고] 빛축제 예산 내역"]


def test_the_section_filter_keeps_its_stories(chief, stories, paper):
    response = chief.get(RESULTS, {"section": paper.sections["politics"].pk})
    assert titles(response.text) == [
        "시내버스 노선 18개 조정",
        "지난해 시의회 예산 심사 마무리",
    ]


@pytest.mark.parametrize(
    "query", ["x" * 100_000, "'; DROP TABLE wagtailcore_page; --", "\x00빛축제", "*"]
)
def test_hostile_queries_answer_in_korean(chief, stories, query):
    response = chief.get(RESULTS, {"q": query})
    assert response.status_code == 200
    assert "Sorry" not in response.text


def test_choosing_returns_the_story(chief, stories):
    story = stories["festival"]
    response = chief.get(reverse("story_chooser:chosen", args=[story.pk]))
    result = response.json()["result"]
    assert result["id"] == str(story.pk)
    assert result["title"] == story.title
    assert result["edit_url"] == reverse("wagtailadmin_pages:edit", args=[story.pk])


def test_a_reporter_sees_published_stories_and_their_own_drafts(client, paper, stories):
    reporter = make_user("jihoon", services.REPORTER)
    mine = make_article(
        paper.sections["society"], title="내 초고: 강변 주차난", publish=False
    )
    mine.owner = reporter
    mine.save(update_fields=["owner"])
    client.force_login(reporter)
    found = titles(client.get(CHOOSE).json()["html"])
    assert "내 초고: 강변 주차난" in found
    assert "시내버스 노선 18개 조정" in found
    assert "[엠바고] 빛축제 예산 내역" not in found
    searched = titles(client.get(RESULTS, {"q": "엠바고"}).text)
    assert searched == []


def test_the_list_costs_the_same_queries_for_more_stories(
    chief, paper, stories, django_assert_max_num_queries
):
    chief.get(CHOOSE)
    with django_assert_max_num_queries(40) as few:
        chief.get(CHOOSE)
    for n in range(6):
        make_article(paper.sections["economy"], title=f"항만 물동량 {n}월 집계")
    with django_assert_max_num_queries(40) as many:
        html = chief.get(CHOOSE).json()["html"]
    assert len(titles(html)) == 10
    assert len(many.captured_queries) == len(few.captured_queries)
