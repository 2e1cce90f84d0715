"""Readers' comments on one demo story (댓글): shown ones with a reply, one waiting for the
desk, and one brought over from the paper's former website.

Written for sinmun; the readers and what they say are fictional.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from sinmun.articles.models import ArticlePage
from sinmun.comments.models import (
    BannedWord,
    Comment,
    CommentStatus,
    ModerationMode,
    SectionModeration,
)
from sinmun.migration.models import ImportedComment, ImportRecord, ImportSource
from sinmun.sections.models import SectionPage

READERS = (
    ("minji", "minji@reader.example"),
    ("dohyun", "dohyun@reader.example"),
)
COMMENTS = (
    # (reader, name shown, text, hours ago, status, reply to the comment at this index)
    (
        "minji",
        "가람동 주민",
        "출퇴근 시간 배차가 줄어든다니 반갑습니다. 다만 외곽 노선이 줄지 않았으면 합니다.",
        20,
        CommentStatus.APPROVED,
        None,
    ),
    (
        "dohyun",
        "버스타는학생",
        "설명회 자료를 시청 누리집에서도 볼 수 있으면 좋겠어요.",
        12,
        CommentStatus.APPROVED,
        None,
    ),
    (
        "dohyun",
        "버스타는학생",
        "외곽 노선은 마을버스로 바뀐다고 설명회에서 들었습니다.",
        9,
        CommentStatus.APPROVED,
        0,
    ),
    (
        "minji",
        "가람동 주민",
        "정류장 이름도 함께 바뀌는지 궁금합니다.",
        1,
        CommentStatus.PENDING,
        None,
    ),
)
IMPORTED = {
    "source_id": "demo-comment-1",
    "author": "옛 독자 김씨",
    "text": "예전 홈페이지에서 남긴 글입니다. 노선 개편 소식 기다리고 있었습니다.",
    "days_ago": 400,
}
BANNED_WORDS = ("불법도박", "대출문의")


def demo_story() -> ArticlePage | None:
    """The society section's newest story, whose section shows comments at once."""
    society = SectionPage.objects.filter(slug="society", depth=3).first()
    if society is None:
        return None
    return (
        ArticlePage.objects.live()
        .descendant_of(society)
        .order_by("-first_published_at", "-pk")
        .first()
    )


def _readers() -> dict:
    users = get_user_model().objects
    found = {}
    for username, email in READERS:
        user, created = users.get_or_create(
            username=f"reader-{username}", defaults={"email": email}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            EmailAddress.objects.create(
                user=user, email=email, verified=True, primary=True
            )
        found[username] = user
    return found


def ensure_demo_comments(*, now=None) -> int:
    """Add the demo comments if the story has none yet; return how many were added."""
    now = now or timezone.now()
    story = demo_story()
    if story is None or Comment.objects.filter(article=story).exists():
        return 0
    SectionModeration.objects.get_or_create(
        section=SectionPage.objects.get(slug="society", depth=3),
        defaults={"mode": ModerationMode.POST},
    )
    for word in BANNED_WORDS:
        BannedWord.objects.get_or_create(word=word)
    readers = _readers()
    added = []
    for reader, name, text, hours_ago, status, reply_to in COMMENTS:
        added.append(
            Comment.objects.create(
                article=story,
                reader=readers[reader],
                author_name=name,
                text=text,
                created_at=now - timedelta(hours=hours_ago),
                status=status,
                parent=added[reply_to] if reply_to is not None else None,
            )
        )
    record, _ = ImportRecord.objects.get_or_create(
        source=ImportSource.WORDPRESS,
        kind="post",
        source_id="demo-comments",
        defaults={"page": story, "fingerprint": "demo"},
    )
    ImportedComment.objects.get_or_create(
        record=record,
        source_id=IMPORTED["source_id"],
        defaults={
            "author": IMPORTED["author"],
            "text": IMPORTED["text"],
            "posted_at": now - timedelta(days=IMPORTED["days_ago"]),
        },
    )
    return len(added) + 1
