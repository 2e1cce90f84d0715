"""What the analyser puts in the index and makes of a query (no database needed)."""

import pytest
from modelsearch.query import And, Phrase, PlainText

from sinmun.search.analysis import analyser


def _index_terms(text):
    analysis = analyser().analyse(text)
    return set(analysis.main) | set(analysis.extras)


def _query_terms(text):
    query = analyser().query(text)
    if isinstance(query, PlainText):
        return [query.query_string]
    assert isinstance(query, And)
    return [sub.query_string for sub in query.subqueries]


@pytest.mark.parametrize(
    ("story", "query"),
    [
        ("과학 산업 단지를 둘러본 시민들", "과학산업단지"),
        ("과학 산업 단지를 둘러본 시민들", "산업단지"),
        ("과학산업단지에 입주한 기업", "산업단지"),
        ("청주 시의 예산이 늘었다", "청주시가"),
        ("가람시립중앙도서관에서 열린 강연", "중앙도서관"),
        ("행사를 개최한 단체", "개최했다"),
    ],
)
def test_a_query_written_as_one_word_finds_the_story_however_it_is_spaced(story, query):
    assert set(_query_terms(query)) <= _index_terms(story)


def test_queries_are_plain_terms_with_no_phrase_alternatives():
    query = analyser().query("과학산업단지 청주시가 개최했다")

    assert isinstance(query, And)
    assert not any(isinstance(sub, Phrase) for sub in query.subqueries)
    assert _query_terms("과학산업단지 청주시가 개최했다") == [
        "과학산업단지",
        "청주시",
        "개최",
    ]


def test_joined_spans_do_not_start_on_a_bound_noun_or_suffix():
    terms = _index_terms("2024년 예산을 받은 학생들 모임")

    assert "2024년" in terms
    assert not any(term.startswith(("년", "들")) for term in terms)


def test_particles_and_endings_are_not_indexed():
    terms = _index_terms("청주시는 축제를 개최했다")

    assert {"청주시", "축제", "개최"} <= terms
    assert not terms & {"는", "를", "했다", "청주시는"}


def test_nfd_and_zero_width_characters_are_normalised_first():
    nfd = "\u1100\u1161\u1105\u1161\u11b7\u1109\u1175"  # 가람시 in decomposed jamo
    assert _query_terms(nfd + "\u200b가") == _query_terms("가람시가")


def test_a_query_with_nothing_searchable_is_none():
    assert analyser().query("  ?! ** ") is None
