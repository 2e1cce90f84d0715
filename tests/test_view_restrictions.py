"""Pages behind a login restriction stay behind it; pages of a paper without any cost no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sinmun.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_restricted_section_and_its_stories_are_not_served_to_readers(client, paper):
    society = paper.sections["society"]
    story = make_article(society, title="가람시 내부 감사 결과")
    assert client.get("/society/").status_code == 200

    PageViewRestriction.objects.create(
        page=society, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/society/")
    assert response.status_code == 302
    assert "/login" in response["Location"]
    assert client.get(f"/news/{story.pk}").status_code == 404
    assert client.get("/economy/").status_code == 200


def test_without_any_restriction_serving_a_section_reads_no_restriction(client, paper):
    client.get("/economy/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/economy/").status_code == 200
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]
