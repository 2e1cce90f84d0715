"""Receiving a tip, telling the desk, and deleting tips past their retention period."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sinmun.articles import selectors as article_selectors
from sinmun.tips.models import Tip, TipAttachment

logger = logging.getLogger("sinmun.tips")


def retention() -> timedelta:
    return timedelta(days=settings.SINMUN_TIP_RETENTION_DAYS)


@transaction.atomic
def receive_tip(*, cleaned: dict, now=None) -> Tip:
    """Store a tip and its checked attachments; the desk is told once it is committed."""
    now = now or timezone.now()
    article = None
    if cleaned.get("article"):
        article = article_selectors.published().filter(pk=cleaned["article"]).first()
    tip = Tip.objects.create(
        received_at=now,
        title=cleaned["title"],
        body=cleaned["body"],
        name=cleaned.get("name", ""),
        phone=cleaned.get("phone", ""),
        email=cleaned.get("email", ""),
        article=article,
        consented_at=now,
        delete_after=now + retention(),
    )
    for upload, checked in cleaned.get("attachments", []):
        attachment = TipAttachment(
            tip=tip,
            original_name=upload.name[:255],
            content_type=checked.content_type,
            size=checked.size,
        )
        attachment.file.save(upload.name, upload, save=False)
        attachment.save()
    transaction.on_commit(lambda: _enqueue_notification(tip.pk))
    return tip


def _enqueue_notification(tip_id: int) -> None:
    from sinmun.tips import tasks

    try:
        tasks.notify_desk.enqueue(tip_id=tip_id)
    except Exception:
        logger.exception("could not queue the desk notification for tip %s", tip_id)


def desk_recipients() -> list[str]:
    """SINMUN_TIP_NOTIFY_EMAILS, or the newsroom e-mail of the site settings."""
    if settings.SINMUN_TIP_NOTIFY_EMAILS:
        return list(settings.SINMUN_TIP_NOTIFY_EMAILS)
    from sinmun.core.models import NewspaperSettings

    return sorted({s.email for s in NewspaperSettings.objects.exclude(email="")})


def delete_expired(*, now=None) -> int:
    """Delete the tips (and their files) past their retention period; return how many."""
    count = 0
    for tip in Tip.objects.expired(now=now).prefetch_related("attachments"):
        with transaction.atomic():
            tip.delete()  # each attachment's file goes with its row (signals)
        count += 1
    return count
