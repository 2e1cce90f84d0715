"""What an archive import remembers: which old item became which story, and its old addresses.

The tables are shared by every importer (WordPress now, the legacy Korean CMS next): each
row names its `source`, so one paper can bring in both archives.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportSource(models.TextChoices):
    WORDPRESS = "wordpress", _("WordPress")
    LEGACY = "legacy", _("Legacy news CMS")


class ImportRecord(models.Model):
    """One item of an old archive and the page or photo it became. Re-runs key on it."""

    source = models.CharField(_("source"), max_length=16, choices=ImportSource)
    kind = models.CharField(
        _("kind"), max_length=16, help_text=_("post, page or attachment")
    )
    source_id = models.CharField(_("id in the old system"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    photo = models.ForeignKey(
        "images.Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The revision the import last wrote: a newer one means an editor changed the story
    # in sinmun, and a re-run leaves it alone instead of overwriting that work.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    fingerprint = models.CharField(_("fingerprint of the source"), max_length=64)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="import_record_unique"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.source_id}"


class OldAddress(models.Model):
    """An old address that is not a plain path, such as WordPress's `/?p=123`.

    Plain old paths are Wagtail redirects; a query-string address on the front page never
    reaches Wagtail's 404-only redirect middleware, so it is looked up here by its key
    (unique, so one index lookup at any number of addresses). An address without a page
    is an old item that is not public (a trashed post): it answers 404.
    """

    key = models.CharField(_("key"), max_length=255, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return self.key


class ImportedComment(models.Model):
    """A reader's approved comment from the old site, shown read-only in the story's thread
    (sinmun.comments.selectors.thread)."""

    record = models.ForeignKey(
        ImportRecord,
        verbose_name=_("imported item"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    source_id = models.CharField(_("id in the old system"), max_length=64)
    author = models.CharField(_("author"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    text = models.TextField(_("text"))
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("imported comment")
        verbose_name_plural = _("imported comments")
        constraints = [
            models.UniqueConstraint(
                fields=["record", "source_id"], name="imported_comment_unique"
            )
        ]

    def __str__(self):
        return f"{self.author}: {self.text[:30]}"
