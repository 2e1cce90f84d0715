"""The edge: which surrogate keys each public page carries, and what each change purges.

The edge here is a local HTTP server standing in for Varnish's purge endpoint (the real
Varnish is exercised by `make stack-check`); it records every PURGE it is sent.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from sinmun.articles.tests.factories import make_article, make_articles
from sinmun.core import edge
from sinmun.frontpage.models import FrontPagePin, Slot
from sinmun.newsroom.tests.factories import ColumnistFactory, ColumnSeriesFactory

pytestmark = pytest.mark.django_db


def keys_of(response) -> set[str]:
    return set(response.get(edge.KEY_HEADER, "").split())


def edge_seconds(response) -> int:
    return int(response[edge.EDGE_CONTROL_HEADER].removeprefix("max-age="))


@pytest.fixture
def stories(paper, reporter):
    society, incidents = paper.sections["society"], paper.sections["society/incidents"]
    older = make_articles(society, 3, reporters=[reporter], tags=("가람축제",))
    story = make_article(
        incidents,
        title="가람시 중앙시장 화재, 점포 12곳 피해",
        reporters=[reporter],
        tags=("가람축제", "화재"),
    )
    return story, older


def purge_at(settings, server) -> None:
    """Point the purge backend at the local `server`."""
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "sinmun.core.edge_backends.XkeyBackend",
            "LOCATION": server.url_for("/").rstrip("/"),
        }
    }


@pytest.fixture
def fake_edge(httpserver, settings):
    """Point the purge backend at a local server that answers every PURGE with 200."""
    httpserver.expect_request("/", method="PURGE").respond_with_data("purged")
    purge_at(settings, httpserver)
    return httpserver


def purged(server) -> list[set[str]]:
    """The key sets of the purge requests the edge received, in order."""
    return [
        set(request.headers["xkey-purge"].split())
        for request, _ in server.log
        if "xkey-purge" in request.headers
    ]


# Which keys each public page carries ---------------------------------------------------


def test_article_page_names_itself_its_boxes_and_every_story_it_links(
    client, stories, paper
):
    story, older = stories
    response = client.get(f"/news/{story.pk}")

    keys = keys_of(response)
    assert {edge.article(story.pk), edge.LATEST, edge.SITE, edge.WEATHER} <= keys
    # The latest box and related stories link the other stories: they are named too.
    assert {edge.article(o.pk) for o in older} <= keys
    assert 1 <= edge_seconds(response) <= 3600


@pytest.mark.parametrize(
    ("url", "list_keys"),
    [
        ("/", lambda p, r, s: {edge.FRONT, edge.LATEST, edge.WEATHER}),
        ("/society/", lambda p, r, s: {edge.section(p.sections["society"].pk)}),
        (
            "/society/incidents/",
            lambda p, r, s: {edge.section(p.sections["society/incidents"].pk)},
        ),
        ("/reporters/park-jihoon/", lambda p, r, s: {edge.reporter(r.pk)}),
        ("/rss/", lambda p, r, s: {edge.FEED}),
        (
            "/rss/society/",
            lambda p, r, s: {edge.section(p.sections["society"].pk)},
        ),
        ("/rss/reporters/park-jihoon/", lambda p, r, s: {edge.reporter(r.pk)}),
    ],
)
def test_each_list_names_itself_and_the_stories_it_shows(
    client, paper, reporter, stories, url, list_keys
):
    story, _ = stories
    response = client.get(url)
    assert response.status_code == 200

    keys = keys_of(response)
    assert {edge.SITE, *list_keys(paper, reporter, stories)} <= keys
    assert edge.article(story.pk) in keys


def test_search_results_name_search_and_the_stories_found(
    client, paper, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the search-index task
        story = make_article(
            paper.sections["society"],
            title="가람시 중앙시장 화재",
            reporters=[reporter],
        )
    keys = keys_of(client.get("/search/?q=화재가"))
    assert {edge.SITE, edge.SEARCH, edge.article(story.pk)} <= keys


def test_tag_page_names_its_tag(client, stories):
    story, older = stories
    tag = Tag.objects.get(name="화재")
    keys = keys_of(client.get(f"/tags/{tag.slug}/"))
    assert {edge.tag(tag.pk), edge.article(story.pk)} <= keys
    assert not {edge.article(o.pk) for o in older} & keys  # not tagged 화재


def test_columnist_and_series_pages_name_their_lists(client, paper):
    columnist = ColumnistFactory()
    series = ColumnSeriesFactory(columnist=columnist)
    column = make_article(
        paper.sections["politics"],
        title="[가람칼럼] 시의회의 한 해",
        kind="column",
        columnist=columnist,
        series=series,
    )
    assert {edge.columnist(columnist.pk), edge.article(column.pk)} <= keys_of(
        client.get(f"/columnists/{columnist.slug}/")
    )
    assert {edge.series(series.pk), edge.article(column.pk)} <= keys_of(
        client.get(f"/series/{series.slug}/")
    )


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-news.xml"])
def test_sitemaps_carry_one_key_not_one_per_story(client, stories, url):
    response = client.get(url)
    assert response.status_code == 200
    assert keys_of(response) == {edge.SITE, edge.SITEMAP}


def test_a_sitemap_page_carries_one_key(client, stories):
    index = client.get("/sitemap.xml").text
    page_url = (
        index.split("<loc>")[1].split("</loc>")[0].removeprefix("http://testserver")
    )
    assert keys_of(client.get(page_url)) == {edge.SITE, edge.SITEMAP}


def test_nothing_personal_or_missing_gets_a_key(admin_client, stories):
    story, _ = stories
    anonymous = Client()
    for response in [
        admin_client.get("/admin/"),
        admin_client.get(f"/admin/pages/{story.pk}/edit/preview/"),
        anonymous.get("/news/999999"),
        anonymous.get("/reporters/nobody/"),
        anonymous.post(f"/news/{story.pk}/read"),
    ]:
        assert edge.KEY_HEADER not in response, response.request["PATH_INFO"]
        assert edge.EDGE_CONTROL_HEADER not in response


def test_the_edge_lets_go_of_a_page_at_midnight_in_korea(client, stories):
    midnight = (
        timezone.now()
        .astimezone(timezone.get_current_timezone())
        .replace(hour=23, minute=59, second=30, microsecond=0)
    )
    with time_machine.travel(midnight, tick=False):
        response = client.get("/")
    assert edge_seconds(response) == 30  # the masthead's date changes then


def test_the_edge_lets_go_of_the_front_page_when_a_pin_ends(client, paper, stories):
    story, _ = stories
    paper.home.pins = [
        FrontPagePin(
            article=story, slot=Slot.TOP, ends_at=timezone.now() + timedelta(minutes=10)
        )
    ]
    paper.home.save_revision().publish()

    for _ in range(2):  # rendered, then from the origin's fragment cache
        response = client.get("/")
        assert 1 <= edge_seconds(response) <= 600
        assert "s-maxage=60" in response["Cache-Control"]


# Which purges each change sends -----------------------------------------------------------


def story_keys(story, paper, reporter) -> set[str]:
    return {
        edge.article(story.pk),
        edge.FRONT,
        edge.LATEST,
        edge.FEED,
        edge.SITEMAP,
        edge.SEARCH,
        edge.section(paper.sections["society"].pk),
        edge.section(paper.sections["society/incidents"].pk),
        edge.reporter(reporter.pk),
        *(edge.tag(t.pk) for t in Tag.objects.filter(name__in=["가람축제", "화재"])),
    }


def test_publishing_an_edit_purges_the_story_and_every_list_it_is_on(
    fake_edge, paper, reporter, stories, django_capture_on_commit_callbacks
):
    story, _ = stories
    story.title = "가람시 중앙시장 화재, 점포 15곳 피해로 늘어"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert purged(fake_edge) == [story_keys(story, paper, reporter)]


def test_unpublishing_purges_every_page_that_showed_the_story(
    fake_edge, paper, reporter, stories, django_capture_on_commit_callbacks
):
    story, _ = stories
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert purged(fake_edge) == [story_keys(story, paper, reporter)]


def test_deleting_a_live_story_purges_it(
    fake_edge, paper, reporter, stories, django_capture_on_commit_callbacks
):
    story, _ = stories
    expected = story_keys(story, paper, reporter)
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert purged(fake_edge) == [expected]


def test_moving_a_story_purges_its_old_and_new_sections(
    fake_edge, paper, reporter, stories, django_capture_on_commit_callbacks
):
    story, _ = stories
    politics = paper.sections["politics"]
    with django_capture_on_commit_callbacks(execute=True):
        story.move(politics, pos="last-child")
    [keys] = purged(fake_edge)
    assert {
        edge.article(story.pk),
        edge.section(politics.pk),
        edge.section(paper.sections["society/incidents"].pk),
        edge.section(paper.sections["society"].pk),
    } <= keys


def test_scheduling_an_embargoed_story_purges_nothing_until_it_goes_live(
    fake_edge, paper, reporter, django_capture_on_commit_callbacks
):
    story = make_article(
        paper.sections["society"],
        title="가람시 내년 예산안 발표",
        reporters=[reporter],
        publish=False,
        go_live_at=timezone.now() + timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert purged(fake_edge) == []

    with (
        time_machine.travel(story.go_live_at + timedelta(minutes=1), tick=True),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("publish_scheduled")
    [keys] = purged(fake_edge)
    assert {edge.article(story.pk), edge.FRONT, edge.reporter(reporter.pk)} <= keys


def test_changing_the_lineup_purges_the_front_page(
    fake_edge, paper, stories, django_capture_on_commit_callbacks
):
    story, _ = stories
    paper.home.pins = [FrontPagePin(article=story, slot=Slot.TOP)]
    with django_capture_on_commit_callbacks(execute=True):
        paper.home.save_revision().publish()
    assert purged(fake_edge) == [{edge.FRONT}]


def test_changing_a_section_or_the_site_settings_purges_every_page(
    fake_edge, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        paper.sections["economy"].save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        paper.settings.phone = "000-000-0001"
        paper.settings.save()
    assert purged(fake_edge) == [{edge.SITE}, {edge.SITE}]


def test_editing_a_reporter_purges_their_page_and_feed(
    fake_edge, reporter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reporter.email = "park@garamilbo.example"
        reporter.save()
    assert purged(fake_edge) == [{edge.reporter(reporter.pk)}]


def test_new_weather_observations_purge_the_pages_with_the_ticker(
    fake_edge, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("fetch_weather", verbosity=0)  # the bundled sample, no KMA key
    assert {edge.WEATHER} in purged(fake_edge)


def test_a_down_edge_never_blocks_a_publish_and_is_retried(
    httpserver,
    settings,
    paper,
    reporter,
    stories,
    caplog,
    django_capture_on_commit_callbacks,
):
    httpserver.expect_request("/", method="PURGE").respond_with_data("", status=503)
    purge_at(settings, httpserver)
    settings.SINMUN_EDGE_PURGE_ATTEMPTS = 3
    story, _ = stories
    story.title = "가람시 중앙시장 화재 원인은 전기 합선"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    story.refresh_from_db()
    assert story.live
    assert story.title == "가람시 중앙시장 화재 원인은 전기 합선"
    assert len(purged(httpserver)) == 3  # the first try and two retries
    assert any("gave up purging" in r.getMessage() for r in caplog.records)


def test_a_long_key_list_is_sent_in_several_requests(fake_edge):
    from sinmun.core.edge_backends import XkeyBackend

    backend = XkeyBackend({"LOCATION": fake_edge.url_for("/").rstrip("/")})
    keys = [edge.article(n) for n in range(1, 701)]
    backend.purge_keys(keys)
    sent = purged(fake_edge)
    assert len(sent) == 3
    assert set().union(*sent) == set(keys)
