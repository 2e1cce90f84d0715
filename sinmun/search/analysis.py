"""Korean analysis for search: Kiwi morphemes for the index and for the query.

Korean words carry particles and endings (청주시가, 청주시는; 개최했다, 개최한), so neither
SQLite's unicode61 tokeniser nor PostgreSQL's parser can match them. Both engines are
handed plain space-separated morphemes instead, and the query goes through the same
analysis (specs/korean-search.md).

Kiwi takes about 3 s and 0.5 GB to load, so one instance is loaded per process at start-up
(`SearchConfig.ready`, before gunicorn --preload forks its workers) and shared read-only.
"""

import contextvars
import hashlib
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from modelsearch.query import And, Or, PlainText, SearchQuery

from sinmun.core.text import normalize_text

USER_DICTIONARY = Path(__file__).parent / "data" / "userdict.txt"
COMPOUNDS = Path(__file__).parent / "data" / "compounds.txt"
# Bump when the rules below change what is indexed.
RULES_VERSION = 2
# Longest query analysed; the view cuts earlier (SINMUN_SEARCH_MAX_QUERY_LENGTH).
MAX_QUERY_CHARS = 1000

NOUNS = {"NNG", "NNP", "NR"}
FOREIGN = {"SL", "SH", "SN"}
# Morphemes that may be joined into a noun run inside one word (청주/시 → 청주시,
# 2024/년 → 2024년) though most are not indexed alone.
RUN_TAGS = NOUNS | {"NNB", "XSN", "XPN", "SN", "XR"}
STOP_STEMS = {"하", "되", "있", "없", "않", "이", "아니"}
_TERM_CHARS = re.compile(r"[^\w]|_", re.UNICODE)


def _is_stem(tag: str) -> bool:
    return tag.startswith(("VV", "VA"))


def _clean(form: str, tag: str) -> str:
    term = _TERM_CHARS.sub("", form)
    return term.lower() if tag == "SL" else term


def analyser_version() -> str:
    """Kiwi and model versions, the user dictionary's hash and the rules' version."""
    digest = hashlib.sha256(
        USER_DICTIONARY.read_bytes() + COMPOUNDS.read_bytes()
    ).hexdigest()[:12]
    return (
        f"kiwi{metadata.version('kiwipiepy')}"
        f"-model{metadata.version('kiwipiepy_model')}"
        f"-dict{digest}-rules{RULES_VERSION}"
    )


@dataclass(frozen=True)
class Analysis:
    main: list[str]  # indexable morphemes in text order (phrases match these)
    extras: list[str]  # compound parts and joined noun runs


class Analyser:
    def __init__(self):
        import warnings

        from kiwipiepy import Kiwi

        with warnings.catch_warnings():
            # num_workers=0 means "analyse in the calling thread" since 0.21; Kiwi warns.
            warnings.simplefilter("ignore", DeprecationWarning)
            self.kiwi = Kiwi(num_workers=0)
        self.kiwi.load_user_dictionary(str(USER_DICTIONARY))
        self.kiwi.tokenize("")  # the model loads lazily: load it now, not per request
        self.compounds = _read_compounds(COMPOUNDS)
        self.version = analyser_version()
        self._lock = threading.Lock()

    # -- index side -----------------------------------------------------------------

    def analyse(self, text: str) -> Analysis:
        memo = _text_memo.get()
        if memo is not None:
            found = memo.get(text)
            if found is None:
                if len(memo) >= TEXT_MEMO_SIZE:
                    memo.clear()
                found = memo[text] = self._analyse(text)
            return found
        return self._analyse(text)

    def _analyse(self, text: str) -> Analysis:
        text = normalize_text(text or "")
        if not text.strip():
            return Analysis([], [])
        return self._from_tokens(self.kiwi.tokenize(text))

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        return [self.analyse(text) for text in texts]

    def _from_tokens(self, tokens) -> Analysis:
        main: list[str] = []
        extras: list[str] = _joined_spans(tokens)
        for token in tokens:
            term = self._index_term(token)
            if not term:
                continue
            main.append(term)
            if token.tag in {"NNG", "NNP"} and len(term) >= 3:
                extras.extend(self._compound_terms(term, token.tag, bool(token.oov)))
        return Analysis(main, extras)

    @lru_cache(maxsize=65_536)  # noqa: B019 - one analyser per process, never freed
    def _compound_terms(self, noun: str, tag: str, oov: bool) -> tuple:
        """What a compound adds to the index: its parts and their inner spans (과학산업단지
        → 과학, 산업, 단지, 과학산업, 산업단지), or its terms in compounds.txt."""
        parts = self._parts(noun, tag, oov)
        if noun in self.compounds:
            return parts
        return parts + tuple(_spans([(p, "NNG") for p in parts], len(parts) - 1))

    @staticmethod
    def _index_term(token) -> str:
        tag = token.tag
        if tag in NOUNS or tag in FOREIGN or tag == "XR":
            return _clean(token.form, tag)
        if _is_stem(tag) and token.form not in STOP_STEMS:
            return _clean(token.form, tag)
        return ""

    @lru_cache(maxsize=65_536)  # noqa: B019 - one analyser per process, never freed
    def _parts(self, noun: str, tag: str, oov: bool) -> tuple:
        """The nouns of ≥ 2 syllables a compound is made of, or ()."""
        from kiwipiepy import MorphemeSet

        if noun in self.compounds:
            return self.compounds[noun]
        spaced = [(p, "NNG") for p in self.kiwi.space(noun).split()]
        if oov:
            pieces = spaced
        else:
            with self._lock:  # MorphemeSet is built against the shared Kiwi
                blocked = MorphemeSet(self.kiwi, [(noun, tag)])
            pieces = [
                (t.form, t.tag) for t in self.kiwi.tokenize(noun, blocklist=blocked)
            ]
            if len(noun) >= 4 and not _acceptable(pieces):
                pieces = spaced  # a dictionary word Kiwi will not split: spacing does
        if len(pieces) < 2 or not _acceptable(pieces):
            return ()
        return tuple(form for form, _ in pieces)

    # -- query side -----------------------------------------------------------------

    def query(self, text: str, operator: str = "and") -> SearchQuery | None:
        """Return the search tree for what a reader typed, or None if nothing is searchable.

        Every word becomes one term: a run of nouns inside one word is joined (청주시가 →
        청주시), and the index holds that joined form for every way a story may write it
        (청주시는, 청주 시의; 과학산업단지, 과학 산업 단지), so a query is plain terms only.
        PostgreSQL answers a phrase alternative (청주시 | 청주 <-> 시) four times slower.
        """
        text = normalize_text(text or "")[:MAX_QUERY_CHARS]
        if not text.strip():
            return None
        tokens = self.kiwi.tokenize(text)
        terms: list[str] = []
        in_run: set[int] = set()
        for run in _noun_runs(tokens):
            joined = "".join(_clean(t.form, t.tag) for t in run)
            if len(run) > 1 and joined and any(self._index_term(t) for t in run):
                in_run.update(id(t) for t in run)
                terms.append(joined)
        for token in tokens:
            if id(token) not in in_run:
                terms.append(self._index_term(token))
        groups = [PlainText(term) for term in dict.fromkeys(t for t in terms if t)]
        if not groups:
            return None
        if len(groups) == 1:
            return groups[0]
        return (Or if operator == "or" else And)(groups)

    def terms(self, text: str) -> list[str]:
        """Every indexable term of `text`, for highlighting and fingerprints."""
        analysis = self.analyse(text)
        return analysis.main + analysis.extras


def _read_compounds(path: Path) -> dict[str, tuple]:
    compounds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, parts = line.split("\t", 1)
            compounds[word.strip()] = tuple(parts.split())
    return compounds


def _acceptable(pieces) -> bool:
    """Parts are nouns of ≥ 2 syllables."""
    return len(pieces) >= 2 and all(
        tag in NOUNS and len(form) >= 2 for form, tag in pieces
    )


def _spans(pieces, longest: int = 4) -> list[str]:
    """Every run of 2 to `longest` adjacent (form, tag) pieces, joined: 가나, 나다, 가나다.

    A run neither starts on a suffix or bound noun (년, 들) nor ends on a prefix.
    """
    return [
        "".join(form for form, _ in pieces[i:j])
        for i in range(len(pieces))
        if pieces[i][1] not in {"NNB", "XSN"}
        for j in range(i + 2, min(len(pieces), i + longest) + 1)
        if pieces[j - 1][1] != "XPN"
    ]


def _joined_spans(tokens) -> list[str]:
    """The joined forms a query may write as one word, for the index.

    A run of nouns inside one word (청주/시 in 청주시는) and a chain of bare nouns across
    words (청주 시의; 과학 산업 단지를: every word but the last is nouns only) give every
    span of 2 to 4 adjacent nouns, and the whole of a longer run.
    """
    joined: list[str] = []
    chain: list[list] = []

    def close():
        pieces = [(_clean(t.form, t.tag), t.tag) for run in chain for t in run]
        joined.extend(_spans([p for p in pieces if p[0]]))
        joined.extend(
            "".join(_clean(t.form, t.tag) for t in run) for run in chain if len(run) > 4
        )

    position = {id(token): i for i, token in enumerate(tokens)}
    for run in _noun_runs(tokens):
        last, first = chain[-1][-1] if chain else None, run[0]
        if (
            last is not None
            # `run` opens the next word, and the chain ran to the end of its own word
            and first.sent_position == last.sent_position
            and first.word_position == last.word_position + 1
            and position[id(first)] == position[id(last)] + 1
        ):
            chain.append(run)
            continue
        close()
        chain = [run]
    close()
    return list(dict.fromkeys(joined))


def _noun_runs(tokens):
    """Yield runs of adjacent noun-like morphemes inside one word (eojeol)."""
    run = []
    for token in tokens:
        if token.tag in RUN_TAGS and (
            run
            and run[-1].sent_position == token.sent_position
            and run[-1].word_position == token.word_position
            and run[-1].end == token.start
        ):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if token.tag in RUN_TAGS else []
    if run:
        yield run


_lock = threading.Lock()
_instance: Analyser | None = None


def analyser() -> Analyser:
    """Return the process's analyser, loading Kiwi on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Analyser()
    return _instance


# Texts remembered by `texts_analysed_once` (a batch's titles, subheadlines and bodies).
TEXT_MEMO_SIZE = 4096
_text_memo: contextvars.ContextVar[dict[str, Analysis] | None] = contextvars.ContextVar(
    "text_memo", default=None
)
_line_memo: contextvars.ContextVar[dict[str, Analysis] | None] = contextvars.ContextVar(
    "line_memo", default=None
)


def index_text(text: str) -> str:
    """Return `text` as the index stores it: morphemes, then compound parts on a line."""
    memo = _line_memo.get()
    if memo is None:
        analysis = analyser().analyse(text)
        return " ".join(analysis.main) + "\n" + " ".join(analysis.extras)
    main: list[str] = []
    extras: list[str] = []
    for line in text.splitlines():
        analysis = memo.get(line)
        if analysis is None:
            analysis = memo[line] = analyser().analyse(line)
        main.extend(analysis.main)
        extras.extend(analysis.extras)
    return " ".join(main) + "\n" + " ".join(extras)


@contextmanager
def lines_analysed_once():
    """Within the block, `index_text` analyses each distinct line once and reuses it.

    For bulk loads of text recombined from a small pool (manage.py generate_archive): Kiwi
    runs at about 160 stories a second a core, so analysing 300,000 recombined stories whole
    would take half an hour, and their lines repeat. A line is analysed on its own, so a
    joined noun span never crosses from one paragraph into the next; otherwise the terms
    are those of the whole text.
    """
    token = _line_memo.set({})
    try:
        yield
    finally:
        _line_memo.reset(token)


@contextmanager
def texts_analysed_once():
    """Within the block, each distinct text is analysed once (`Analyser.analyse`).

    Indexing one page reads each search field several times (the database backends build
    the title, body and autocomplete columns from the same fields), and its near-duplicate
    fingerprint reads them again: a bulk import analyses each with Kiwi once instead.
    """
    token = _text_memo.set({})
    try:
        yield
    finally:
        _text_memo.reset(token)
