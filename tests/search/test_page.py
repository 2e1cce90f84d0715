"""The reader's search page: results, filters, highlighting, hostile queries, budgets."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sinmun.articles.tests.factories import make_article, paragraphs

URL = "/search/"


def found(client, query, pages, **params):
    """The pks of `pages` that the search page links to for `query`."""
    html = client.get(URL, {"q": query, **params}).content.decode()
    return {p.pk for p in pages if f'href="/news/{p.pk}"' in html}


def test_results_show_headline_link_section_reporter_and_highlighted_snippet(
    client, corpus
):
    response = client.get(URL, {"q": "청주시가"})
    assert response.status_code == 200
    html = response.content.decode()
    bus = corpus["bus"]
    assert f'href="/news/{bus.pk}"' in html
    assert "<mark>청주시</mark>" in html
    assert "박지훈" in html  # the reporter
    assert "사회" in html  # the section
    assert '<meta name="robots" content="noindex">' in html
    assert corpus["festival"].title not in html


def test_search_page_is_publicly_cacheable(client, corpus):
    response = client.get(URL, {"q": "축제"})
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_masthead_has_the_search_box(client, paper):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html
    assert 'name="q"' in html


def test_snippet_escapes_html_in_the_story(
    client, paper, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(
            paper.sections["society"],
            title="가람시 축제 안내",
            body=paragraphs("축제 <script>alert(1)</script> 안내 & 일정"),
        )
    html = client.get(URL, {"q": "축제"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"""축제',
        "축제*",
        "*",
        "NEAR(축제 국화)",
        "NEAR(",
        "축제 AND 국화",
        "축제 OR",
        "NOT 축제",
        "AND OR NOT",
        "title:축제",
        "{title body}: 축제",
        "축제 ^ - + : ( )",
        "' OR 1=1 --",
        "\\",
        "%_",
        "\x00축제",
        "\u200b\u202e축제",
        "ㅊㅈ",
        "!!!",
        "축" * 10_000,
        "축제 " * 2_500,
    ],
)
def test_hostile_queries_answer_200(client, corpus, query):
    assert client.get(URL, {"q": query}).status_code == 200


def test_nfd_hangul_query_finds_the_nfc_story(client, corpus):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "국화 축제를")
    response = client.get(URL, {"q": nfd})
    assert response.status_code == 200
    assert f'href="/news/{corpus["festival"].pk}"' in response.content.decode()


def test_empty_query_lists_published_stories(client, corpus):
    response = client.get(URL, {"q": ""})
    assert response.status_code == 200
    assert f'href="/news/{corpus["bus"].pk}"' in response.content.decode()


def test_query_is_capped(client, corpus):
    response = client.get(URL, {"q": "축제 " + "가" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_unpublished_and_private_and_scheduled_stories_never_appear(
    client, paper, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    with django_capture_on_commit_callbacks(execute=True):
        draft = make_article(
            paper.sections["society"], title="비공개 초안 축제", publish=False
        )
        gone = make_article(paper.sections["society"], title="철회된 축제 기사")
        private_section = paper.sections["economy"]
        private = make_article(private_section, title="회원 전용 축제 기사")
        gone.unpublish()
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(URL, {"q": "축제"}).content.decode()
    for page in (draft, gone, private):
        assert f'href="/news/{page.pk}"' not in html


def test_edit_and_republish_updates_the_index(
    client, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_article(paper.sections["society"], title="가람천 물고기 방류")
    assert f"/news/{page.pk}" in client.get(URL, {"q": "방류"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "가람천 생태 조사"
        page.save_revision().publish()
    assert f"/news/{page.pk}" not in client.get(URL, {"q": "방류"}).content.decode()
    assert f"/news/{page.pk}" in client.get(URL, {"q": "생태 조사를"}).content.decode()


def test_filters_by_section_reporter_and_date(
    client, paper, reporter, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        old = make_article(
            paper.sections["politics"],
            title="예산 심사 지난달",
            published_at=now - timedelta(days=40),
        )
        mine = make_article(
            paper.sections["economy"], title="예산 심사 경제", reporters=[reporter]
        )

    def ids(**params):
        return found(client, "예산", (old, mine), **params)

    assert ids() == {old.pk, mine.pk}
    assert ids(section=paper.sections["economy"].pk) == {mine.pk}
    assert ids(reporter=reporter.slug) == {mine.pk}
    assert ids(**{"from": (now - timedelta(days=7)).date().isoformat()}) == {mine.pk}
    assert ids(to=(now - timedelta(days=30)).date().isoformat()) == {old.pk}
    assert ids(**{"from": "junk", "to": "2024-99-99"}) == {old.pk, mine.pk}


def test_narrowed_search_finds_an_older_story_behind_a_full_rank_window(
    client, paper, settings, django_capture_on_commit_callbacks
):
    """Relevance ranks the index's newest matches before checking which stories are
    allowed; a search narrowed to one section must still reach older stories there."""
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        older = make_article(
            paper.sections["economy"],
            title="가람천 정화 활동 경제",
            published_at=now - timedelta(days=3),
        )
        newer = [
            make_article(paper.sections["politics"], title=f"가람천 정화 활동 {n}")
            for n in range(3)
        ]
    settings.SINMUN_SEARCH_RANK_WINDOW = 2

    economy = paper.sections["economy"].pk
    assert found(client, "정화 활동을", (older, *newer), section=economy) == {older.pk}


def test_relevance_puts_headline_matches_first_and_newest_sorts_by_date(
    client, paper, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        in_title = make_article(
            paper.sections["society"],
            title="한옥마을 야간 개장",
            body=paragraphs("주말마다 문을 연다."),
            published_at=now - timedelta(days=3),
        )
        in_body = make_article(
            paper.sections["society"],
            title="주말 나들이 안내",
            body=paragraphs("한옥마을 골목에서 장터가 열린다."),
            published_at=now,
        )
    relevance = client.get(URL, {"q": "한옥마을"}).context["listing"].object_list
    assert [p.pk for p in relevance] == [in_title.pk, in_body.pk]
    newest = client.get(URL, {"q": "한옥마을", "sort": "newest"})
    assert [p.pk for p in newest.context["listing"].object_list] == [
        in_body.pk,
        in_title.pk,
    ]


def test_pagination_keeps_the_query(
    client, paper, settings, django_capture_on_commit_callbacks
):
    settings.SINMUN_LISTING_PAGE_SIZE = 2
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            make_article(paper.sections["society"], title=f"가람시 간담회 {n}차")
    html = client.get(URL, {"q": "간담회"}).content.decode()
    assert "q=%EA%B0%84%EB%8B%B4%ED%9A%8C&amp;page=2" in html
    assert client.get(URL, {"q": "간담회", "page": "3"}).status_code == 200


def test_search_page_query_budget_does_not_grow_with_results(
    client, corpus, django_assert_max_num_queries
):
    client.get(URL, {"q": "가람시"})  # warm the shared caches
    with django_assert_max_num_queries(14):
        client.get(URL, {"q": "가람시"})
