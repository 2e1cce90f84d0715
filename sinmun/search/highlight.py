"""Search-result snippets: the passage around the first match, matches in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sinmun.core.text import ELLIPSIS, normalize_text


def snippet(text: str, terms: list[str], budget: int = 160) -> SafeString:
    """Return up to `budget` characters of `text` around the first matched term, HTML-escaped,
    with every occurrence of a term wrapped in <mark>."""
    text = " ".join(normalize_text(text or "").split())
    words = sorted(
        {t for t in terms if len(t) >= 2 or t.isdigit()}, key=len, reverse=True
    )
    pattern = (
        re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
        if words
        else None
    )
    start = 0
    first = pattern.search(text) if pattern else None
    if first and first.start() > budget // 3:
        start = text.rfind(" ", 0, first.start() - budget // 4) + 1
    end = min(len(text), start + budget)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    passage = text[start:end]
    pieces = []
    position = 0
    for match in pattern.finditer(passage) if pattern else ():
        pieces.append(escape(passage[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(passage[position:]))
    html = "".join(pieces)
    if start > 0:
        html = ELLIPSIS + html
    if end < len(text):
        html += ELLIPSIS
    return mark_safe(html)
