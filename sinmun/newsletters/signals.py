"""Bounces and complaints the mail provider reports through django-anymail's webhooks."""

import logging

from anymail.signals import EventType

from sinmun.newsletters import services
from sinmun.newsletters.models import SubscriberStatus

logger = logging.getLogger("sinmun.newsletters")

# Anymail's normalized events that mean "send no more": a hard bounce or a rejection
# (the address does not exist or refuses us), a spam complaint, an unsubscribe at the ESP.
# A soft bounce (`deferred`) is retried by the provider and stops nothing.
STOPS = {
    EventType.BOUNCED: SubscriberStatus.BOUNCED,
    EventType.REJECTED: SubscriberStatus.BOUNCED,
    EventType.COMPLAINED: SubscriberStatus.COMPLAINED,
    EventType.UNSUBSCRIBED: SubscriberStatus.UNSUBSCRIBED,
}


def delivery_reported(sender, event, esp_name, **kwargs):
    """Mark the subscriber inactive, with the reason, when the provider reports a stop."""
    status = STOPS.get(event.event_type)
    if status is None or not event.recipient:
        return
    detail = event.description or event.reject_reason or event.mta_response or ""
    reason = f"{esp_name}: {event.event_type}" + (f" ({detail})" if detail else "")
    if services.mark_undeliverable(email=event.recipient, status=status, reason=reason):
        logger.info(
            "newsletter: subscriber stopped by %s %s", esp_name, event.event_type
        )
