"""The per-process table of which site a host name is for (core.sites)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from sinmun.core import sites

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.SINMUN_SITE_CACHE_SECONDS = 60
    sites._sites.clear()
    yield
    sites._sites.clear()


def test_a_host_is_looked_up_once_then_remembered(cached, paper):
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as first:
        assert sites.site_for(request) == paper.site
    with CaptureQueriesContext(connection) as again:
        assert sites.site_for(RequestFactory().get("/")) == paper.site
    assert len(first) == 1
    assert len(again) == 0


def test_saving_a_site_makes_every_host_be_looked_up_again(cached, paper):
    sites.site_for(RequestFactory().get("/"))
    other = Site.objects.create(
        hostname="m.garamilbo.example", port=80, root_page=paper.home
    )
    request = RequestFactory().get("/", HTTP_HOST="m.garamilbo.example")
    assert sites.site_for(request) == other


def test_made_up_host_names_cannot_grow_the_table_without_end(cached, paper):
    for n in range(sites.MAX_HOSTS * 3):
        sites.site_for(RequestFactory().get("/", HTTP_HOST=f"x{n}.example"))
    assert len(sites._sites) <= sites.MAX_HOSTS


def test_pages_are_served_with_the_remembered_site(cached, client, paper):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/robots.txt").status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_a_settings_change_shows_on_the_next_page_while_the_site_is_remembered(
    cached, paper, client
):
    from sinmun.core.models import NewspaperSettings

    assert client.get("/").status_code == 200  # the process now remembers the site
    paper_settings = NewspaperSettings.for_site(paper.site)
    paper_settings.name = "새가람일보"
    paper_settings.save()
    assert "새가람일보" in client.get("/").content.decode()
