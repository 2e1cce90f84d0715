"""An embargoed story is nowhere before its time, and everywhere after the scheduler runs.

A unique marker in the headline, the body and the photo caption is counted in every
anonymous response — pages, lists, search, feeds, sitemaps, the API — with the caches
warmed first, so a cached fragment cannot leak it either.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from sinmun.articles.tests.factories import make_article, make_photo, paragraphs

pytestmark = pytest.mark.django_db

MARKER = "엠바고QZX7"


def public_urls(article, reporter) -> list[str]:
    return [
        "/",
        "/politics/",
        "/society/",
        "/society/incidents/",
        f"/news/{article.pk}",
        article.url_path.removeprefix("/garam-home"),
        f"/reporters/{reporter.slug}/",
        "/tags/엠바고태그/",
        # The search page repeats the query, so look for the story by its other words.
        "/search/?q=지진 대응 훈련 결과",
        "/search/?q=훈련",
        "/rss/",
        "/rss/society/",
        "/rss/society/incidents/",
        f"/rss/reporters/{reporter.slug}/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-news.xml",
        "/api/v2/pages/?type=articles.ArticlePage&fields=*",
        f"/api/v2/pages/{article.pk}/",
    ]


def count_marker(urls) -> dict[str, int]:
    client = Client()  # anonymous
    counts = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), (url, response.status_code)
        counts[url] = response.content.decode().count(MARKER)
    return counts


@pytest.fixture
def embargoed(paper, reporter):
    # Other stories, so every list is there and warmed before the embargoed one exists.
    for n in range(3):
        make_article(
            paper.sections["society/incidents"],
            title=f"가람시 지진 대피 훈련 {n}",
            reporters=[reporter],
        )
    go_live = timezone.now() + timedelta(hours=2)
    article = make_article(
        paper.sections["society/incidents"],
        title=f"가람시 지진 대응 훈련 결과 {MARKER}",
        subtitle="오전 10시 해제",
        reporters=[reporter],
        body=paragraphs(f"엠바고가 걸린 본문이다. {MARKER} 표식이 들어 있다."),
        lead_image=make_photo(caption=f"훈련 현장 {MARKER}"),
        lead_image_caption=f"훈련 현장 사진 {MARKER}",
        tags=("엠바고태그",),
        publish=False,
        go_live_at=go_live,
    )
    # The desk schedules it: publishing a revision whose go-live time is in the future.
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_an_embargoed_story_appears_nowhere_before_its_time(paper, reporter, embargoed):
    assert not embargoed.live
    assert embargoed.get_latest_revision().approved_go_live_at is not None

    counts = count_marker(public_urls(embargoed, reporter))

    assert counts == dict.fromkeys(counts, 0)


def test_caches_warmed_before_the_embargo_do_not_hide_it_after(
    paper, reporter, embargoed, django_capture_on_commit_callbacks
):
    urls = public_urls(embargoed, reporter)
    count_marker(urls)  # warm every cache while the story is embargoed
    call_command("run_scheduler", once=True, job=["publish_scheduled"])
    embargoed.refresh_from_db()
    assert not embargoed.live  # two hours to go: the scheduler leaves it alone

    # Two hours later, the scheduler's next run.
    with (
        time_machine.travel(embargoed.go_live_at + timedelta(minutes=1), tick=True),
        django_capture_on_commit_callbacks(execute=True),  # the search-index task
    ):
        call_command("run_scheduler", once=True, job=["publish_scheduled"])

    embargoed.refresh_from_db()
    assert embargoed.live
    counts = count_marker(urls)
    for url in (
        "/",
        "/society/",
        "/society/incidents/",
        f"/news/{embargoed.pk}",
        f"/reporters/{reporter.slug}/",
        "/tags/엠바고태그/",
        "/search/?q=지진 대응 훈련 결과",
        "/rss/",
        "/rss/society/incidents/",
        "/sitemap-news.xml",
        "/api/v2/pages/?type=articles.ArticlePage&fields=*",
    ):
        assert counts[url] > 0, url
