"""Near-duplicate detection: MinHash over shingles of analysed terms (datasketch)."""

import numpy as np
from datasketch import MinHash

from sinmun.search.analysis import analyser
from sinmun.search.fields import KoreanSearchField

NUM_PERM = 128
SHINGLE = 3
SEED = 1


def page_terms(page) -> list[str]:
    """The page's analysed terms in text order, from its Korean search fields.

    Each field is analysed on its own, as the index analyses it (so a noun run never
    joins the end of the headline to the start of the body, and within
    `analysis.texts_analysed_once` indexing and fingerprinting share one analysis).
    """
    terms = []
    for field in page.get_search_fields():
        if isinstance(field, KoreanSearchField):
            value = super(KoreanSearchField, field).get_value(page)
            if isinstance(value, list | tuple):
                value = "\n".join(str(v) for v in value if v)
            terms.extend(analyser().analyse(str(value or "")).main)
    return terms


def signature(terms: list[str]) -> np.ndarray:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    shingles = {
        " ".join(terms[i : i + SHINGLE])
        for i in range(max(len(terms) - SHINGLE + 1, 1))
    }
    minhash.update_batch([s.encode() for s in shingles if s])
    return minhash.hashvalues.astype(np.uint64)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype(np.uint64).tobytes()


def from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))
