"""Bytes to a document tree for the legacy CMS importer: the page's encoding, then its elements.

Korean news pages from the 2000s declare `euc-kr` or `ks_c_5601-1987` and really use CP949
(Windows' superset: 똠, 햏, 뷁 are not in EUC-KR); newer ones are UTF-8, some with a BOM.
Servers and meta tags disagree often enough that a declaration is checked against the bytes.
"""

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Every label Korean pages use for Windows' Korean code page, and a few misspellings.
CP949_LABELS = {
    "euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601",
    "korean", "cp949", "ms949", "windows-949", "x-windows-949", "uhc", "iso-ir-149",
}  # fmt: skip
UTF8_LABELS = {"utf-8", "utf8", "unicode-1-1-utf-8"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


@dataclass
class Decoded:
    text: str
    encoding: str  # the codec used: cp949 or utf-8 (or what the page declared)
    problems: list[str] = field(default_factory=list)


def codec(label: str) -> str:
    """Return the Python codec for a charset label, or "" if it is unknown."""
    label = (label or "").strip().strip("\"'").lower()
    if label in CP949_LABELS:
        return "cp949"
    if label in UTF8_LABELS:
        return "utf-8"
    if not label:
        return ""
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, header_charset: str = "") -> Decoded:
    """Decode a page: a BOM wins, then the HTTP header, then `<meta charset>`, then the bytes.

    A declaration the bytes contradict (a page saved as UTF-8 that still says euc-kr, a
    server that labels every page UTF-8) gives way to the encoding the bytes decode in.
    Bytes that decode in none are replaced (U+FFFD) and reported with their offset.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _with_problems(data[3:], "utf-8", "UTF-8 BOM")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _with_problems(data, "utf-16", "UTF-16 BOM")
    match = META_CHARSET.search(data[:4096])
    declared = [
        codec(header_charset),
        codec(match.group(1).decode("ascii", "replace")) if match else "",
    ]
    tried = []
    for encoding in declared:
        if not encoding or encoding in tried:
            continue
        tried.append(encoding)
        text = _strict(data, encoding)
        if text is not None:
            return Decoded(text, encoding)
    # Nothing declared decodes cleanly: let the bytes say which one fits.
    for encoding in ("utf-8", "cp949"):
        text = _strict(data, encoding)
        if text is not None:
            problems = (
                [f"declared {', '.join(tried)} but the bytes are {encoding}"]
                if tried
                else []
            )
            return Decoded(text, encoding, problems)
    best = tried[0] if tried else _fewest_errors(data)
    return _with_problems(data, best, "")


def _fewest_errors(data: bytes) -> str:
    return min(
        ("utf-8", "cp949"),
        key=lambda e: data.decode(e, "replace").count("\ufffd"),
    )


def _with_problems(data: bytes, encoding: str, why: str) -> Decoded:
    text = _strict(data, encoding)
    if text is not None:
        return Decoded(text, encoding)
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode(encoding, "replace")
    bad = text.count("\ufffd")
    return Decoded(
        text,
        encoding,
        [
            f"{bad} undecodable byte(s) in {encoding}, the first at byte {first} "
            f"({data[first : first + 2].hex(' ')}); shown as �"
        ],
    )


class Element:
    """An element of the page. Shaped like `body.Node` so body's inline rendering reads it."""

    __slots__ = ("attrs", "children", "index", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent, index: int):
        self.tag, self.attrs, self.parent, self.index = tag, attrs, parent, index
        self.children: list[Element | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        """Yield this element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find(self, tag: str):
        for element in self.iter():
            if element is not self and element.tag == tag:
                return element
        return None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def contains(self, other) -> bool:
        return other is self or any(a is self for a in other.ancestors())

    def names(self) -> str:
        """The class and id, lower-cased: what the page calls this element."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()

    def __repr__(self):
        return f"<{self.tag} {self.names().strip()}>"


VOID = {
    "br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base",
    "embed", "param", "track",
}  # fmt: skip
# Elements an open one of these closes implicitly, as browsers do with tag soup.
IMPLIED_END = {
    "p": {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "figure", "section", "article", "header", "footer", "pre"},
    "li": {"li"},
    "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"},
    "tr": {"tr"},
    "option": {"option"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
}  # fmt: skip


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.count = 0
        self.root = Element("#document", {}, None, 0)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        while len(self.stack) > 1 and tag in IMPLIED_END.get(self.stack[-1].tag, ()):
            self.stack.pop()
        self.count += 1
        parent = self.stack[-1]
        element = Element(tag, {k: v or "" for k, v in attrs}, parent, self.count)
        parent.children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.count += 1
        parent = self.stack[-1]
        parent.children.append(
            Element(tag, {k: v or "" for k, v in attrs}, parent, self.count)
        )

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            # An end tag never closes past the table cell or table it sits in.
            if self.stack[depth].tag in ("td", "th", "table") and tag not in (
                "tr",
                "table",
                "tbody",
            ):
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(text: str) -> Element:
    """Return the document tree of a page; a truncated page gives what came before the cut."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root
