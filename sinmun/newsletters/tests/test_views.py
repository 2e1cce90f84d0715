"""The reader's side: sign-up with consent, double opt-in, leaving; private and robust."""

import re
import unicodedata
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone

from sinmun.newsletters import tokens
from sinmun.newsletters.models import Subscriber, SubscriberStatus
from sinmun.newsletters.tests.factories import make_subscriber

URL = "/newsletter/"


def sign_up(client, email="dokja@example.com", **overrides):
    data = {"email": email, "consent": "on", "homepage": ""}
    data.update(overrides)
    # The confirmation is queued after the sign-up commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL, data)


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)


def test_the_form_page_is_private_and_states_the_consent(client, paper):
    response = client.get(URL)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "xkey" not in response
    assert "csrfmiddlewaretoken" in response.text
    for words in (
        "수집·이용 목적",
        "수집 항목",
        "이메일 주소",
        "보유 기간",
        "구독 해지 시까지",
    ):
        assert words in response.text, words


def test_cached_pages_link_to_the_form_and_stay_cookie_free(client, paper):
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/newsletter/"' in response.text
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_double_opt_in_end_to_end(client, paper):
    response = sign_up(client, "Reader@Example.com")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.com"
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.consented_at is not None
    assert subscriber.confirmed_at is None

    (message,) = mail.outbox
    assert message.to == ["reader@example.com"]
    assert "가람일보" in message.subject
    link = confirm_link(message)

    # A mail scanner opening the link confirms nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING

    done = Client(enforce_csrf_checks=True).post(link)
    assert done.status_code == 200
    assert "구독" in done.text
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.confirmed_at is not None


def test_signing_up_again_does_not_tell_whether_the_address_is_subscribed(
    client, paper
):
    make_subscriber("known@example.com")
    known = sign_up(client, "known@example.com")
    unknown = sign_up(client, "new@example.com")
    assert (known.status_code, known["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    # The subscribed reader gets no mail; the new address gets its confirmation.
    assert [m.to for m in mail.outbox] == [["new@example.com"]]
    assert Subscriber.objects.get(email="known@example.com").status == "active"


def test_a_reader_who_left_can_come_back_through_confirmation(client, paper):
    gone = make_subscriber("gone@example.com", status=SubscriberStatus.UNSUBSCRIBED)
    sign_up(client, "gone@example.com")
    gone.refresh_from_db()
    assert gone.status == SubscriberStatus.PENDING
    assert len(mail.outbox) == 1


def test_consent_is_required(client, paper):
    response = sign_up(client, consent="")
    assert response.status_code == 400
    assert "동의" in response.text
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "email",
    ["not-an-address", "a@b", "x" * 1_000_000, "", "홍길동@example.com"],
    ids=["malformed", "no-domain", "one-megabyte", "empty", "hangul-local-part"],
)
def test_bad_addresses_are_a_korean_error_not_a_crash(client, paper, email):
    response = sign_up(client, email)
    assert response.status_code == 400
    assert 'class="error"' in response.text
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_an_nfd_hangul_domain_is_stored_as_nfc(client, paper):
    nfd = unicodedata.normalize("NFD", "reader@가람일보.한국")
    assert sign_up(client, nfd).status_code == 302
    assert Subscriber.objects.get().email == unicodedata.normalize(
        "NFC", "reader@가람일보.한국"
    )


def test_the_honeypot_looks_accepted_and_stores_nothing(client, paper):
    response = sign_up(client, homepage="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_too_many_sign_ups_from_one_address_are_refused(client, paper, settings):
    settings.SINMUN_NEWSLETTER_POSTS_PER_HOUR = 2
    for n in range(2):
        assert sign_up(client, f"r{n}@example.com").status_code == 302
    response = sign_up(client, "r9@example.com")
    assert response.status_code == 429
    assert "한 시간" in response.text
    assert not Subscriber.objects.filter(email="r9@example.com").exists()


@pytest.mark.parametrize(
    "token",
    ["garbage", "eyJzIjoxfQ:1abc:forged", "a" * 5000],
    ids=["garbage", "forged", "very-long"],
)
def test_tampered_links_are_404_pages(client, paper, token):
    for url in (f"/newsletter/confirm/{token}/", f"/newsletter/unsubscribe/{token}/"):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404
            assert "링크" in response.text


def test_an_expired_confirmation_link_asks_to_sign_up_again(client, paper):
    subscriber = make_subscriber(status=SubscriberStatus.PENDING)
    token = tokens.confirm_token(subscriber)
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        response = client.post(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert "만료" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_a_confirmation_link_for_an_unsubscribe_is_refused(client, paper):
    subscriber = make_subscriber()
    token = tokens.confirm_token(subscriber)
    assert client.post(f"/newsletter/unsubscribe/{token}/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_unsubscribe_get_shows_a_button_and_changes_nothing(client, paper):
    subscriber = make_subscriber()
    url = f"/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber.pk)}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "<form" in response.text
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_one_click_unsubscribe_posts_without_csrf_or_login(paper):
    subscriber = make_subscriber()
    url = f"/newsletter/unsubscribe/{tokens.unsubscribe_token(subscriber.pk)}/"
    # What a mail program sends for RFC 8058: a bare POST with this one field.
    response = Client(enforce_csrf_checks=True).post(
        url,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.left_at is not None
    # Twice is fine: the same answer, nothing else changes.
    assert Client(enforce_csrf_checks=True).post(url).status_code == 200
