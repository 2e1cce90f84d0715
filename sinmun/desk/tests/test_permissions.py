"""Every role × action × own/other story: status codes and what is in the database after.

Roles are the groups `services.ensure_roles` creates. "own" is a published story whose
owner (the Wagtail page owner, i.e. who filed it) is the acting user; "other" was filed by
another reporter. Each case asserts both the HTTP answer and the database, and the table is
the whole policy: anything allowed that is not marked here fails.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection, PageLogEntry

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article
from sinmun.core.models import NewspaperSettings
from sinmun.desk.services import ADMINISTRATOR, CHIEF, DESK, REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.forms import article_edit_data
from sinmun.images.models import Photo

pytestmark = pytest.mark.django_db

ROLES = (REPORTER, DESK, CHIEF, ADMINISTRATOR)

# action -> roles allowed on their OWN story, roles allowed on ANOTHER reporter's story.
STORY_POLICY = {
    "view_draft": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "edit": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "publish": ({DESK, CHIEF}, {DESK, CHIEF}),
    "unpublish": ({DESK, CHIEF}, {DESK, CHIEF}),
    "delete": ({DESK, CHIEF}, {DESK, CHIEF}),
    "move": ({DESK, CHIEF}, {DESK, CHIEF}),
    "copy": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "revisions_compare": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "history": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "preview": ({REPORTER, DESK, CHIEF}, {DESK, CHIEF}),
    "lock": ({DESK, CHIEF}, {DESK, CHIEF}),
}
SITE_POLICY = {
    "image_upload": {REPORTER, DESK, CHIEF},
    "settings": {ADMINISTRATOR},
    "users": {ADMINISTRATOR},
    "origin_report": {CHIEF, ADMINISTRATOR},
}


@pytest.fixture
def story_for(paper):
    def make(actor, whose):
        owner = actor if whose == "own" else make_user("other-reporter", REPORTER)
        article = make_article(paper.sections["society"], title="시의회 예산 심사 착수")
        ArticlePage.objects.filter(pk=article.pk).update(owner=owner)
        article.refresh_from_db()
        # A second revision, so there is something to compare.
        article.save_revision(user=owner)
        return article

    return make


def denied(response) -> bool:
    """Wagtail answers a refused admin action with 403, or a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url.rstrip("/").endswith("/admin")


def edit_form(client, article) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    return article_edit_data(response.content.decode(), article)


def attempt(action, client, article, paper):
    """Try `action`; return (answered_ok, database_changed)."""
    pk = article.pk
    url = lambda name, *args: reverse(f"wagtailadmin_pages:{name}", args=[pk, *args])  # noqa: E731
    if action == "view_draft":
        r = client.get(url("edit"))
        return r.status_code == 200, False
    if action in ("edit", "publish"):
        r = client.get(url("edit"))
        if r.status_code != 200:
            # Post a form built the way the desk's browser would have had it.
            return False, False
        data = article_edit_data(r.content.decode(), article)
        data["title"] = "시의회 예산 심사 착수 (고침)"
        if action == "publish":
            data["action-publish"] = "action-publish"
        r = client.post(url("edit"), data)
        article.refresh_from_db()
        latest = article.latest_revision.as_object()
        if action == "edit":
            return r.status_code == 302, latest.title.endswith("(고침)")
        return r.status_code == 302, article.title.endswith("(고침)")
    if action == "unpublish":
        r = client.post(url("unpublish"))
        article.refresh_from_db()
        return r.status_code == 302 and not denied(r), not article.live
    if action == "delete":
        r = client.post(url("delete"))
        return not denied(r), not ArticlePage.objects.filter(pk=pk).exists()
    if action == "move":
        target = paper.sections["economy"]
        r = client.post(url("move_confirm", target.pk))
        article.refresh_from_db()
        return not denied(r), article.get_parent().pk == target.pk
    if action == "copy":
        before = ArticlePage.objects.count()
        r = client.post(
            url("copy"),
            {
                "new_title": "사본",
                "new_slug": "copy-of-story",
                "new_parent_page": article.get_parent().pk,
            },
        )
        return not denied(r), ArticlePage.objects.count() == before + 1
    if action == "revisions_compare":
        first, last = article.revisions.order_by("pk")[:2]
        r = client.get(url("revisions_compare", first.pk, last.pk))
        return r.status_code == 200, False
    if action == "history":
        r = client.get(url("history"))
        return r.status_code == 200, False
    if action == "preview":
        r = client.get(url("view_draft"))
        return r.status_code == 200, False
    if action == "lock":
        r = client.post(url("lock"))
        article.refresh_from_db()
        return not denied(r), article.locked
    raise AssertionError(action)


CASES = [
    (role, action, whose)
    for role in ROLES
    for action in STORY_POLICY
    for whose in ("own", "other")
]


@pytest.mark.parametrize(("role", "action", "whose"), CASES)
def test_story_permission_matrix(client, paper, story_for, role, action, whose):
    actor = make_user("actor", role)
    article = story_for(actor, whose)
    client.force_login(actor)
    allowed_own, allowed_other = STORY_POLICY[action]
    expected = role in (allowed_own if whose == "own" else allowed_other)

    answered, changed = attempt(action, client, article, paper)

    read_only = action in {"view_draft", "revisions_compare", "history", "preview"}
    if expected:
        assert answered, f"{role} should be able to {action} ({whose})"
        if not read_only:
            assert changed, f"{role} {action} ({whose}) answered but changed nothing"
    else:
        assert not changed, f"UNEXPECTED ALLOW: {role} could {action} ({whose})"
        if action not in {"publish"}:
            assert not answered, f"{role} {action} ({whose}) was not refused"


def test_a_reporter_who_presses_publish_leaves_the_story_unpublished(client, paper):
    reporter = make_user("reporter", REPORTER)
    draft = make_article(paper.sections["society"], title="초안 기사", publish=False)
    ArticlePage.objects.filter(pk=draft.pk).update(owner=reporter)
    client.force_login(reporter)

    data = edit_form(client, draft)
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)

    draft.refresh_from_db()
    assert not draft.live
    assert not PageLogEntry.objects.filter(
        page=draft, action="wagtail.publish"
    ).exists()


def png_upload() -> io.BytesIO:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "photo.png"
    return buffer


def attempt_site(action, client, paper) -> tuple[bool, bool]:
    if action == "image_upload":
        before = Photo.objects.count()
        r = client.post(
            reverse("wagtailimages:add"),
            {
                "title": "현장 사진",
                "file": png_upload(),
                "collection": Collection.get_first_root_node().pk,
            },
        )
        return not denied(r), Photo.objects.count() == before + 1
    if action == "settings":
        r = client.get(
            reverse(
                "wagtailsettings:edit",
                args=["core", "newspapersettings", paper.site.pk],
            )
        )
        return r.status_code == 200, False
    if action == "users":
        before = get_user_model().objects.count()
        r = client.post(
            reverse("wagtailusers_users:add"),
            {
                "username": "new-reporter",
                "email": "new@garamilbo.example",
                "first_name": "새",
                "last_name": "기자",
                "password1": "a-long-pass-phrase-1",
                "password2": "a-long-pass-phrase-1",
                "is_active": "on",
            },
        )
        return not denied(r), get_user_model().objects.count() == before + 1
    if action == "origin_report":
        r = client.get("/admin/reports/origin/")
        return r.status_code == 200, False
    raise AssertionError(action)


@pytest.mark.parametrize("action", SITE_POLICY)
@pytest.mark.parametrize("role", ROLES)
def test_site_permission_matrix(client, paper, role, action):
    actor = make_user("actor", role)
    client.force_login(actor)
    expected = role in SITE_POLICY[action]
    assert NewspaperSettings.objects.filter(site=paper.site).exists()

    answered, changed = attempt_site(action, client, paper)

    if expected:
        assert answered, f"{role} should be able to {action}"
        if action not in {"settings", "origin_report"}:
            assert changed
    else:
        assert not answered, f"UNEXPECTED ALLOW: {role} could {action}"
        assert not changed


def test_reporters_cannot_create_sections(client, paper):
    reporter = make_user("reporter", REPORTER)
    client.force_login(reporter)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["sections", "sectionpage", paper.sections["society"].pk],
    )
    assert denied(client.get(url))
