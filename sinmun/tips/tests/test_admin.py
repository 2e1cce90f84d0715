"""A tip is visible to the desk and to nobody else (the reporter it is assigned to aside)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from sinmun.tips.tests.factories import (
    ADMINISTRATOR,
    CHIEF,
    DESK,
    REPORTER,
    jpeg_bytes,
    make_tip,
    make_user,
)

SECRET = "가람천 둑길에 무너진 옹벽"


@pytest.fixture
def tip(db):
    return make_tip(files=[("옹벽.jpg", jpeg_bytes(), "image/jpeg")])


def as_user(username, *roles):
    client = Client()
    client.force_login(make_user(username, *roles))
    return client


def refused(response) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard, or a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def urls(tip):
    return [
        "/admin/tips/",
        f"/admin/tips/edit/{tip.pk}/",
        f"/admin/tips/inspect/{tip.pk}/",
        f"/admin/tips/history/{tip.pk}/",
        f"/admin/tips/attachments/{tip.attachments.get().pk}/",
    ]


@pytest.mark.parametrize("roles", [(DESK,), (CHIEF,)])
def test_the_desk_sees_every_tip_and_its_files(tip, roles):
    client = as_user("desk1", *roles)
    listing = client.get("/admin/tips/")
    assert listing.status_code == 200
    assert SECRET in listing.text
    edit = client.get(f"/admin/tips/edit/{tip.pk}/")
    assert edit.status_code == 200
    assert "010-2345-6789" in edit.text
    assert "옹벽.jpg" in edit.text
    download = client.get(f"/admin/tips/attachments/{tip.attachments.get().pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == jpeg_bytes()
    assert "attachment" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_the_desk_assigns_a_tip_and_sets_its_status(tip):
    reporter = make_user("jihoon", REPORTER)
    client = as_user("desk1", DESK)
    response = client.post(
        f"/admin/tips/edit/{tip.pk}/",
        {"status": "reporting", "assignee": reporter.pk, "desk_note": "현장 확인 예정"},
    )
    assert response.status_code == 302
    tip.refresh_from_db()
    assert (tip.status, tip.assignee, tip.desk_note) == (
        "reporting",
        reporter,
        "현장 확인 예정",
    )
    assert tip.title == SECRET  # read-only fields are not overwritten


@pytest.mark.parametrize(
    "roles",
    [(REPORTER,), (ADMINISTRATOR,), ()],
    ids=["reporter", "administrator", "none"],
)
def test_nobody_else_sees_it(tip, roles):
    client = as_user("someone", *roles)
    for url in urls(tip):
        response = client.get(url)
        assert SECRET not in response.content.decode(errors="ignore"), url
        if url == "/admin/tips/" and roles == (REPORTER,):
            assert response.status_code == 200  # their own (empty) list
        else:
            assert response.status_code in (302, 403), url
    assert "/admin/tips/" not in client.get("/admin/").content.decode() or roles == (
        REPORTER,
    )


def test_anonymous_readers_are_sent_to_the_login(tip):
    client = Client()
    for url in urls(tip):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_a_reporter_sees_only_the_tips_assigned_to_them(tip):
    reporter = make_user("jihoon", REPORTER)
    other = make_tip(
        title="다른 기자에게 배정된 제보", assignee=make_user("seoyeon", REPORTER)
    )
    tip.assignee = reporter
    tip.save()
    client = Client()
    client.force_login(reporter)
    listing = client.get("/admin/tips/")
    assert SECRET in listing.text
    assert "다른 기자에게 배정된 제보" not in listing.text
    assert client.get(f"/admin/tips/edit/{tip.pk}/").status_code == 200
    assert (
        client.get(f"/admin/tips/attachments/{tip.attachments.get().pk}/").status_code
        == 200
    )
    assert refused(client.get(f"/admin/tips/edit/{other.pk}/"))
    # They update the status, but cannot hand the tip to someone else.
    client.post(
        f"/admin/tips/edit/{tip.pk}/",
        {"status": "published", "assignee": "", "desk_note": "3일 자 보도"},
    )
    tip.refresh_from_db()
    assert (tip.status, tip.assignee) == ("published", reporter)
    assert refused(client.get(f"/admin/tips/delete/{tip.pk}/"))


def test_the_roles_come_with_their_tip_permissions(db):
    make_user("setup")
    assert Group.objects.get(name=DESK).permissions.filter(codename="view_tip").exists()
    assert (
        not Group.objects.get(name=REPORTER)
        .permissions.filter(codename="view_tip")
        .exists()
    )
    assert (
        not Group.objects.get(name=ADMINISTRATOR)
        .permissions.filter(content_type__app_label="tips")
        .exists()
    )
