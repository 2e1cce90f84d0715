"""Bounces and complaints reported through django-anymail stop the letters, with the reason."""

import pytest
from anymail.signals import AnymailTrackingEvent, tracking

from sinmun.newsletters.models import Subscriber, SubscriberStatus
from sinmun.newsletters.tests.factories import make_subscriber

pytestmark = pytest.mark.django_db


def report(event_type, recipient="reader@example.com", **fields):
    """What anymail's webhook view sends once it has checked and parsed an ESP's post."""
    event = AnymailTrackingEvent(event_type=event_type, recipient=recipient, **fields)
    tracking.send(sender=object, event=event, esp_name="Postmark")


@pytest.mark.parametrize(
    ("event_type", "status"),
    [
        ("bounced", SubscriberStatus.BOUNCED),
        ("rejected", SubscriberStatus.BOUNCED),
        ("complained", SubscriberStatus.COMPLAINED),
        ("unsubscribed", SubscriberStatus.UNSUBSCRIBED),
    ],
)
def test_a_stop_event_marks_the_subscriber_inactive_with_the_reason(event_type, status):
    make_subscriber()
    report(event_type, description="550 5.1.1 mailbox unavailable")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == status
    assert "Postmark" in subscriber.reason
    assert event_type in subscriber.reason
    assert subscriber.left_at is not None
    assert not Subscriber.objects.receiving().exists()


@pytest.mark.parametrize("event_type", ["deferred", "delivered", "opened", "clicked"])
def test_other_events_change_nothing(event_type):
    make_subscriber()
    report(event_type)
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


def test_the_reported_address_is_matched_in_its_stored_form():
    make_subscriber("reader@example.com")
    report("bounced", recipient=" Reader@Example.COM ")
    assert Subscriber.objects.get().status == SubscriberStatus.BOUNCED


def test_an_unknown_address_is_ignored():
    make_subscriber()
    report("complained", recipient="stranger@example.com")
    report("bounced", recipient=None)
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
