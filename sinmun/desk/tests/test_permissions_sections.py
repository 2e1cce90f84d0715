"""Section pages by role × action: only the 편집국장 restructures the paper.

Part of the permission matrix (test_permissions.py): anything allowed that is not marked
here fails, and no refusal is a 500.
"""

import logging

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article
from sinmun.desk.services import ADMINISTRATOR, CHIEF, DESK, REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.test_permissions import denied
from sinmun.sections.models import SectionPage

pytestmark = pytest.mark.django_db

ROLES = (REPORTER, DESK, CHIEF, ADMINISTRATOR)
SECTION_POLICY = {
    "edit": {CHIEF},
    "move": {CHIEF},
    "unpublish_with_stories": {CHIEF},
    # A section with stories: only a superuser (Wagtail's bulk_delete, which no role holds).
    "delete": set(),
    "privacy": {CHIEF},
    "copy": {CHIEF},
    "bulk_unpublish": {CHIEF},
    "bulk_delete": set(),
    "bulk_move": {CHIEF},
}


def attempt(action, client, section, paper):
    """Try `action` on `section`; return (HTTP status, database changed)."""
    url = lambda name, *args: reverse(  # noqa: E731
        f"wagtailadmin_pages:{name}", args=[section.pk, *args]
    )
    bulk = lambda kind: (  # noqa: E731
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", kind])
        + f"?id={section.pk}&childOf={paper.home.pk}&next=/admin/pages/"
    )
    target = paper.sections["politics"]
    if action == "edit":
        r = client.post(
            url("edit"),
            {"title": "사회부", "slug": section.slug, "action-publish": "1"},
        )
        section.refresh_from_db()
        return r, section.title == "사회부"
    if action == "move":
        r = client.post(url("move_confirm", target.pk))
        section.refresh_from_db()
        return r, section.get_parent().pk == target.pk
    if action == "unpublish_with_stories":
        r = client.post(url("unpublish"), {"include_descendants": "on"})
        section.refresh_from_db()
        return r, not section.live
    if action == "delete":
        r = client.post(url("delete"))
        return r, not SectionPage.objects.filter(pk=section.pk).exists()
    if action == "privacy":
        r = client.post(url("set_privacy"), {"restriction_type": "login"})
        return r, PageViewRestriction.objects.filter(page=section).exists()
    if action == "copy":
        before = SectionPage.objects.count()
        r = client.post(
            url("copy"),
            {
                "new_title": "사회 사본",
                "new_slug": "society-copy",
                "new_parent_page": paper.home.pk,
                "copy_subpages": "on",
            },
        )
        return r, SectionPage.objects.count() > before
    if action == "bulk_unpublish":
        r = client.post(bulk("unpublish"), {"include_descendants": "on"})
        section.refresh_from_db()
        return r, not section.live
    if action == "bulk_delete":
        r = client.post(bulk("delete"))
        return r, not SectionPage.objects.filter(pk=section.pk).exists()
    if action == "bulk_move":
        r = client.post(bulk("move"), {"chooser": target.pk})
        section.refresh_from_db()
        return r, section.get_parent().pk == target.pk
    raise AssertionError(action)


@pytest.mark.parametrize("action", SECTION_POLICY)
@pytest.mark.parametrize("role", ROLES)
def test_section_permission_matrix(client, paper, role, action, caplog):
    actor = make_user("actor", role)
    section = paper.sections["society"]
    story = make_article(section, title="사회면 기사")
    client.force_login(actor)
    expected = role in SECTION_POLICY[action]

    with caplog.at_level(logging.WARNING, logger="sinmun.security"):
        response, changed = attempt(action, client, section, paper)

    assert response.status_code < 500, (
        f"{role} {action} answered {response.status_code}"
    )
    if expected:
        assert response.status_code in (200, 302)
        assert changed, f"{role} should be able to {action}"
    else:
        assert not changed, f"UNEXPECTED ALLOW: {role} could {action}"
        assert denied(response) or action.startswith("bulk_"), response.status_code
        if denied(response):  # every refusal is logged with the account
            assert "refused to actor" in caplog.text
        assert ArticlePage.objects.get(pk=story.pk).live
        assert Page.objects.get(pk=section.pk).live


@pytest.mark.parametrize("role", [DESK, CHIEF])
def test_the_desk_still_files_and_publishes_stories_in_a_section(client, paper, role):
    actor = make_user("actor", role)
    section = paper.sections["society"]
    client.force_login(actor)

    perms = section.permissions_for_user(actor)

    assert perms.can_add_subpage()
    story = make_article(section, title="데스크가 올린 기사", publish=False)
    assert story.permissions_for_user(actor).can_publish()
    assert story.permissions_for_user(actor).can_move()
