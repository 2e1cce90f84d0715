import feedparser
import lxml.html
import pytest
from django.utils import timezone

from sinmun.articles.tests.factories import make_article, make_articles
from sinmun.syndication.tests.conftest import MARKER


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    return response, feed


def test_paper_feed_lists_stories_with_stable_guid_kst_date_and_byline(
    client, paper, reporter
):
    article = make_article(
        paper.sections["society"],
        title="가람시, 시내버스 노선 18개 조정",
        reporters=[reporter],
    )
    response, feed = parse(client, "/rss/")
    assert feed.version == "rss20"
    assert feed.feed.title == "가람일보"
    entry = feed.entries[0]
    assert entry.title == "가람시, 시내버스 노선 18개 조정"
    assert entry.link == f"http://testserver/news/{article.pk}"
    assert entry.id == entry.link
    assert entry.published.endswith("+0900")
    assert entry.author == "박지훈"
    assert [t.term for t in entry.tags] == ["사회"]
    assert entry.summary.startswith("가람시는 26일")
    assert b'isPermaLink="true"' in response.content


def test_feed_guid_does_not_change_when_a_story_is_updated(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    before = parse(client, "/rss/")[1].entries[0].id
    article.title = "가람시, 시내버스 노선 20개 조정"
    article.save_revision().publish()
    entry = parse(client, "/rss/")[1].entries[0]
    assert entry.title == "가람시, 시내버스 노선 20개 조정"
    assert entry.id == before


def test_feed_holds_the_latest_thirty(client, paper, reporter):
    make_articles(paper.sections["economy"], 32, reporters=[reporter])
    _, feed = parse(client, "/rss/")
    assert len(feed.entries) == 30
    assert feed.entries[0].title.endswith("0번째: 읍면 순회 간담회")


def test_section_feed_includes_sub_sections(client, paper, reporter):
    make_article(paper.sections["society/incidents"], title="가람교 추돌 사고")
    make_article(paper.sections["economy"], title="가람시 물가 동향")
    _, feed = parse(client, "/rss/society/")
    assert [e.title for e in feed.entries] == ["가람교 추돌 사고"]
    assert feed.feed.title == "사회 | 가람일보"
    _, feed = parse(client, "/rss/society/incidents/")
    assert [e.title for e in feed.entries] == ["가람교 추돌 사고"]
    assert client.get("/rss/no-such-section/").status_code == 404


def test_reporter_feed(client, paper, reporter):
    make_article(
        paper.sections["economy"], title="박 기자의 기사", reporters=[reporter]
    )
    make_article(paper.sections["economy"], title="다른 기사")
    _, feed = parse(client, f"/rss/reporters/{reporter.slug}/")
    assert [e.title for e in feed.entries] == ["박 기자의 기사"]
    assert client.get("/rss/reporters/nobody/").status_code == 404


def test_control_characters_and_cdata_end_in_a_headline_never_break_a_feed(
    client, nasty
):
    _, feed = parse(client, "/rss/")
    assert feed.entries[0].title == "가람시 의회 예산 통과 ]]> <&> “확정”"


@pytest.mark.parametrize(
    "url", ["/rss/", "/rss/society/", "/rss/reporters/park-jihoon/"]
)
def test_drafts_and_scheduled_stories_are_absent_from_feeds(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200
    assert MARKER not in response.text


def test_feed_is_publicly_cacheable(client, paper):
    cache_control = client.get("/rss/")["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage" in cache_control


def test_feed_query_budget(client, paper, reporter, django_assert_max_num_queries):
    make_articles(paper.sections["society"], 30, reporters=[reporter])
    client.get("/rss/")
    with django_assert_max_num_queries(4):
        client.get("/rss/")
    with django_assert_max_num_queries(5):
        client.get("/rss/society/")


def test_pages_announce_their_feeds(client, paper, reporter):
    home = client.get("/").text
    assert 'type="application/rss+xml"' in home
    assert 'href="/rss/"' in home
    section = client.get("/society/incidents/").text
    assert 'href="/rss/society/incidents/"' in section
    reporter_page = client.get(reporter.get_absolute_url()).text
    assert f'href="/rss/reporters/{reporter.slug}/"' in reporter_page


def test_pub_date_is_korea_time(client, paper):
    article = make_article(paper.sections["society"])
    _, feed = parse(client, "/rss/")
    local = timezone.localtime(article.first_published_at)
    assert feed.entries[0].published == local.strftime("%a, %d %b %Y %H:%M:%S +0900")


def as_html(markup: str) -> tuple[str, list[str]]:
    """What a browser shows for `markup`, and the tags it would build."""
    fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    return fragment.text_content(), [el.tag for el in fragment.iterdescendants()]


def test_markup_in_a_headline_and_summary_reaches_feed_readers_as_text(
    client, paper, reporter
):
    """RSS readers read description (and often title) as HTML: reporter text is escaped
    for that reading, so `<b>` and `&` show as typed and never become markup."""
    title = "시의회 <b>예산</b> 삭감 & 조례 개정"
    summary = '<img src=x onerror="alert(1)"> 주민 & 시의원 <i>갈등</i>'
    make_article(
        paper.sections["society"], title=title, summary=summary, reporters=[reporter]
    )
    response, feed = parse(client, "/rss/")
    entry = feed.entries[0]
    # feedparser hands a reader the title and summary as HTML; rendered, they are the
    # reporter's text, with no element in them.
    assert entry.title_detail.type == "text/html"
    assert as_html(entry.title) == (title, [])
    assert as_html(entry.summary) == (summary, [])
    body = response.content.decode()
    assert "<b>" not in body
    assert "&lt;b&gt;" not in body  # one XML decoding must not leave markup
    assert "&amp;lt;b&gt;예산&amp;lt;/b&gt; 삭감 &amp; 조례" in body
    assert "&amp;lt;img src=x" in body
