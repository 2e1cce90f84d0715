"""Korean analysis for search: Kiwi morphemes for the index and for the query.

Korean words carry particles and endings (청주시가, 청주시는; 개최했다, 개최한), so neither
SQLite's unicode61 tokeniser nor PostgreSQL's parser can match them. Both engines are
handed plain space-separated morphemes instead, and the query goes through the same
analysis (specs/korean-search.md).

Kiwi takes about 3 s and 0.5 GB to load, so one instance is loaded per process at start-up
(`SearchConfig.ready`, before gunicorn --preload forks its workers) and shared read-only.
"""

import hashlib
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery

from sinmun.core.text import normalize_text

USER_DICTIONARY = Path(__file__).parent / "data" / "userdict.txt"
COMPOUNDS = Path(__file__).parent / "data" / "compounds.txt"
# Bump when the rules below change what is indexed.
RULES_VERSION = 1
# Longest query analysed; the view cuts earlier (SINMUN_SEARCH_MAX_QUERY_LENGTH).
MAX_QUERY_CHARS = 1000

NOUNS = {"NNG", "NNP", "NR"}
FOREIGN = {"SL", "SH", "SN"}
# Morphemes that may be joined into a noun run inside one word (청주/시 → 청주시,
# 2024/년 → 2024년) though most are not indexed alone.
RUN_TAGS = NOUNS | {"NNB", "XSN", "XPN", "SN", "XR"}
STOP_STEMS = {"하", "되", "있", "없", "않", "이", "아니"}
# One-syllable nouns that may end a compound on the query side (청주+시, 흥덕구+청).
HEAD_NOUNS = set("시군구읍면동리역청관원장소")
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
        text = normalize_text(text or "")
        if not text.strip():
            return Analysis([], [])
        return self._from_tokens(self.kiwi.tokenize(text))

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        return [self.analyse(text) for text in texts]

    def _from_tokens(self, tokens) -> Analysis:
        main: list[str] = []
        extras: list[str] = []
        for run in _noun_runs(tokens):
            if len(run) > 1:
                joined = "".join(_clean(t.form, t.tag) for t in run)
                if joined:
                    extras.append(joined)
        for token in tokens:
            term = self._index_term(token)
            if not term:
                continue
            main.append(term)
            if token.tag in {"NNG", "NNP"} and len(term) >= 3:
                extras.extend(self.parts(term, token.tag, bool(token.oov)))
        return Analysis(main, extras)

    @staticmethod
    def _index_term(token) -> str:
        tag = token.tag
        if tag in NOUNS or tag in FOREIGN or tag == "XR":
            return _clean(token.form, tag)
        if _is_stem(tag) and token.form not in STOP_STEMS:
            return _clean(token.form, tag)
        return ""

    def parts(self, noun: str, tag: str = "NNP", oov: bool = False) -> list[str]:
        """Return the nouns of ≥ 2 syllables a compound is made of, or []."""
        return list(self._parts(noun, tag, oov, False))

    @lru_cache(maxsize=65_536)  # noqa: B019 - one analyser per process, never freed
    def _parts(self, noun: str, tag: str, oov: bool, allow_head: bool) -> tuple:
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
            if len(noun) >= 4 and not _acceptable(pieces, allow_head):
                pieces = spaced  # a dictionary word Kiwi will not split: spacing does
        if len(pieces) < 2 or not _acceptable(pieces, allow_head):
            return ()
        return tuple(form for form, _ in pieces)

    # -- query side -----------------------------------------------------------------

    def query(self, text: str, operator: str = "and") -> SearchQuery | None:
        """Return the search tree for what a reader typed, or None if nothing is searchable.

        Every word becomes a term; a noun (or a run of nouns inside one word) matches either
        itself or the phrase of its parts, so 청주시가 finds 청주시는 and 청주 시의.
        """
        text = normalize_text(text or "")[:MAX_QUERY_CHARS]
        if not text.strip():
            return None
        tokens = self.kiwi.tokenize(text)
        groups: list[SearchQuery] = []
        seen: set[str] = set()
        in_run: set[int] = set()
        for run in _noun_runs(tokens):
            terms = [_clean(t.form, t.tag) for t in run]
            joined = "".join(terms)
            indexable = [self._index_term(t) for t in run]
            indexable = [t for t in indexable if t]
            if len(run) < 2 or not joined or not indexable:
                continue
            in_run.update(id(t) for t in run)
            if joined in seen:
                continue
            seen.add(joined)
            groups.append(_either(joined, indexable))
        for token in tokens:
            if id(token) in in_run:
                continue
            term = self._index_term(token)
            if not term or term in seen:
                continue
            seen.add(term)
            parts = ()
            if token.tag in {"NNG", "NNP"} and len(term) >= 3:
                parts = self._parts(term, token.tag, bool(token.oov), True)
            groups.append(_either(term, list(parts)))
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


def _acceptable(pieces, allow_head: bool) -> bool:
    """Parts are nouns of ≥ 2 syllables; a query may end on a head noun (청주+시)."""
    if len(pieces) < 2:
        return False
    for i, (form, tag) in enumerate(pieces):
        if tag not in NOUNS:
            return False
        last = i == len(pieces) - 1
        if len(form) < 2 and not (allow_head and last and form in HEAD_NOUNS):
            return False
    return True


def _either(term: str, parts: list[str]) -> SearchQuery:
    if len(parts) > 1:
        return Or([PlainText(term), Phrase(" ".join(parts))])
    return PlainText(term)


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


def index_text(text: str) -> str:
    """Return `text` as the index stores it: morphemes, then compound parts on a line."""
    analysis = analyser().analyse(text)
    return " ".join(analysis.main) + "\n" + " ".join(analysis.extras)
