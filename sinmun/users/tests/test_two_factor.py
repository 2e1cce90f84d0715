"""Two-factor authentication: enrolment with a QR code, sign-in with a real TOTP code."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sinmun.settings import base as base_settings
from sinmun.users import services
from sinmun.users.tests.factories import PASSWORD, newsroom_user

pytestmark = pytest.mark.django_db
ADMIN = "/admin/"
SETUP = "/admin/2fa/setup/"
VERIFY = "/admin/2fa/verify/"


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.SINMUN_2FA_REQUIRED = True


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for `device` (RFC 6238)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD, "next": ADMIN}
    )
    assert response.status_code == 302, response.content[:500]
    return client.get(ADMIN)


def enrol(client, user) -> list[str]:
    """Enrol `user` through the setup page, as a person with a phone would."""
    page = client.get(SETUP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"code": code_for(device), "next": ADMIN})
    assert response.status_code == 200
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())


def test_two_factor_is_required_by_default_outside_the_tests():
    assert base_settings.SINMUN_2FA_REQUIRED is True
    assert base_settings.SINMUN_2FA_REQUIRED_GROUPS == ["편집국장", "관리자"]


@pytest.mark.parametrize("group", ["편집국장", "관리자"])
def test_a_required_role_cannot_reach_the_admin_without_enrolling(client, group):
    newsroom_user("chief", group)
    response = sign_in(client, "chief")
    assert response.status_code == 302
    assert response["Location"] == SETUP + "?next=%2Fadmin%2F"
    for path in ("/admin/pages/", "/admin/users/", "/admin/images/", "/admin/2fa/"):
        blocked = client.get(path)
        assert blocked.status_code == 302, path
        assert blocked["Location"].startswith(SETUP), path
    assert client.post("/admin/pages/add/", {}).status_code == 302


def test_a_superuser_must_enrol_too(client):
    get_user_model().objects.create_superuser("admin", password=PASSWORD)
    assert sign_in(client, "admin")["Location"].startswith(SETUP)


def test_enrolment_shows_a_qr_code_and_accepts_a_real_code(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    page = client.get(SETUP)
    body = page.content.decode()
    assert page.status_code == 200
    assert "2단계 인증" in body
    assert 'src="data:image/png;base64,' in body
    device = TOTPDevice.objects.get(user=chief, confirmed=False)
    assert "otpauth://totp/" in device.config_url
    # The key for typing in by hand, in groups of four.
    secret = re.search(r'class="two-factor-secret">([A-Z2-7 ]+)<', body).group(1)
    assert secret.replace(" ", "") in device.config_url

    wrong = client.post(
        SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert "코드가 맞지 않습니다" in wrong.content.decode()
    assert client.get(ADMIN).status_code == 302

    # django-otp makes each failure wait a moment longer (1 s, 2 s, 4 s...) before the next try.
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        codes = enrol(client, chief)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=chief).confirmed
    assert client.get(ADMIN).status_code == 200


def test_sign_in_asks_for_the_code_and_takes_a_real_one(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        enrol(client, chief)
    client.logout()

    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        response = sign_in(client, "chief")
        assert response.status_code == 302
        assert response["Location"] == VERIFY + "?next=%2Fadmin%2F"
        # The password alone opens nothing, not even the setup page (no new phone).
        assert client.get(SETUP)["Location"].startswith(VERIFY)
        assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
        form = client.get(VERIFY)
        assert "인증 앱" in form.content.decode()
        wrong = client.post(VERIFY, {"code": "12345", "next": ADMIN})
        assert "코드가 맞지 않거나" in wrong.content.decode()
    with time_machine.travel(start + timedelta(seconds=65), tick=False):
        device = TOTPDevice.objects.get(user=chief)
        ok = client.post(VERIFY, {"code": code_for(device), "next": ADMIN})
        assert ok.status_code == 302
        assert ok["Location"] == ADMIN
        assert client.get(ADMIN).status_code == 200


def test_a_code_is_good_once(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        enrol(client, chief)
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        code = code_for(TOTPDevice.objects.get(user=chief))
        client.logout()
        sign_in(client, "chief")
        assert client.post(VERIFY, {"code": code, "next": ADMIN}).status_code == 302
        client.logout()
        sign_in(client, "chief")
        replay = client.post(VERIFY, {"code": code, "next": ADMIN})
        assert replay.status_code == 200
        assert client.get(ADMIN).status_code == 302


def test_a_recovery_code_signs_in_once(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    codes = enrol(client, chief)
    client.logout()
    sign_in(client, "chief")
    ok = client.post(VERIFY, {"code": codes[0].upper(), "next": ADMIN})
    assert ok.status_code == 302
    home = client.get(ADMIN)
    assert home.status_code == 200
    assert "복구 코드로 로그인했습니다" in home.content.decode()
    assert services.remaining_recovery_codes(chief) == 9
    client.logout()
    sign_in(client, "chief")
    assert client.post(VERIFY, {"code": codes[0], "next": ADMIN}).status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    old = enrol(client, chief)
    response = client.post("/admin/2fa/")
    new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    client.logout()
    sign_in(client, "chief")
    assert client.post(VERIFY, {"code": old[1], "next": ADMIN}).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        assert client.post(VERIFY, {"code": new[1], "next": ADMIN}).status_code == 302


def test_a_reporter_is_offered_two_factor_but_not_forced(client):
    reporter = newsroom_user("jihoon", "기자")
    assert sign_in(client, "jihoon").status_code == 200
    overview = client.get("/admin/2fa/")
    assert "2단계 인증을 사용하지 않고 있습니다" in overview.content.decode()
    account = client.get("/admin/account/")
    assert "/admin/2fa/" in account.content.decode()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        enrol(client, reporter)
    client.logout()
    # Once enrolled, the code is asked for like anyone else's.
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        assert sign_in(client, "jihoon")["Location"].startswith(VERIFY)
        device = TOTPDevice.objects.get(user=reporter)
        assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302
        assert client.get(ADMIN).status_code == 200


def test_the_verify_page_never_redirects_off_site(client):
    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        enrol(client, chief)
    client.logout()
    with time_machine.travel(start + timedelta(seconds=60), tick=False):
        sign_in(client, "chief")
        device = TOTPDevice.objects.get(user=chief)
        response = client.post(
            VERIFY, {"code": code_for(device), "next": "https://evil.example/admin/"}
        )
        assert response["Location"] == ADMIN


def test_reader_pages_are_not_behind_the_second_step(client, paper):
    newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    assert client.get("/").status_code == 200


def test_reset_two_factor_makes_the_account_enrol_again(client):
    from django.core.management import CommandError, call_command

    chief = newsroom_user("chief", "편집국장")
    sign_in(client, "chief")
    enrol(client, chief)
    client.logout()
    call_command("reset_two_factor", "chief")
    assert not services.has_two_factor(chief)
    assert sign_in(client, "chief")["Location"].startswith(SETUP)
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_two_factor", "nobody")
