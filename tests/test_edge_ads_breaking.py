"""The edge and the business side: ads and the 속보 banner purge their own keys, and a
page with a banner is never kept past the banner's expiry."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sinmun.ads.tests.factories import make_ad
from sinmun.articles.tests.factories import make_article
from sinmun.core import edge
from sinmun.core.models import BreakingNewsSettings
from tests.test_edge import edge_seconds, keys_of, purge_at, purged

pytestmark = pytest.mark.django_db


@pytest.fixture
def edge_server(httpserver, settings):
    """A local server standing in for the edge's purge endpoint (as in test_edge)."""
    httpserver.expect_request("/", method="PURGE").respond_with_data("purged")
    purge_at(settings, httpserver)
    return httpserver


def set_banner(site, text, expires_at, link=None):
    banner = BreakingNewsSettings.for_site(site)
    banner.text, banner.expires_at, banner.link = text, expires_at, link
    banner.full_clean()
    banner.save()
    return banner


def test_saving_or_deleting_an_ad_purges_the_ads_key(
    edge_server, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ad = make_ad("masthead")
    with django_capture_on_commit_callbacks(execute=True):
        ad.delete()
    assert len(purged(edge_server)) >= 2
    assert all(keys == {edge.ADS} for keys in purged(edge_server))


def test_every_html_page_carries_the_breaking_key(client, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    for url in ("/", paper.sections["society"].url, story.url, "/search/?q=가람"):
        assert edge.BREAKING in keys_of(client.get(url)), url


def test_banner_shows_on_every_page_until_it_expires(client, paper, reporter):
    story = make_article(
        paper.sections["society"], title="가람천 범람 우려", reporters=[reporter]
    )
    now = timezone.now()
    set_banner(
        paper.site, "가람시 전역 호우경보 발령", now + timedelta(minutes=20), story
    )
    with time_machine.travel(now, tick=False):
        for url in ("/", paper.sections["society"].url, story.url):
            response = client.get(url)
            html = response.content.decode()
            assert "가람시 전역 호우경보 발령" in html, url
            assert f'<a href="/news/{story.pk}">가람시 전역 호우경보 발령</a>' in html
            # Kept by the edge no longer than the banner runs, nor by other caches.
            assert edge_seconds(response) <= 20 * 60
            assert "s-maxage=60" in response["Cache-Control"]
    with time_machine.travel(now + timedelta(minutes=21), tick=False):
        assert "가람시 전역 호우경보 발령" not in client.get("/").content.decode()


def test_banner_near_its_expiry_shortens_every_cache(client, paper):
    now = timezone.now()
    set_banner(paper.site, "가람대교 통행 전면 통제", now + timedelta(seconds=40))
    with time_machine.travel(now, tick=False):
        response = client.get("/")
    assert edge_seconds(response) == 40
    assert "s-maxage=40" in response["Cache-Control"]


def test_banner_needs_an_expiry(paper):
    banner = BreakingNewsSettings.for_site(paper.site)
    banner.text = "가람시 정전"
    with pytest.raises(Exception, match="언제까지"):
        banner.full_clean()


def test_changing_the_banner_purges_the_breaking_key(
    edge_server, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        set_banner(
            paper.site, "가람시 전역 호우경보 발령", timezone.now() + timedelta(hours=1)
        )
    # (for_site creates the empty row first, which purges too)
    assert purged(edge_server)
    assert all(keys == {edge.BREAKING} for keys in purged(edge_server))
