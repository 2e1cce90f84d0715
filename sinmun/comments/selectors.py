"""Reads for the comment thread and the rules that apply to a story."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch

from sinmun.comments.models import (
    BannedWord,
    ClosedStory,
    Comment,
    SectionModeration,
)
from sinmun.migration.models import ImportedComment

# Wagtail's materialised path: four characters per level.
STEP = 4


@dataclass(frozen=True)
class ImportedEntry:
    """A comment from the paper's old site: shown as it was, never answered or reported."""

    author_name: str
    text: str
    created_at: datetime | None
    is_imported: bool = True


def moderation_mode(article) -> str:
    """Return the review mode of the nearest section above `article` that has a rule."""
    ancestors = [article.path[:i] for i in range(STEP, len(article.path), STEP)]
    rule = (
        SectionModeration.objects.filter(section__path__in=ancestors)
        .order_by("-section__depth")
        .values_list("mode", flat=True)
        .first()
    )
    return rule or settings.SINMUN_COMMENTS_DEFAULT_MODE


def is_closed(article_id: int) -> bool:
    return ClosedStory.objects.filter(article_id=article_id).exists()


def banned_words() -> list[str]:
    return list(BannedWord.objects.values_list("word", flat=True))


def thread(*, article) -> dict:
    """Return what the public thread shows: the old site's comments, then readers', oldest first.

    Only approved comments are listed, each with its approved replies (one level).
    """
    replies = Prefetch(
        "replies",
        queryset=Comment.objects.shown().order_by("created_at", "pk"),
        to_attr="shown_replies",
    )
    comments = list(
        Comment.objects.on(article.pk)
        .shown()
        .filter(parent__isnull=True)
        .only("pk", "author_name", "text", "created_at", "article_id")
        .order_by("created_at", "pk")
        .prefetch_related(replies)[: settings.SINMUN_COMMENTS_THREAD_LENGTH]
    )
    imported = [
        ImportedEntry(author_name=c.author, text=c.text, created_at=c.posted_at)
        for c in ImportedComment.objects.filter(record__page_id=article.pk).order_by(
            "posted_at", "pk"
        )
    ]
    return {
        "imported": imported,
        "comments": comments,
        "count": len(imported) + sum(1 + len(c.shown_replies) for c in comments),
        "is_closed": is_closed(article.pk),
    }


def last_name_used(reader) -> str:
    """Return the name `reader` signed their last comment with, to fill in the next one."""
    return (
        Comment.objects.filter(reader=reader)
        .order_by("-created_at")
        .values_list("author_name", flat=True)
        .first()
        or ""
    )
