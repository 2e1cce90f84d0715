"""Posting and reviewing comments: modes per section, banned words, limits, reports, closing."""

import unicodedata

import pytest

from sinmun.articles.tests.factories import make_article
from sinmun.comments import selectors, services
from sinmun.comments.models import (
    BannedWord,
    ClosedStory,
    CommentReport,
    CommentStatus,
    ModerationMode,
    SectionModeration,
)
from sinmun.comments.tests.factories import make_comment, make_reader
from sinmun.migration.models import ImportedComment, ImportRecord, ImportSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(paper):
    return make_article(
        paper.sections["society/incidents"], title="가람시장 화재, 점포 12곳 피해"
    )


@pytest.fixture
def reader(db):
    return make_reader()


def post(story, reader, text="빠른 복구를 바랍니다.", **kwargs):
    kwargs.setdefault("address", "203.0.113.7")
    return services.post_comment(
        article=story, reader=reader, author_name="가람시민", text=text, **kwargs
    )


def test_a_comment_waits_for_review_by_default(story, reader):
    assert post(story, reader).status == CommentStatus.PENDING


def test_a_post_moderated_section_shows_comments_at_once(paper, story, reader):
    SectionModeration.objects.create(
        section=paper.sections["society"], mode=ModerationMode.POST
    )
    assert post(story, reader).status == CommentStatus.APPROVED


def test_the_nearest_section_rule_wins(paper, story, reader):
    SectionModeration.objects.create(
        section=paper.sections["society"], mode=ModerationMode.POST
    )
    SectionModeration.objects.create(
        section=paper.sections["society/incidents"], mode=ModerationMode.PRE
    )
    assert selectors.moderation_mode(story) == ModerationMode.PRE


def test_a_banned_word_holds_a_comment_even_spelt_apart(paper, story, reader):
    SectionModeration.objects.create(
        section=paper.sections["society"], mode=ModerationMode.POST
    )
    BannedWord.objects.create(word="대출광고")
    assert (
        post(story, reader, text="싸게 대출 광고 합니다").status
        == CommentStatus.PENDING
    )
    assert post(story, reader, text="피해 상인 지원이 필요합니다").status == (
        CommentStatus.APPROVED
    )


def test_text_is_stored_in_nfc_and_too_long_is_refused(story, reader):
    decomposed = unicodedata.normalize("NFD", "상인들 힘내세요\u200b")
    comment = post(story, reader, text=decomposed)
    assert comment.text == "상인들 힘내세요"
    with pytest.raises(services.CommentRefused):
        post(story, reader, text="가" * 1001)


def test_a_closed_story_refuses_comments(story, reader):
    ClosedStory.objects.create(article=story)
    with pytest.raises(services.CommentRefused) as refused:
        post(story, reader)
    assert refused.value.status == 403


def test_replies_go_one_level_deep_on_the_same_story(paper, story, reader):
    top = make_comment(story, reader)
    reply = post(story, reader, parent=top)
    assert reply.parent == top
    with pytest.raises(services.CommentRefused):
        post(story, reader, parent=reply)
    other = make_article(paper.sections["economy"], title="가람시 예산 1조 돌파")
    with pytest.raises(services.CommentRefused):
        post(other, reader, parent=top)


def test_a_reader_is_limited_per_hour_and_so_is_an_address(settings, story, reader):
    settings.SINMUN_COMMENTS_PER_HOUR_PER_READER = 2
    post(story, reader)
    post(story, reader)
    with pytest.raises(services.CommentRefused) as refused:
        post(story, reader)
    assert refused.value.status == 429

    settings.SINMUN_COMMENTS_PER_HOUR_PER_READER = 100
    settings.SINMUN_COMMENTS_PER_HOUR_PER_ADDRESS = 1
    others = [make_reader(f"r{n}@garamilbo.example") for n in range(2)]
    post(story, others[0], address="198.51.100.9")
    with pytest.raises(services.CommentRefused):
        post(story, others[1], address="198.51.100.9")


def test_one_report_per_reader_and_enough_reports_hide_a_post_moderated_comment(
    paper, story, reader, settings
):
    settings.SINMUN_COMMENTS_REPORTS_TO_HIDE = 2
    SectionModeration.objects.create(
        section=paper.sections["society"], mode=ModerationMode.POST
    )
    comment = make_comment(story, reader)
    first, second = (
        make_reader("a@garamilbo.example"),
        make_reader("b@garamilbo.example"),
    )
    assert services.report_comment(comment=comment, reader=first)
    assert not services.report_comment(comment=comment, reader=first)
    comment.refresh_from_db()
    assert (comment.report_count, comment.status) == (1, CommentStatus.APPROVED)
    services.report_comment(comment=comment, reader=second)
    comment.refresh_from_db()
    assert (comment.report_count, comment.status) == (2, CommentStatus.PENDING)
    assert CommentReport.objects.count() == 2


def test_reports_never_hide_a_comment_the_desk_approved_first(story, reader, settings):
    settings.SINMUN_COMMENTS_REPORTS_TO_HIDE = 1
    comment = make_comment(story, reader)  # the default mode: pre-moderation
    services.report_comment(comment=comment, reader=make_reader("a@garamilbo.example"))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED


def test_the_thread_shows_imported_then_approved_comments_with_replies(story, reader):
    record = ImportRecord.objects.create(
        source=ImportSource.WORDPRESS, kind="post", source_id="41", page=story
    )
    ImportedComment.objects.create(
        record=record, source_id="7", author="옛독자", text="예전 사이트에서 남긴 글"
    )
    shown = make_comment(story, reader)
    make_comment(story, reader, parent=shown, text="저도 같은 생각입니다.")
    make_comment(story, reader, status=CommentStatus.PENDING, text="검토 중인 글")
    make_comment(story, reader, status=CommentStatus.HIDDEN, text="가려진 글")

    thread = selectors.thread(article=story)

    assert [c.author_name for c in thread["imported"]] == ["옛독자"]
    assert [c.pk for c in thread["comments"]] == [shown.pk]
    assert [r.text for r in thread["comments"][0].shown_replies] == [
        "저도 같은 생각입니다."
    ]
    assert thread["count"] == 3


def test_moderating_changes_the_status_and_purges_the_thread(
    story, reader, settings, django_capture_on_commit_callbacks, monkeypatch
):
    purged = []
    monkeypatch.setattr(
        services.edge, "purge", lambda keys, urls=(): purged.append(keys)
    )
    comment = make_comment(story, reader, status=CommentStatus.PENDING)
    purged.clear()
    services.moderate(comments=[comment], status=CommentStatus.APPROVED, by=None)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert purged == [[f"k{story.pk}"]]
