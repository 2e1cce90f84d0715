"""Login throttling (django-axes) on the Wagtail admin's sign-in page."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from sinmun.users.tests.factories import PASSWORD, newsroom_user

LOGIN = "/admin/login/"
pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, times, **kwargs):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", **kwargs)
        assert response.status_code in (200, 429)
    return response


def test_the_right_password_signs_in(client):
    newsroom_user("jihoon")
    response = sign_in(client, "jihoon", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_an_account_is_locked_after_the_limit_and_unlocked_after_the_window(client):
    newsroom_user("jihoon")
    limit = settings.SINMUN_LOGIN_FAILURE_LIMIT
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for attempt in range(limit - 1):
            response = sign_in(client, "jihoon", "wrong-password")
            assert response.status_code == 200, attempt  # the form again, with an error
        locked = sign_in(client, "jihoon", "wrong-password")
        assert locked.status_code == 429
        # During the lock, the right password is refused too, with the reason in Korean.
        refused = sign_in(client, "jihoon", PASSWORD)
        assert refused.status_code == 429
        body = refused.content.decode()
        assert "로그인" in body
        assert f"{settings.SINMUN_LOGIN_LOCKOUT_MINUTES}분" in body
        assert 'name="username"' in body  # still the Wagtail sign-in page
        assert "_auth_user_id" not in client.session
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert sign_in(client, "jihoon", PASSWORD).status_code == 429
    with time_machine.travel(
        start + timedelta(minutes=settings.SINMUN_LOGIN_LOCKOUT_MINUTES, seconds=1),
        tick=False,
    ):
        response = sign_in(client, "jihoon", PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"]


def test_fifty_wrong_passwords_check_the_password_at_most_the_limit(
    client, monkeypatch
):
    from django.contrib.auth.hashers import MD5PasswordHasher

    newsroom_user("jihoon")
    checks = []
    original = MD5PasswordHasher.verify
    monkeypatch.setattr(
        MD5PasswordHasher,
        "verify",
        lambda self, password, encoded: (
            checks.append(1) or original(self, password, encoded)
        ),
    )
    fail(client, "jihoon", 50)
    assert len(checks) <= settings.SINMUN_LOGIN_FAILURE_LIMIT
    assert sign_in(client, "jihoon", PASSWORD).status_code == 429


def test_one_address_trying_many_accounts_is_locked(client):
    limit = settings.SINMUN_LOGIN_FAILURE_LIMIT
    for n in range(limit):
        sign_in(client, f"guess{n}", "wrong-password", address="198.51.100.9")
    newsroom_user("seoyeon")
    assert (
        sign_in(client, "seoyeon", PASSWORD, address="198.51.100.9").status_code == 429
    )


def test_an_account_locked_from_one_address_is_locked_from_others(client):
    newsroom_user("jihoon")
    fail(client, "jihoon", settings.SINMUN_LOGIN_FAILURE_LIMIT, address="198.51.100.9")
    assert sign_in(client, "jihoon", PASSWORD, address="192.0.2.44").status_code == 429


def test_a_success_clears_the_count(client):
    newsroom_user("jihoon")
    fail(client, "jihoon", settings.SINMUN_LOGIN_FAILURE_LIMIT - 1)
    assert sign_in(client, "jihoon", PASSWORD).status_code == 302
    client.logout()
    fail(client, "jihoon", settings.SINMUN_LOGIN_FAILURE_LIMIT - 1)
    assert sign_in(client, "jihoon", PASSWORD).status_code == 302


def test_behind_the_edge_readers_are_told_apart_by_the_forwarded_address(client):
    """Through a trusted proxy, the edge's X-Forwarded-For entry is the address."""
    limit = settings.SINMUN_LOGIN_FAILURE_LIMIT
    for n in range(limit):
        sign_in(
            client,
            f"guess{n}",
            "wrong-password",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.9",
        )
    newsroom_user("seoyeon")
    # Another reader behind the same edge is not locked out...
    ok = sign_in(
        client,
        "seoyeon",
        PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.44",
    )
    assert ok.status_code == 302
    client.logout()
    # ...and the locked address stays locked, whatever it writes in front of the edge's entry.
    spoofed = sign_in(
        client,
        "seoyeon",
        PASSWORD,
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.9",
    )
    assert spoofed.status_code == 429


def test_a_forged_forwarded_header_from_an_untrusted_address_changes_nothing(client):
    limit = settings.SINMUN_LOGIN_FAILURE_LIMIT
    for n in range(limit):
        sign_in(
            client,
            f"guess{n}",
            "wrong-password",
            address="198.51.100.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    newsroom_user("seoyeon")
    response = sign_in(
        client,
        "seoyeon",
        PASSWORD,
        address="198.51.100.9",
        HTTP_X_FORWARDED_FOR="10.1.1.1",
    )
    assert response.status_code == 429
