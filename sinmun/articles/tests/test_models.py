import unicodedata

import pytest
from django.core.exceptions import ValidationError

from sinmun.articles.models import ArticleByline, ArticleKind, ArticlePage
from sinmun.articles.tests.factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def test_nfd_headline_and_invisible_characters_are_normalised_on_save(paper, reporter):
    title = unicodedata.normalize("NFD", "가람시의회,\u200b 예산안\u202e 의결\x07")
    article = make_article(
        paper.sections["politics"], title=title, reporters=[reporter]
    )
    article.refresh_from_db()
    assert article.title == "가람시의회, 예산안 의결"
    assert unicodedata.is_normalized("NFC", article.title)


def test_subtitle_keeps_one_line_per_subheadline(paper, reporter):
    article = make_article(
        paper.sections["politics"],
        subtitle="  첫 부제\x00 \n\n  둘째   부제  \n",
        reporters=[reporter],
    )
    article.refresh_from_db()
    assert article.subtitle == "첫 부제\n둘째 부제"
    assert article.subtitle_lines == ["첫 부제", "둘째 부제"]


def test_a_one_megabyte_headline_is_refused_and_nothing_is_stored(paper):
    page = ArticlePage(title="가" * 1_000_000, body=paragraphs("본문"))
    with pytest.raises(ValidationError) as error:
        paper.sections["politics"].add_child(instance=page)
    assert "title" in error.value.message_dict
    assert not ArticlePage.objects.exists()


def test_a_whitespace_only_headline_is_refused(paper):
    page = ArticlePage(title=" \u200b\u3164 ", body=paragraphs("본문"))
    with pytest.raises(ValidationError):
        paper.sections["politics"].add_child(instance=page)


def test_column_needs_a_columnist_and_series_needs_a_column(paper):
    with pytest.raises(ValidationError) as error:
        ArticlePage(title="칼럼", kind=ArticleKind.COLUMN).clean()
    assert "columnist" in error.value.message_dict


def test_updated_at_only_after_a_later_publish(paper, reporter):
    article = make_article(paper.sections["politics"], reporters=[reporter])
    assert article.updated_at is None


def test_body_text_is_plain_text_of_paragraphs_and_subheadings(paper, reporter):
    body = [
        {"type": "paragraph", "value": "<p>첫 문단 <b>강조</b> &amp; 기호.</p>"},
        {"type": "subheading", "value": "소제목"},
        {"type": "quote", "value": {"text": "인용은 빠진다", "attribution": ""}},
    ]
    article = make_article(paper.sections["politics"], body=body, reporters=[reporter])
    assert article.body_text == "첫 문단 강조 & 기호.\n소제목"


def test_one_reporter_once_per_byline(paper, reporter):
    from django.db import IntegrityError, transaction

    article = make_article(paper.sections["politics"], reporters=[reporter])
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleByline.objects.create(page=article, reporter=reporter, sort_order=5)
