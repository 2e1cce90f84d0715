"""Particle and ending variants find their story, on SQLite and on PostgreSQL alike."""

from modelsearch.backends import get_search_backend

from sinmun.articles.models import ArticlePage
from tests.search.corpus import QUERIES


def _search(query):
    return list(get_search_backend().search(query, ArticlePage.objects.live()))


def test_every_labelled_query_finds_its_story(corpus):
    missed = [
        (query, key)
        for query, key, _ in QUERIES
        if corpus[key].pk not in {page.pk for page in _search(query)}
    ]
    assert len(QUERIES) >= 40
    assert missed == []


def test_headline_queries_rank_their_story_first(corpus):
    title_queries = [(q, key) for q, key, title in QUERIES if title]
    first = [
        (query, key)
        for query, key in title_queries
        if (results := _search(query)) and results[0].pk == corpus[key].pk
    ]
    assert len(first) / len(title_queries) >= 0.9, set(title_queries) - set(first)


def test_page_objects_search_uses_the_korean_backend(corpus):
    found = ArticlePage.objects.live().search("청주시가")
    assert [page.pk for page in found] == [corpus["bus"].pk]


def test_words_that_are_not_in_the_corpus_find_nothing(corpus):
    assert _search("대통령 선거") == []
