"""The page frame (masthead, sections bar, footer, ticker) is kept once and never outlives what it shows."""

import re

import pytest

from sinmun.articles.tests.factories import make_article
from sinmun.frontpage.tests.factories import add_section
from sinmun.weather import selectors as weather
from sinmun.weather.tests.factories import observe, this_hour

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    match = re.search(r'<nav class="sections-nav".*?</nav>', html, re.S)
    assert match, "the page has no sections bar"
    return match.group(0)


def current_section(html: str) -> str | None:
    match = re.search(r'<li class="is-current"><a href="[^"]*">([^<]+)</a>', nav(html))
    return match.group(1) if match else None


def test_each_section_marks_itself_in_the_kept_sections_bar(client, paper):
    politics = make_article(paper.sections["politics"], title="시의회 예산 심사 시작")
    society = make_article(paper.sections["society"], title="가람천 산책로 새단장")
    for _ in range(2):  # the second round is served from the kept copies
        assert current_section(client.get(politics.permalink_path).text) == "정치"
        assert current_section(client.get(society.permalink_path).text) == "사회"
        assert current_section(client.get("/").text) is None


def test_a_new_section_shows_in_the_bar_at_once(client, paper):
    client.get("/")
    add_section(paper.home, title="스포츠", slug="sports")
    assert '<a href="/sports/">스포츠</a>' in nav(client.get("/").text)


def test_changed_particulars_show_in_the_footer_at_once(client, paper):
    assert "000-000-0000" in client.get("/politics/").text
    paper.settings.phone = "043-000-1234"
    paper.settings.save()
    html = client.get("/politics/").text
    assert "043-000-1234" in html
    assert "000-000-0000" not in html


def test_new_observations_show_in_the_ticker_and_the_page_keeps_the_weather_key(
    client, paper
):
    hour = this_hour()
    observe(98, hour, 12.0, "맑음")
    first = client.get("/economy/")
    assert "12.0℃" in first.text
    assert "weather" in first["xkey"].split()

    observe(105, hour, 15.5, "흐림")
    weather.forget_ticker()  # what fetch_weather does after storing observations
    again = client.get("/economy/")
    assert "15.5℃" in again.text
    assert "weather" in again["xkey"].split()


def test_each_story_keeps_its_own_side_boxes(client, paper):
    first = make_article(paper.sections["society"], title="가람역 환승센터 착공")
    second = make_article(paper.sections["society"], title="가람시립도서관 야간 개관")
    for _ in range(2):
        first_boxes = client.get(first.permalink_path).text.split(
            'class="article-side"'
        )[1]
        second_boxes = client.get(second.permalink_path).text.split(
            'class="article-side"'
        )[1]
        # A story is not listed beside itself, but beside the other story.
        assert "가람역 환승센터 착공" not in first_boxes
        assert "가람역 환승센터 착공" in second_boxes
        assert "가람시립도서관 야간 개관" not in second_boxes
        assert "가람시립도서관 야간 개관" in first_boxes
