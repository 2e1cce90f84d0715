"""The newsletter (뉴스레터): readers who asked for it, each day's edition, each letter sent."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCED = "bounced", _("Undeliverable")
    COMPLAINED = "complained", _("Marked as spam")


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Subscribers who confirmed their address and have not left since."""
        return self.filter(status=SubscriberStatus.ACTIVE, confirmed_at__isnull=False)


class Subscriber(models.Model):
    """One reader's address and the consent they gave (개인정보보호법 제15조)."""

    email = models.EmailField(_("e-mail"), unique=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    consented_at = models.DateTimeField(_("consent given"), default=timezone.now)
    confirmed_at = models.DateTimeField(
        _("address confirmed"),
        null=True,
        blank=True,
        help_text=_("When the reader followed the link in the confirmation e-mail."),
    )
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=200,
        blank=True,
        help_text=_(
            "Why letters stopped: unsubscribed, or what the mail provider reported."
        ),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-consented_at"]

    def __str__(self):
        # Not the address: object names show in the admin's history logs.
        return _("Subscriber no. %(number)s") % {"number": self.pk}


class EditionStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Edition(models.Model):
    """One day's morning edition (조간 뉴스레터), as it was sent to every subscriber."""

    # One edition a day, whatever the number of schedulers: the database refuses a second.
    edition_on = models.DateField(_("edition date"), unique=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EditionStatus.choices,
        default=EditionStatus.PREPARING,
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    html = models.TextField(_("HTML letter"), blank=True)
    text = models.TextField(_("plain-text letter"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # When the scheduler last queued a stalled edition's letters again (services).
    resumed_at = models.DateTimeField(_("resumed"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")
        ordering = ["-edition_on"]

    def __str__(self):
        return self.subject or str(self.edition_on)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (left before sending)")


class Delivery(models.Model):
    """One letter of an edition to one subscriber: sent at most once."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    # The batch run that took this letter; a retried run finds it taken and leaves it.
    claim = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="one_letter_per_edition"
            )
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self):
        return f"{self.edition_id}/{self.subscriber_id}: {self.status}"
