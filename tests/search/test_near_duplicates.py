"""Near-duplicate warnings: MinHash over analysed terms against the last 30 days."""

from datetime import timedelta

from django.utils import timezone

from sinmun.articles.tests.factories import make_article, paragraphs
from sinmun.search.selectors import near_duplicates

TEXT = (
    "가람시는 다음 달부터 시내버스 노선 18개를 개편한다고 밝혔다. 오창과학산업단지를 "
    "오가는 급행버스가 새로 생기고 배차 간격은 평균 12분으로 줄어든다. 시는 주민 설명회를 "
    "세 차례 열어 의견을 모았다."
)


def test_a_rewritten_copy_is_flagged_with_its_similarity(
    paper, django_capture_on_commit_callbacks
):
    section = paper.sections["society"]
    with django_capture_on_commit_callbacks(execute=True):
        first = make_article(section, title="시내버스 노선 개편", body=paragraphs(TEXT))
        other = make_article(
            section, title="국화 축제 개최", body=paragraphs("국화 축제가 열린다.")
        )
    copy = make_article(
        section, title="시내버스 노선 개편", body=paragraphs(TEXT), publish=False
    )
    found = near_duplicates(copy)
    assert [page.pk for page, _ in found] == [first.pk]
    assert found[0][1] >= 0.8
    assert other.pk not in [page.pk for page, _ in found]


def test_stories_older_than_the_window_are_not_compared(
    paper, django_capture_on_commit_callbacks
):
    section = paper.sections["society"]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(
            section,
            title="시내버스 노선 개편",
            body=paragraphs(TEXT),
            published_at=timezone.now() - timedelta(days=40),
        )
    from sinmun.search import services
    from sinmun.search.models import Fingerprint

    services.reindex()  # fingerprints take the first publication date
    assert Fingerprint.objects.count() == 1
    copy = make_article(
        section, title="시내버스 노선 개편", body=paragraphs(TEXT), publish=False
    )
    assert near_duplicates(copy) == []


def test_reindex_command_reports_progress(paper, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command
    from django.db.models import Q
    from modelsearch.backends import get_search_backend

    from sinmun.articles.models import ArticlePage

    make_article(paper.sections["society"], title="가람천 산책로 조명")
    out = StringIO()
    call_command("reindex", stdout=out)
    assert (
        "articles.ArticlePage" in out.getvalue() or "wagtailcore.Page" in out.getvalue()
    )
    found = get_search_backend().search("산책로에", ArticlePage.objects.filter(Q()))
    assert len(list(found)) == 1


def test_desk_sees_the_warning_in_the_edit_view(
    admin_client, paper, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    section = paper.sections["society"]
    with django_capture_on_commit_callbacks(execute=True):
        first = make_article(section, title="시내버스 노선 개편", body=paragraphs(TEXT))
    copy = make_article(
        section, title="시내버스 노선 개편", body=paragraphs(TEXT), publish=False
    )
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[copy.pk])
    ).content.decode()
    assert first.title in html
    assert reverse("wagtailadmin_pages:edit", args=[first.pk]) in html
    assert "% similar" in html or "% 유사" in html
    other = make_article(
        section, title="국화 축제", body=paragraphs("국화 축제가 열린다.")
    )
    html = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=[other.pk])
    ).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[first.pk]) not in html


def test_a_changed_analyser_asks_for_a_reindex(db):
    from sinmun.search import services
    from sinmun.search.checks import analyser_version_matches_index
    from sinmun.search.models import AnalyserState

    assert [w.id for w in analyser_version_matches_index(databases=["default"])] == [
        "search.W001"
    ]
    services.record_analyser_version()
    assert analyser_version_matches_index(databases=["default"]) == []
    AnalyserState.objects.update(version="kiwi0.0-old")
    assert analyser_version_matches_index(databases=["default"])
