"""Text rules every stored and displayed string follows.

Korean copy arrives from word processors, messengers and press-release PDFs: decomposed
(NFD) Hangul, zero-width spaces, bidi controls and stray control characters come with it.
They break search, slugs and feeds (an XML 1.0 document may not contain most C0 controls),
so text is normalised once, on the way in.
"""

import re
import unicodedata

# C0 controls except tab, newline and carriage return; DEL; C1 controls.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Zero-width and joiner characters, word joiner, BOM, bidi embeddings, overrides and
# isolates, and the Hangul fillers that render as blank "letters".
_INVISIBLE = "\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u3164\u115f\u1160\uffa0"
_STRIP = re.compile(f"[{_CONTROL}{_INVISIBLE}]")


def normalize_text(value: str) -> str:
    """Return `value` in NFC with control, zero-width and direction characters removed."""
    if not value:
        return value
    return _STRIP.sub("", unicodedata.normalize("NFC", value))


def normalize_line(value: str) -> str:
    """Return `value` normalised and on one line with single spaces, for headlines and names."""
    return " ".join(normalize_text(value).split())


# Where a Korean sentence may end: a terminal mark, then optional closing quotes or
# brackets, then whitespace or the end. A full stop between two digits (3.5%) or inside an
# abbreviation without a following space is not an end.
_SENTENCE_END = re.compile(r"[.!?。…](?:[\"'”’」』)\]]*)(?=\s|$)")
ELLIPSIS = "…"


def cut_preview(text: str, budget: int) -> str:
    """Return a preview of `text` at most `budget` characters long, cut between sentences.

    Whole sentences are kept while they fit. If even the first sentence is too long, the
    text is cut at the last space before the budget, never inside a word. A shortened
    preview ends with "…", which takes the place of a final full stop ("개최했다…").
    """
    text = " ".join(normalize_text(text or "").split())
    if len(text) <= budget:
        return text
    cut = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() + len(ELLIPSIS) > budget:
            break
        cut = match.end()
    if cut:
        kept = text[:cut]
        return (kept[:-1] if kept.endswith(".") else kept) + ELLIPSIS
    space = text.rfind(" ", 0, budget)
    if space <= 0:
        return text[: budget - len(ELLIPSIS)] + ELLIPSIS
    return text[:space].rstrip(",·、:;") + ELLIPSIS
