"""Signing up, confirming, leaving; building and sending the morning edition.

Sending is split so that nothing long runs in a request or in the scheduler:

1. `start_due_edition` (the scheduler's `send_newsletter`, every minute) creates today's
   `Edition` row once the send time has passed, and queues `prepare_edition`. The row is
   unique per date, so several schedulers, or a rerun, make one edition a day.
2. `prepare_edition` (a task) renders the letter once and makes one `Delivery` row per
   confirmed subscriber, then queues `send_batch` tasks of `SINMUN_NEWSLETTER_BATCH_SIZE`.
3. `send_batch` (a task) takes its still-waiting rows in one conditional UPDATE, sends them
   over one connection and records each result. A retried or duplicated task finds the rows
   taken and sends nothing twice. A worker killed mid-batch leaves its rows "being sent":
   those letters are not retried (at most once, never twice).
"""

import logging
import unicodedata
import uuid
from collections import defaultdict
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sinmun.newsletters import selectors, tokens
from sinmun.newsletters.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)

logger = logging.getLogger("sinmun.newsletters")

# Stands for each reader's own unsubscribe address in the stored letter.
UNSUBSCRIBE_MARK = "__SINMUN_UNSUBSCRIBE_URL__"
LEAVING = (
    SubscriberStatus.UNSUBSCRIBED,
    SubscriberStatus.BOUNCED,
    SubscriberStatus.COMPLAINED,
)
# A sign-up repeated sooner than this sends no second confirmation: the form must not
# become a way to flood someone's inbox.
RESEND_AFTER = timedelta(minutes=10)
# An unsent edition this old (or this long after it was last resumed) has lost its tasks.
STALLED_AFTER = timedelta(minutes=15)


def normalize_email(address: str) -> str:
    """Return `address` in the one form it is stored in: NFC, trimmed, lower case."""
    return unicodedata.normalize("NFC", address).strip().lower()


def site_url() -> str:
    site = selectors.default_site()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def subscribe(*, email: str, now: datetime | None = None) -> Subscriber | None:
    """Record a sign-up and queue the confirmation e-mail; return the subscriber.

    The reader sees the same answer whatever the address's state, so the form does not
    tell anyone who reads the paper's letters. An address already subscribed gets nothing.
    """
    now = now or timezone.now()
    email = normalize_email(email)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"consented_at": now}
        )
        if not created and subscriber.status == SubscriberStatus.ACTIVE:
            return subscriber
        if (
            not created
            and subscriber.status == SubscriberStatus.PENDING
            and subscriber.consented_at > now - RESEND_AFTER
        ):
            return subscriber
        if not created:
            subscriber.status = SubscriberStatus.PENDING
            subscriber.consented_at = now
            subscriber.confirmed_at = None
            subscriber.save(update_fields=["status", "consented_at", "confirmed_at"])
        transaction.on_commit(lambda: _enqueue_confirmation(subscriber.pk))
    return subscriber


def _enqueue_confirmation(subscriber_id: int) -> None:
    from sinmun.newsletters import tasks

    try:
        tasks.send_confirmation.enqueue(subscriber_id=subscriber_id)
    except Exception:
        logger.exception(
            "could not queue the confirmation for subscriber %s", subscriber_id
        )


def confirmation_message(subscriber: Subscriber) -> EmailMultiAlternatives:
    paper_name = selectors.paper_name()
    context = {
        "paper_name": paper_name,
        "confirm_url": site_url()
        + reverse("newsletters:confirm", args=[tokens.confirm_token(subscriber)]),
        "max_age_days": settings.SINMUN_NEWSLETTER_CONFIRM_MAX_AGE_SECONDS // 86_400,
    }
    subject = render_to_string("newsletters/email/confirm_subject.txt", context).strip()
    body = render_to_string("newsletters/email/confirm.txt", context)
    return EmailMultiAlternatives(
        subject, body, from_address(paper_name), [subscriber.email]
    )


def from_address(paper_name: str) -> str:
    address = settings.SINMUN_NEWSLETTER_FROM_EMAIL or settings.DEFAULT_FROM_EMAIL
    return f"{paper_name} <{address}>" if paper_name and "<" not in address else address


def confirm(*, subscriber_id: int, email: str, now: datetime | None = None) -> bool:
    """Confirm the address a confirmation link was sent to; False if it is not waiting."""
    now = now or timezone.now()
    updated = Subscriber.objects.filter(
        pk=subscriber_id, email=email, status=SubscriberStatus.PENDING
    ).update(status=SubscriberStatus.ACTIVE, confirmed_at=now, left_at=None, reason="")
    if updated:
        return True
    return Subscriber.objects.filter(
        pk=subscriber_id, email=email, status=SubscriberStatus.ACTIVE
    ).exists()


def unsubscribe(
    *,
    subscriber_id: int,
    status: str = SubscriberStatus.UNSUBSCRIBED,
    reason: str = "",
    now: datetime | None = None,
) -> int:
    """Stop letters to the subscriber; return 1 if they were receiving or waiting, else 0."""
    return (
        Subscriber.objects.filter(pk=subscriber_id)
        .exclude(status__in=LEAVING)
        .update(
            status=status,
            left_at=now or timezone.now(),
            reason=(reason or _("Unsubscribed by the reader"))[:200],
        )
    )


def mark_undeliverable(*, email: str, status: str, reason: str) -> int:
    """Stop letters to `email` after the mail provider reported a bounce or a complaint."""
    subscriber = Subscriber.objects.filter(email=normalize_email(email)).first()
    if subscriber is None:
        return 0
    return unsubscribe(subscriber_id=subscriber.pk, status=status, reason=reason)


# The edition


def send_time() -> time:
    hours, minutes = settings.SINMUN_NEWSLETTER_SEND_AT.split(":")
    return time(int(hours), int(minutes))


def is_due(now: datetime) -> bool:
    """True between today's send time (KST) and the end of the sending window."""
    local = timezone.localtime(now)
    starts = local.replace(
        hour=send_time().hour, minute=send_time().minute, second=0, microsecond=0
    )
    window = timedelta(hours=settings.SINMUN_NEWSLETTER_SEND_WINDOW_HOURS)
    return starts <= local < starts + window


def render_edition(*, now: datetime | None = None) -> dict:
    """Return the subject, HTML and text of the morning edition as it is at `now`."""
    context = selectors.morning_edition(now=now)
    context["unsubscribe_url"] = UNSUBSCRIBE_MARK
    return {
        "subject": render_to_string(
            "newsletters/email/edition_subject.txt", context
        ).strip(),
        "html": render_to_string("newsletters/email/edition.html", context),
        "text": render_to_string("newsletters/email/edition.txt", context),
        "has_stories": bool(context["leads"] or context["sections"]),
    }


def start_due_edition(*, now: datetime | None = None) -> Edition | None:
    """Create today's edition and queue its preparation, if it is due and not made yet."""
    now = now or timezone.now()
    if not settings.SINMUN_NEWSLETTER_ENABLED or not is_due(now):
        return None
    try:
        with transaction.atomic():
            edition, created = Edition.objects.get_or_create(
                edition_on=timezone.localdate(now), defaults={"created_at": now}
            )
    except IntegrityError:  # another scheduler created it at the same moment
        return None
    if not created:
        resume_stalled_edition(edition, now=now)
        return None
    _enqueue("prepare_edition", edition_id=edition.pk)
    return edition


def resume_stalled_edition(edition: Edition, *, now: datetime) -> bool:
    """Queue a stalled edition's waiting letters again; return whether it was queued.

    An edition still unsent STALLED_AFTER after it started (or after it was last resumed)
    lost its tasks: the queue or a worker went down. Its preparation is queued again,
    which makes the missing letters and queues those still waiting; a letter is claimed
    by one batch only, so one already sent never goes twice. Letters a killed worker had
    claimed stay claimed: whether they left is unknown, and a letter goes at most once.
    """
    since = now - STALLED_AFTER
    if edition.status == EditionStatus.SENT or edition.created_at > since:
        return False
    taken = (
        Edition.objects.filter(pk=edition.pk)
        .exclude(status=EditionStatus.SENT)
        .filter(Q(resumed_at__isnull=True) | Q(resumed_at__lte=since))
        .update(resumed_at=now)
    )
    if not taken:  # sent meanwhile, or another scheduler resumed it
        return False
    logger.warning("newsletter edition %s stalled; queued again", edition.edition_on)
    _enqueue("prepare_edition", edition_id=edition.pk)
    return True


def _enqueue(name: str, **kwargs) -> None:
    from sinmun.newsletters import tasks

    getattr(tasks, name).enqueue(**kwargs)


def prepare_edition(*, edition_id: int, now: datetime | None = None) -> int:
    """Render the edition, make a letter per confirmed subscriber, queue the batches.

    Return the number of batches queued. Run again, it adds letters only for subscribers
    who have none and queues only letters still waiting (which a batch takes once).
    """
    edition = Edition.objects.get(pk=edition_id)
    if edition.status == EditionStatus.SENT:
        return 0
    if not edition.html:
        letter = render_edition(now=now)
        edition.subject = letter["subject"]
        edition.html = letter["html"]
        edition.text = letter["text"]
        edition.save(update_fields=["subject", "html", "text"])
    subscribers = Subscriber.objects.receiving().values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(edition=edition, subscriber_id=pk) for pk in subscribers.iterator()),
        batch_size=1000,
        ignore_conflicts=True,
    )
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENDING)
    waiting = list(
        Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    size = settings.SINMUN_NEWSLETTER_BATCH_SIZE
    batches = [waiting[i : i + size] for i in range(0, len(waiting), size)]
    for batch in batches:
        _enqueue("send_batch", edition_id=edition.pk, delivery_ids=batch)
    if not batches:
        finish_if_done(edition.pk)
    return len(batches)


def unsubscribe_url(subscriber_id: int, root_url: str) -> str:
    return root_url + reverse(
        "newsletters:unsubscribe", args=[tokens.unsubscribe_token(subscriber_id)]
    )


def letter(edition: Edition, subscriber: Subscriber, *, root_url: str, sender: str):
    """Return the edition's message to one subscriber, with RFC 8058 one-click headers."""
    url = unsubscribe_url(subscriber.pk, root_url)
    headers = {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if settings.SINMUN_NEWSLETTER_UNSUBSCRIBE_MAILTO:
        headers["List-Unsubscribe"] += (
            f", <mailto:{settings.SINMUN_NEWSLETTER_UNSUBSCRIBE_MAILTO}"
            f"?subject=unsubscribe-{subscriber.pk}>"
        )
    message = EmailMultiAlternatives(
        edition.subject,
        edition.text.replace(UNSUBSCRIBE_MARK, url),
        sender,
        [subscriber.email],
        headers=headers,
    )
    message.attach_alternative(edition.html.replace(UNSUBSCRIBE_MARK, url), "text/html")
    return message


def send_batch(*, edition_id: int, delivery_ids: list[int]) -> int:
    """Send the still-waiting letters among `delivery_ids`; return how many were sent.

    The number of queries does not depend on the batch size: one UPDATE takes the rows,
    one SELECT reads them with their subscribers, one UPDATE per outcome records them.
    """
    claim = uuid.uuid4().hex
    Delivery.objects.filter(
        pk__in=delivery_ids, edition_id=edition_id, status=DeliveryStatus.PENDING
    ).update(status=DeliveryStatus.SENDING, claim=claim)
    taken = list(
        Delivery.objects.filter(claim=claim)
        .select_related("edition", "subscriber")
        .order_by("pk")
    )
    if not taken:
        return 0
    edition = taken[0].edition
    root_url = site_url()
    sender = from_address(selectors.paper_name())
    receiving = [d for d in taken if d.subscriber.status == SubscriberStatus.ACTIVE]
    skipped = [d.pk for d in taken if d.subscriber.status != SubscriberStatus.ACTIVE]
    sent, failed = [], defaultdict(list)
    connection = get_connection()
    try:
        connection.open()
    except Exception:
        # The mail server is down, not one address refused: give the letters back, so
        # the task fails (it shows in the task results) and a rerun sends them.
        Delivery.objects.filter(claim=claim).update(
            status=DeliveryStatus.PENDING, claim=""
        )
        raise
    try:
        for delivery in receiving:
            message = letter(
                edition, delivery.subscriber, root_url=root_url, sender=sender
            )
            try:
                connection.send_messages([message])
            except Exception as exc:  # noqa: BLE001 - one refused address must not stop the batch
                logger.warning(
                    "newsletter %s: letter %s failed: %s", edition_id, delivery.pk, exc
                )
                failed[f"{type(exc).__name__}: {exc}"[:500]].append(delivery.pk)
            else:
                sent.append(delivery.pk)
    finally:
        connection.close()
    now = timezone.now()
    Delivery.objects.filter(pk__in=sent).update(status=DeliveryStatus.SENT, sent_at=now)
    if skipped:
        Delivery.objects.filter(pk__in=skipped).update(status=DeliveryStatus.SKIPPED)
    for error, pks in failed.items():
        Delivery.objects.filter(pk__in=pks).update(
            status=DeliveryStatus.FAILED, error=error
        )
    finish_if_done(edition_id, now=now)
    return len(sent)


def finish_if_done(edition_id: int, *, now: datetime | None = None) -> bool:
    """Mark the edition sent once no letter of it is waiting; True if it was marked now."""
    open_letters = Delivery.objects.filter(
        edition=OuterRef("pk"),
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING],
    )
    return bool(
        Edition.objects.filter(pk=edition_id)
        .exclude(status=EditionStatus.SENT)
        .exclude(Exists(open_letters))
        .update(status=EditionStatus.SENT, finished_at=now or timezone.now())
    )
