"""Turn an old story's HTML (WordPress Gutenberg or classic, or a legacy CMS body) into
sinmun's body blocks.

The result is source-neutral: a list of `Block`s that `services` turns into StreamField
data once photos are stored. Only the inline markup a sinmun paragraph allows is kept.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from sinmun.core.text import normalize_line, normalize_text


@dataclass
class Block:
    kind: str  # paragraph | subheading | quote | photo | embed
    text: str = ""  # paragraph: inline HTML; subheading, quote: plain text
    attribution: str = ""
    src: str = ""  # photo: the image address; embed: the URL
    caption: str = ""
    credit: str = ""


VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"}
BLOCK_TAGS = {
    "p", "div", "figure", "blockquote", "ul", "ol", "table", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "iframe", "pre", "hr", "img", "aside",
}  # fmt: skip
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
DROP = {"script", "style", "noscript", "form", "button", "svg"}

EMBED_URL = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?|shorts/|embed/)|youtu\.be/"
    r"|vimeo\.com/|twitter\.com/|x\.com/|instagram\.com/|tv\.naver\.com/)\S+$"
)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
EMBED_SHORTCODE = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
GUTENBERG_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
# "설명 /사진=가람시 제공", "설명 (사진=가람일보 DB)", "설명 사진 제공=…": the credit Korean
# papers put at the end of a caption.
CREDIT = re.compile(
    r"^(.*?)\s*[/(（]?\s*(?:사진|자료|그래픽)\s*(?:제공)?\s*=\s*([^)）]+)[)）]?\s*$"
)


class Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find(self, tag: str):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    return child
                found = child.find(tag)
                if found is not None:
                    return found
        return None


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        # A block opening inside an open <p> closes it, as browsers do.
        if tag in BLOCK_TAGS and self.stack[-1].tag == "p":
            self.stack.pop()
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _clean(text: str) -> str:
    return normalize_line(text.replace("\xa0", " "))


def _caption_to_figure(match: re.Match) -> str:
    inner = match.group(2)
    img = re.search(r"<img[^>]*>", inner, re.I)
    caption = re.sub(r"<a[^>]*>\s*<img[^>]*>\s*</a>|<img[^>]*>", "", inner, flags=re.I)
    if not img:
        return inner
    return f"<figure>{img.group(0)}<figcaption>{caption.strip()}</figcaption></figure>"


def autop(content: str) -> str:
    """Wrap classic-editor text in paragraphs the way WordPress's wpautop shows it."""
    chunks = re.split(r"\n\s*\n", content.replace("\r\n", "\n"))
    out = []
    block_start = re.compile(r"^\s*<(?:" + "|".join(BLOCK_TAGS) + r")[\s>/]", re.I)
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if block_start.match(chunk):
            out.append(chunk)
            continue
        lines = [line.strip() for line in chunk.split("\n")]
        # A bare URL on its own line is an embed in WordPress (oEmbed).
        paragraph: list[str] = []
        for line in lines:
            if EMBED_URL.match(line):
                if paragraph:
                    out.append("<p>" + "<br />".join(paragraph) + "</p>")
                    paragraph = []
                out.append(
                    f'<figure class="embed" data-url="{html.escape(line)}"></figure>'
                )
            elif line:
                paragraph.append(line)
        if paragraph:
            out.append("<p>" + "<br />".join(paragraph) + "</p>")
    return "\n".join(out)


def to_blocks(content: str) -> list[Block]:
    """Return the body blocks of a story's HTML."""
    content = normalize_text(content or "")
    content = EMBED_SHORTCODE.sub(
        lambda m: "\n\n" + m.group(1).strip() + "\n\n", content
    )
    content = CAPTION.sub(_caption_to_figure, content)
    content = GUTENBERG_COMMENT.sub("\n\n", content)
    if not re.search(r"<p[\s>]", content, re.I):
        content = autop(content)
    else:
        # Mixed content: lines of bare URLs between blocks still embed.
        content = re.sub(
            r"(?m)^\s*(https?://\S+)\s*$",
            lambda m: (
                f'<figure class="embed" data-url="{html.escape(m.group(1))}"></figure>'
                if EMBED_URL.match(m.group(1))
                else m.group(0)
            ),
            content,
        )
    builder = _TreeBuilder()
    builder.feed(content)
    builder.close()
    blocks: list[Block] = []
    _walk(builder.root, blocks)
    return blocks


def _walk(node: Node, blocks: list[Block]) -> None:
    loose: list[Node | str] = []

    def flush():
        if loose:
            _paragraph(loose, blocks)
            loose.clear()

    for child in node.children:
        if (
            isinstance(child, str)
            or child.tag in INLINE
            or child.tag in ("a", "span", "br", "font", "u")
        ):
            if (
                isinstance(child, Node)
                and child.tag == "a"
                and child.find("img") is not None
            ):
                flush()
                _photo(child.find("img"), "", blocks)
                continue
            loose.append(child)
            continue
        flush()
        tag = child.tag
        if tag in DROP:
            continue
        if tag == "p":
            img = child.find("img")
            if img is not None and not _clean(child.text()):
                _photo(img, "", blocks)
            elif _embed_url(child):
                blocks.append(Block("embed", src=_embed_url(child)))
            else:
                _paragraph(child.children, blocks)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _clean(child.text())
            if text:
                blocks.append(Block("subheading", text=text[:120]))
        elif tag == "blockquote":
            cite = child.find("cite")
            attribution = _clean(cite.text()) if cite is not None else ""
            if cite is not None:
                _remove(child, cite)
            parts = [
                _clean(p.text())
                for p in child.children
                if isinstance(p, Node) and p.tag == "p"
            ]
            text = "\n".join(p for p in parts if p) or _clean(child.text())
            if text:
                blocks.append(Block("quote", text=text, attribution=attribution[:100]))
        elif tag in ("ul", "ol"):
            for n, li in enumerate(
                (c for c in child.children if isinstance(c, Node) and c.tag == "li"), 1
            ):
                marker = f"{n}. " if tag == "ol" else "· "
                _paragraph([marker, *li.children], blocks)
        elif tag == "figure":
            if child.attrs.get("data-url"):
                blocks.append(Block("embed", src=child.attrs["data-url"]))
                continue
            nested = _find_embed(child)
            if nested:
                blocks.append(Block("embed", src=nested))
                continue
            img = child.find("img")
            caption_node = child.find("figcaption")
            caption = _clean(caption_node.text()) if caption_node is not None else ""
            if img is not None:
                _photo(img, caption, blocks)
            elif url := _embed_url(child):
                blocks.append(Block("embed", src=url))
            elif caption:
                blocks.append(
                    Block("paragraph", text=html.escape(caption, quote=False))
                )
        elif tag == "img":
            _photo(child, "", blocks)
        elif tag == "iframe":
            url = _youtube_from_iframe(child.attrs.get("src", ""))
            if url:
                blocks.append(Block("embed", src=url))
        elif tag == "hr":
            continue
        elif tag == "table":
            for row in _rows(child):
                _paragraph([row], blocks)
        else:
            _walk(child, blocks)
    flush()


def _find_embed(node: Node) -> str:
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == "figure" and child.attrs.get("data-url"):
                return child.attrs["data-url"]
            if found := _find_embed(child):
                return found
    return ""


def _remove(parent: Node, target: Node) -> None:
    for child in parent.children:
        if child is target:
            parent.children.remove(child)
            return
        if isinstance(child, Node):
            _remove(child, target)


def _rows(table: Node) -> list[str]:
    rows = []

    def visit(node):
        for child in node.children:
            if isinstance(child, Node):
                if child.tag == "tr":
                    cells = [
                        _clean(c.text()) for c in child.children if isinstance(c, Node)
                    ]
                    if any(cells):
                        rows.append(" | ".join(cells))
                else:
                    visit(child)

    visit(table)
    return rows


def _embed_url(node: Node) -> str:
    text = _clean(node.text())
    if EMBED_URL.match(text):
        return text
    iframe = node.find("iframe")
    if iframe is not None:
        return _youtube_from_iframe(iframe.attrs.get("src", ""))
    return ""


def _youtube_from_iframe(src: str) -> str:
    match = re.match(
        r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", src
    )
    return f"https://www.youtube.com/watch?v={match.group(1)}" if match else ""


def split_credit(caption: str) -> tuple[str, str]:
    """Split `설명 /사진=가람시 제공` into its caption and credit."""
    caption = _clean(caption).lstrip("▲△ ").strip()
    match = CREDIT.match(caption)
    if match and match.group(1):
        return match.group(1).rstrip(" /"), match.group(2).strip()
    return caption, ""


def _photo(img: Node, caption: str, blocks: list[Block]) -> None:
    src = img.attrs.get("src", "").strip()
    if not src:
        return
    caption, credit = split_credit(caption)
    blocks.append(Block("photo", src=src, caption=caption[:300], credit=credit[:100]))


def _inline(nodes, out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(html.escape(node.replace("\xa0", " "), quote=False))
        elif node.tag == "br":
            out.append("<br/>")
        elif node.tag in DROP or node.tag == "img":
            continue
        elif node.tag in INLINE:
            tag = INLINE[node.tag]
            inner: list[str] = []
            _inline(node.children, inner)
            if "".join(inner).strip():
                out.append(f"<{tag}>{''.join(inner)}</{tag}>")
        elif node.tag == "a" and node.attrs.get("href", "").startswith(
            ("http", "/", "mailto:")
        ):
            inner = []
            _inline(node.children, inner)
            out.append(
                f'<a href="{html.escape(node.attrs["href"])}">{"".join(inner)}</a>'
            )
        else:
            _inline(node.children, out)


def _paragraph(nodes, blocks: list[Block]) -> None:
    out: list[str] = []
    _inline(nodes, out)
    text = " ".join("".join(out).split())
    text = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", text)
    if text:
        blocks.append(Block("paragraph", text=text))
