"""The permalink's query, compiled once per connection (core.prepared, articles.selectors)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sinmun.articles import selectors
from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.core.selectors import forget_private_page_paths
from sinmun.newsroom.tests.factories import ColumnSeriesFactory

pytestmark = pytest.mark.django_db


def fields(page) -> dict:
    return {
        "pk": page.pk,
        "title": page.title,
        "body": [dict(block) for block in page.body.raw_data],
        "first_published_at": page.first_published_at,
        "live_revision_id": page.live_revision_id,
        "lead_image": (page.lead_image.pk, page.lead_image.caption),
        "columnist": (page.columnist.name, page.columnist.photo.pk),
        "series": page.series.title,
    }


@pytest.fixture
def column(paper):
    series = ColumnSeriesFactory()
    series.columnist.photo = make_photo(title="윤정희 교수")
    series.columnist.save()
    return make_article(
        paper.sections["politics"],
        title="[지방자치 다시 읽기] 주민자치회에 예산을",
        lead_image=make_photo(),
        kind="column",
        columnist=series.columnist,
        series=series,
    )


def test_it_returns_what_the_queryset_returns_with_its_relations_joined(column):
    expected = fields(selectors.published().get(pk=column.pk))
    for _ in range(2):  # compiled on the first call, reused on the second
        with CaptureQueriesContext(connection) as queries:
            found = selectors.published_article(column.pk)
            assert fields(found) == expected
        assert len(queries) == 1
        assert found.specific_class is type(found)


def test_it_takes_a_new_value_each_time(paper, column):
    other = make_article(paper.sections["economy"], title="가람시 물가 석 달째 안정")
    assert selectors.published_article(column.pk).title == column.title
    assert selectors.published_article(other.pk).title == "가람시 물가 석 달째 안정"
    assert selectors.published_article(999_999) is None


def test_unpublished_and_restricted_stories_are_not_found(paper, column):
    draft = make_article(paper.sections["society"], publish=False)
    assert selectors.published_article(draft.pk) is None
    PageViewRestriction.objects.create(
        page=paper.sections["politics"], restriction_type="login"
    )
    forget_private_page_paths()
    assert selectors.published_article(column.pk) is None  # a new shape of the query
    column.unpublish()
    PageViewRestriction.objects.all().delete()
    forget_private_page_paths()
    assert selectors.published_article(column.pk) is None
