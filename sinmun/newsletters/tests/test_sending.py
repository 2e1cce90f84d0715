"""The morning edition: what it holds, who gets it, and that nobody gets it twice."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.test import Client

from sinmun.articles.tests.factories import make_article
from sinmun.newsletters import services
from sinmun.newsletters.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    SubscriberStatus,
)
from sinmun.newsletters.tests.factories import (
    make_subscriber,
    make_subscribers,
    pin_top_story,
)
from sinmun.tips.tests.smtp import Catcher, _free_port

KST = ZoneInfo("Asia/Seoul")
MORNING = datetime(2026, 3, 9, 6, 31, tzinfo=KST)
TOP = "가람시, 시내버스 노선 18개 전면 개편"
SECTION_STORY = "가람시의회, 내년 예산 1조 원 의결"


@pytest.fixture
def stories(paper):
    top = make_article(paper.sections["society"], title=TOP)
    make_article(paper.sections["politics"], title=SECTION_STORY)
    pin_top_story(paper.home, top)
    return top


def send_today(now=MORNING) -> Edition | None:
    """What run_scheduler's send_newsletter does at `now`; the immediate backend sends."""
    return services.start_due_edition(now=now)


def test_the_edition_carries_the_front_page_and_each_section(paper, stories):
    make_subscriber()
    edition = send_today()
    (message,) = mail.outbox
    assert "가람일보" in message.subject
    assert TOP in message.subject
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    for body in (message.body, html):
        assert TOP in body
        assert SECTION_STORY in body
        assert f"http://testserver/news/{stories.pk}" in body
        assert "정치" in body
        assert "/newsletter/unsubscribe/" in body
    assert "조간" in html
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_only_confirmed_subscribers_get_the_letter(paper, stories):
    make_subscriber("yes@example.com")
    make_subscriber("waiting@example.com", status=SubscriberStatus.PENDING)
    make_subscriber("gone@example.com", status=SubscriberStatus.UNSUBSCRIBED)
    make_subscriber("bounced@example.com", status=SubscriberStatus.BOUNCED)
    send_today()
    assert [m.to for m in mail.outbox] == [["yes@example.com"]]


def test_each_letter_has_one_click_unsubscribe_headers_that_work(paper, stories):
    subscriber = make_subscriber()
    send_today()
    (message,) = mail.outbox
    header = message.extra_headers["List-Unsubscribe"]
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    url = header.strip("<>")
    assert url.startswith("http://testserver/newsletter/unsubscribe/")
    assert url in message.body
    # The mail program's one-click POST: no cookie, no CSRF token, no login.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("http://testserver"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_a_mailto_is_added_when_configured(paper, stories, settings):
    settings.SINMUN_NEWSLETTER_UNSUBSCRIBE_MAILTO = "leave@garamilbo.example"
    make_subscriber()
    send_today()
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://testserver/newsletter/unsubscribe/")
    assert ", <mailto:leave@garamilbo.example?subject=unsubscribe-" in header


def test_nothing_is_sent_before_the_send_time_or_long_after(paper, stories):
    make_subscriber()
    assert send_today(MORNING.replace(hour=6, minute=29)) is None
    assert send_today(MORNING.replace(hour=11)) is None
    assert not mail.outbox
    assert not Edition.objects.exists()


def test_one_edition_a_day_however_often_the_scheduler_runs(paper, stories):
    make_subscribers(3)
    assert send_today() is not None
    assert send_today(MORNING.replace(minute=45)) is None
    # The scheduler's command an hour later the same morning (never the real
    # clock: CI once ran at 06:30 KST and sent that day's edition too).
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        call_command("send_newsletter", verbosity=0)
    assert len(mail.outbox) == 3
    assert Edition.objects.filter(edition_on=MORNING.date()).count() == 1


def test_a_retried_batch_or_preparation_sends_nothing_twice(paper, stories):
    make_subscribers(5)
    edition = send_today()
    assert len(mail.outbox) == 5
    ids = list(Delivery.objects.values_list("pk", flat=True))
    assert services.send_batch(edition_id=edition.pk, delivery_ids=ids) == 0
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    services.prepare_edition(edition_id=edition.pk)
    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 5


def test_sending_goes_out_in_batches_of_the_configured_size(paper, stories, settings):
    settings.SINMUN_NEWSLETTER_BATCH_SIZE = 2
    make_subscribers(5)
    edition = Edition.objects.create(edition_on=MORNING.date())
    assert services.prepare_edition(edition_id=edition.pk, now=MORNING) == 3
    assert len(mail.outbox) == 5
    assert len({m.to[0] for m in mail.outbox}) == 5


def test_a_subscriber_who_leaves_after_preparation_is_skipped(paper, stories, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    left, stays = (
        make_subscriber("left@example.com"),
        make_subscriber("stays@example.com"),
    )
    edition = Edition.objects.create(edition_on=MORNING.date())
    services.prepare_edition(edition_id=edition.pk, now=MORNING)
    services.unsubscribe(subscriber_id=left.pk)
    ids = list(Delivery.objects.values_list("pk", flat=True))
    assert services.send_batch(edition_id=edition.pk, delivery_ids=ids) == 1
    assert [m.to for m in mail.outbox] == [["stays@example.com"]]
    assert Delivery.objects.get(subscriber=left).status == DeliveryStatus.SKIPPED
    assert Delivery.objects.get(subscriber=stays).status == DeliveryStatus.SENT


def test_a_batch_costs_the_same_queries_for_ten_or_two_hundred(
    paper, stories, settings, django_assert_max_num_queries
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    make_subscribers(210)
    edition = Edition.objects.create(edition_on=MORNING.date())
    services.prepare_edition(edition_id=edition.pk, now=MORNING)
    ids = list(Delivery.objects.order_by("pk").values_list("pk", flat=True))
    with django_assert_max_num_queries(10):
        assert services.send_batch(edition_id=edition.pk, delivery_ids=ids[:10]) == 10
    with django_assert_max_num_queries(10):
        assert services.send_batch(edition_id=edition.pk, delivery_ids=ids[10:]) == 200
    assert len(mail.outbox) == 210


def test_letters_go_through_a_real_smtp_server(paper, stories, smtp_catcher):
    make_subscribers(3)
    send_today()
    assert len(smtp_catcher.messages) == 3
    message = smtp_catcher.messages[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        message["List-Unsubscribe"].strip().startswith("<http://testserver/newsletter/")
    )
    assert "가람일보" in message["From"]
    assert message.get_body(("html",)).get_content().count(TOP) >= 1
    assert TOP in message.get_body(("plain",)).get_content()


class Refusing(Catcher):
    """An SMTP server that refuses addresses starting with "gone"."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("gone"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def refusing_smtp(settings):
    catcher = Refusing()
    controller = Controller(catcher, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    try:
        yield catcher
    finally:
        controller.stop()


def test_a_refused_address_is_recorded_and_the_rest_still_go(
    paper, stories, refusing_smtp
):
    make_subscriber("a@example.com")
    make_subscriber("gone@example.com")
    make_subscriber("b@example.com")
    edition = send_today()
    assert sorted(m["To"] for m in refusing_smtp.messages) == [
        "a@example.com",
        "b@example.com",
    ]
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.subscriber.email == "gone@example.com"
    assert "550" in failed.error
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_a_mail_server_that_is_down_leaves_the_letters_for_a_rerun(
    paper, stories, smtp_catcher, settings
):
    make_subscribers(2)
    port, settings.EMAIL_PORT = settings.EMAIL_PORT, _free_port()  # nothing listens
    edition = send_today()
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 2
    settings.EMAIL_PORT = port
    services.prepare_edition(edition_id=edition.pk)
    assert len(smtp_catcher.messages) == 2
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 2


def test_an_edition_whose_tasks_were_lost_is_queued_again_once(paper, stories):
    """The queue was down when the edition started: 15 minutes on, the scheduler resumes it."""
    make_subscribers(3)
    edition = Edition.objects.create(edition_on=MORNING.date(), created_at=MORNING)
    assert send_today(MORNING + timedelta(minutes=5)) is None
    assert mail.outbox == []  # still young: its tasks may just be slow

    send_today(MORNING + timedelta(minutes=16))
    assert len(mail.outbox) == 3
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    assert edition.resumed_at == MORNING + timedelta(minutes=16)

    send_today(MORNING + timedelta(minutes=40))
    assert len(mail.outbox) == 3  # sent: never again


def test_a_resumed_edition_is_not_queued_again_every_minute(paper, stories, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    edition = Edition.objects.create(edition_on=MORNING.date(), created_at=MORNING)
    later = MORNING + timedelta(minutes=20)
    assert services.resume_stalled_edition(edition, now=later)
    assert not services.resume_stalled_edition(
        edition, now=later + timedelta(minutes=1)
    )
    assert services.resume_stalled_edition(edition, now=later + timedelta(minutes=16))
