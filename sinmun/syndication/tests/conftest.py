from datetime import timedelta

import pytest
from django.utils import timezone

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article, paragraphs

MARKER = "비공개표식XQ7"
NASTY_TITLE = "가람시\x01 의회\x08 예산\x0b 통과\x1f ]]> <&> “확정”"


@pytest.fixture
def hidden(paper, reporter):
    """A draft and a future-scheduled story, each carrying MARKER in title and body."""
    draft = make_article(
        paper.sections["society"],
        title=f"초안 {MARKER}",
        body=paragraphs(f"초안 본문 {MARKER}"),
        reporters=[reporter],
        publish=False,
    )
    scheduled = make_article(
        paper.sections["economy"],
        title=f"예약 {MARKER}",
        body=paragraphs(f"예약 본문 {MARKER}"),
        reporters=[reporter],
        publish=False,
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision(approved_go_live_at=scheduled.go_live_at)
    scheduled.refresh_from_db()
    assert not scheduled.live
    return [draft, scheduled]


@pytest.fixture
def nasty(paper, reporter):
    """A published story whose headline holds XML-breaking characters (old data)."""
    article = make_article(paper.sections["society"], reporters=[reporter])
    ArticlePage.objects.filter(pk=article.pk).update(title=NASTY_TITLE)
    article.refresh_from_db()
    return article
