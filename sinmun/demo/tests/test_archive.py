"""manage.py generate_archive: a large archive written in bulk, as Wagtail would leave it."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from sinmun.articles.models import ArticleByline, ArticlePage, ArticleTag
from sinmun.demo import archive, services
from sinmun.newsroom.models import Reporter
from sinmun.sections.models import SectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_paper():
    services.load_demo(photo_size=(160, 90))


def generated():
    return ArticlePage.objects.filter(slug__startswith="archive-")


def test_archive_is_a_consistent_tree_of_live_stories(client, demo_paper):
    before = ArticlePage.objects.live().count()
    out = StringIO()
    call_command("generate_archive", count=200, batch=64, seed=3, stdout=out)
    assert "200 stories added" in out.getvalue()
    assert "stories/s" in out.getvalue()

    stories = list(generated().select_related("live_revision"))
    assert len(stories) == 200
    assert ArticlePage.objects.live().count() == before + 200
    assert all(s.live and s.first_published_at for s in stories)
    # Each story once, with the revision it is live at.
    assert len({s.pk for s in stories}) == 200
    assert all(
        s.live_revision.object_id == str(s.pk)
        and s.latest_revision_id == s.live_revision_id
        for s in stories
    )
    # Tree: paths, depths and every section's numchild as treebeard keeps them.
    assert all(problems == [] for problems in Page.find_problems())
    for section in SectionPage.objects.all():
        assert section.numchild == section.get_children().count()
    # Every section and sub-section, and every reporter, has archive stories.
    for section in SectionPage.objects.live():
        assert generated().child_of(section).exists(), section.title
    bylines = ArticleByline.objects.filter(page__in=generated())
    assert set(bylines.values_list("reporter", flat=True)) == set(
        Reporter.objects.values_list("pk", flat=True)
    )
    assert ArticleTag.objects.filter(content_object__in=generated()).exists()
    times = sorted(s.first_published_at for s in stories)
    assert times[-1] - times[0] >= timedelta(days=15 * 365)
    assert times[-1] <= timezone.now()
    assert all(6 <= timezone.localtime(t).hour <= 23 for t in times)

    story = stories[len(stories) // 2]
    response = client.get(f"/news/{story.pk}")
    assert response.status_code == 200
    assert story.title in response.text
    section_html = client.get(story.get_parent().url + "?page=last").text
    assert response.status_code == 200
    assert "/news/" in section_html


def test_search_finds_an_archive_story(client, demo_paper):
    archive.generate_archive(count=60, seed=5, batch=25)
    story = generated().order_by("pk")[30]
    words = re.sub(r"[^\w\s]", " ", story.title).split()
    response = client.get("/search/", {"q": " ".join(words), "sort": "newest"})
    assert response.status_code == 200
    found = [a.pk for a in response.context["listing"].object_list]
    assert story.pk in found


def test_running_again_adds_another_batch(demo_paper):
    archive.generate_archive(count=30, seed=1, batch=16)
    archive.generate_archive(count=30, seed=1, batch=16)
    assert generated().count() == 60
    assert len(set(generated().values_list("slug", flat=True))) == 60
    assert all(problems == [] for problems in Page.find_problems())


def test_refuses_without_the_demo_paper():
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("generate_archive", count=5, stdout=StringIO())
