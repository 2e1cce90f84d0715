"""News tips (기사 제보) from readers: private to the desk, deleted after their retention period."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def private_storage():
    """Where attachments are kept: outside MEDIA_ROOT, never under a public URL."""
    return storages["tips"]


def attachment_path(instance, filename: str) -> str:
    # A random name: the tipster's file name (often their own name or a place) stays in
    # the database, which the retention job empties, and never in a directory listing.
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class TipStatus(models.TextChoices):
    NEW = "new", _("Received")
    REVIEWING = "reviewing", _("Under review")
    REPORTING = "reporting", _("Being reported")
    PUBLISHED = "published", _("Reported in the paper")
    CLOSED = "closed", _("Closed")


class TipQuerySet(models.QuerySet):
    def expired(self, *, now=None):
        """Tips past their retention period (파기 예정일)."""
        return self.filter(delete_after__lte=now or timezone.now())


def assignable_users():
    """Active accounts that may handle a tip: the desk, or reporters allowed assigned tips."""
    holds = Q(groups__permissions__content_type__app_label="tips") & Q(
        groups__permissions__codename__in=["change_tip", "handle_assigned_tip"]
    )
    return Q(is_active=True) & holds


class Tip(models.Model):
    """One reader's tip: what they saw, how to reach them, and how the desk is handling it."""

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    title = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("what happened"), max_length=10_000)
    name = models.CharField(_("name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("related story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consented_at = models.DateTimeField(_("consent given"))
    delete_after = models.DateTimeField(
        _("to be deleted"),
        help_text=_(
            "The retention period the tipster agreed to. The tip and its files are deleted "
            "automatically then."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TipStatus.choices, default=TipStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tips",
        limit_choices_to=assignable_users,
        help_text=_("A reporter sees only the tips assigned to them."),
    )
    desk_note = models.TextField(
        _("desk note"),
        blank=True,
        help_text=_("For the newsroom only: what was checked, who was called."),
    )

    objects = TipQuerySet.as_manager()

    class Meta:
        verbose_name = _("news tip")
        verbose_name_plural = _("news tips")
        ordering = ["-received_at"]
        permissions = [
            ("handle_assigned_tip", _("Can see and update tips assigned to them")),
        ]

    def __str__(self):
        # Not the subject: object names show in the admin's history logs, which more
        # people can read than the tips themselves.
        return _("Tip no. %(number)s") % {"number": self.pk}

    @property
    def contact(self) -> str:
        return " · ".join(value for value in (self.phone, self.email) if value)


class TipAttachment(models.Model):
    """A photo or PDF sent with a tip, stored in the private location (`STORAGES["tips"]`)."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name
