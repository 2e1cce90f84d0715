"""Readers' comments (댓글) on stories, and the desk's rules for them.

Everything here is keyed to pages of other apps (a story, a section) from this app's own
tables, so no other app's model changes when comments are switched on or off.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinmun.core.text import normalize_text

# A comment is a reply to the story, not an article of its own (about 500 Hangul syllables
# fill a phone screen; Naver News allows 300 characters).
MAX_LENGTH = 1000
MAX_NAME_LENGTH = 30


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Shown")
    HIDDEN = "hidden", _("Hidden")
    REMOVED = "removed", _("Removed")


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Review before showing (pre-moderation)")
    POST = "post", _("Show at once, review afterwards (post-moderation)")


class CommentQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(status=CommentStatus.APPROVED)

    def on(self, article_id: int):
        return self.filter(article_id=article_id)


class Comment(models.Model):
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    author_name = models.CharField(
        _("name shown"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("Chosen by the reader."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    text = models.TextField(_("text"), max_length=MAX_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CommentStatus,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    moderated_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_thread"
            )
        ]

    def __str__(self):
        return f"{self.author_name}: {self.text[:30]}"

    def clean(self):
        self.text = normalize_text(self.text).strip()
        self.author_name = " ".join(normalize_text(self.author_name).split())


class CommentReport(models.Model):
    """A reader's 신고 of a comment: one per reader and comment."""

    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reader"], name="comment_report_once"
            )
        ]

    def __str__(self):
        return str(self.comment)


class SectionModeration(models.Model):
    """How a section's comments are reviewed; the nearest section with a row decides."""

    section = models.OneToOneField(
        "sections.SectionPage",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mode = models.CharField(
        _("review"),
        max_length=8,
        choices=ModerationMode,
        default=ModerationMode.PRE,
        help_text=_(
            "Applies to the stories of this section and of its subsections that have "
            "no rule of their own."
        ),
    )

    class Meta:
        verbose_name = _("section comment rule")
        verbose_name_plural = _("section comment rules")

    def __str__(self):
        return f"{self.section.title}: {self.get_mode_display()}"


class ClosedStory(models.Model):
    """A story the desk closed to new comments; the comments it has stay shown."""

    article = models.OneToOneField(
        "articles.ArticlePage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(
        _("desk note"),
        max_length=200,
        blank=True,
        help_text=_("Why the comments were closed. Only the newsroom sees it."),
    )

    class Meta:
        verbose_name = _("story closed to comments")
        verbose_name_plural = _("stories closed to comments")

    def __str__(self):
        return self.article.title


class BannedWord(models.Model):
    """A word or phrase that holds a comment for the desk's review, whatever the section."""

    word = models.CharField(
        _("word"),
        max_length=100,
        unique=True,
        help_text=_(
            "A comment containing it (ignoring spaces and case) waits for review."
        ),
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("banned word")
        verbose_name_plural = _("banned words")
        ordering = ["word"]

    def __str__(self):
        return self.word

    def clean(self):
        self.word = " ".join(normalize_text(self.word).split())
