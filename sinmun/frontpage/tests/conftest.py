"""Fixtures for the front page's tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sinmun.articles.models import ArticleKind, ReadCount
from sinmun.articles.tests.factories import make_article, make_articles, make_photo
from sinmun.newsroom.tests.factories import ColumnistFactory


@pytest.fixture
def busy_paper(paper, reporter):
    photo = make_photo()
    now = timezone.now()
    stories = []
    for _key, section in paper.sections.items():
        stories += make_articles(
            section,
            10,
            reporters=[reporter],
            lead_image=photo,
            start=now - timedelta(minutes=len(stories)),
            tags=["가람"],
        )
    columnist = ColumnistFactory(photo=photo)
    for n in range(3):
        make_article(
            paper.sections["politics"],
            title=f"칼럼 {n}: 겨울 강변에서",
            kind=ArticleKind.COLUMN,
            columnist=columnist,
        )
    for n, story in enumerate(stories):
        ReadCount.objects.create(
            article=story, day=timezone.localdate(), count=1000 - n
        )
    return paper
