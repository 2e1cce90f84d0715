"""Writing comments and reviewing them: posting, reports, the desk's decisions, closing."""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sinmun.comments import selectors
from sinmun.comments.models import (
    MAX_LENGTH,
    ClosedStory,
    Comment,
    CommentReport,
    CommentStatus,
    ModerationMode,
)
from sinmun.core import edge, ratelimit
from sinmun.core.text import normalize_text


class CommentRefused(Exception):
    """The comment was not taken; the message says why, for the reader."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def purge_thread(article_id: int) -> None:
    """Tell the edge the story's thread changed (after the transaction commits)."""
    edge.purge(
        [edge.comments(article_id)],
        urls=[
            reverse("comments:thread", args=[article_id]),
            reverse("comments:list", args=[article_id]),
        ],
    )


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def contains_banned_word(text: str, words: Iterable[str]) -> bool:
    """Whether `text` holds one of `words`, also spelt with spaces or in other case (광 고)."""
    squeezed = _squeezed(text)
    return any(w and _squeezed(w) in squeezed for w in words)


def _over_limits(*, reader, address: str) -> bool:
    # Both are counted on every post, so a reader switching addresses, or many accounts
    # behind one address, each hit a limit.
    by_reader = ratelimit.over_hourly_limit(
        f"reader:{reader.pk}",
        scope="comments",
        limit=settings.SINMUN_COMMENTS_PER_HOUR_PER_READER,
    )
    by_address = ratelimit.over_hourly_limit(
        address,
        scope="comments-address",
        limit=settings.SINMUN_COMMENTS_PER_HOUR_PER_ADDRESS,
    )
    return by_reader or by_address


def post_comment(
    *,
    article,
    reader,
    author_name: str,
    text: str,
    address: str,
    parent: Comment | None = None,
) -> Comment:
    """Store a reader's comment, shown at once or waiting for review as the section says.

    Refuses (CommentRefused) on a closed story, a reply to a reply or to another story's
    comment, an empty or too long text, and over the hourly limits. A comment containing a
    banned word always waits for review.
    """
    if selectors.is_closed(article.pk):
        raise CommentRefused(_("Comments on this story are closed."), status=403)
    if parent is not None and (
        parent.article_id != article.pk
        or parent.parent_id is not None
        or parent.status != CommentStatus.APPROVED
    ):
        raise CommentRefused(_("You can reply only to a shown comment on this story."))
    comment = Comment(
        article=article,
        reader=reader,
        author_name=" ".join(normalize_text(author_name).split()),
        text=normalize_text(text).strip(),
        parent=parent,
    )
    try:
        comment.full_clean(exclude=["article", "reader", "parent"])
    except ValidationError as error:
        raise CommentRefused(" ".join(error.messages)) from None
    # A TextField's max_length is only the form's; the limit holds for every caller.
    if len(comment.text) > MAX_LENGTH:
        raise CommentRefused(
            _("A comment may be at most %(count)d characters long.")
            % {"count": MAX_LENGTH}
        )
    if _over_limits(reader=reader, address=address):
        raise CommentRefused(
            _("You have posted many comments in a short time. Please try again later."),
            status=429,
        )
    post_moderated = selectors.moderation_mode(article) == ModerationMode.POST
    if post_moderated and not contains_banned_word(
        f"{comment.author_name} {comment.text}", selectors.banned_words()
    ):
        comment.status = CommentStatus.APPROVED
    comment.save()
    return comment


def report_comment(*, comment: Comment, reader) -> bool:
    """Record one reader's 신고; return False if they had reported it already.

    A shown comment on a post-moderated story that reaches
    SINMUN_COMMENTS_REPORTS_TO_HIDE reports waits for the desk's review again.
    """
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reader=reader)
    except IntegrityError:
        return False
    Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    comment.refresh_from_db(fields=["report_count", "status"])
    if (
        comment.status == CommentStatus.APPROVED
        and comment.report_count >= settings.SINMUN_COMMENTS_REPORTS_TO_HIDE
        and selectors.moderation_mode(comment.article) == ModerationMode.POST
    ):
        Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.PENDING)
        comment.status = CommentStatus.PENDING
        purge_thread(comment.article_id)
    return True


def moderate(*, comments: Iterable[Comment], status: str, by) -> int:
    """Set the desk's decision on `comments`; return how many changed."""
    comments = list(comments)
    changed = Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        status=status, moderated_at=timezone.now(), moderated_by=by
    )
    for article_id in {c.article_id for c in comments}:
        purge_thread(article_id)
    return changed


def close_comments(*, article, by, note: str = "") -> ClosedStory:
    closed, _created = ClosedStory.objects.get_or_create(
        article=article, defaults={"closed_by": by, "note": note}
    )
    return closed


def reopen_comments(*, article) -> None:
    for closed in ClosedStory.objects.filter(article=article):
        closed.delete()
