import pytest

from sinmun.articles.tests.factories import make_article, paragraphs
from tests.search.corpus import DOCS


@pytest.fixture
def corpus(paper, reporter, django_capture_on_commit_callbacks):
    """The labelled corpus, published and indexed by the (immediate) publish task."""
    with django_capture_on_commit_callbacks(execute=True):
        return {
            key: make_article(
                paper.sections["society"],
                title=title,
                body=paragraphs(body),
                reporters=[reporter],
            )
            for key, (title, body) in DOCS.items()
        }
