"""Text fit for XML and JSON output, whatever old data holds."""

import re

from sinmun.core.text import normalize_text

# Characters XML 1.0 forbids (besides the controls normalize_text strips): lone
# surrogates and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value) -> str:
    """Return `value` as text that any XML 1.0 document may contain."""
    if value is None:
        return ""
    return _NOT_XML.sub("", normalize_text(str(value)))


def one_line(value) -> str:
    return " ".join(xml_safe(value).split())


# What an HTML reader would take for markup: a tag's start, or a character reference.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_REFERENCE = re.compile(r"&(?=#?\w+;)")


def html_text(value: str) -> str:
    """Return plain text that reads the same as text and as HTML.

    RSS does not say whether a title is text or HTML, and readers differ: escape only what
    an HTML reader would take for markup (`<b`, `&amp;`), so `시의회 & 조례` stays as it is
    for both kinds and `<b>` never becomes a tag in anyone's reader.
    """
    return _TAG_START.sub("&lt;", _REFERENCE.sub("&amp;", value))
