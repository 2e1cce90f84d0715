"""Read an article page of a legacy Korean news CMS (`articleView.html?idxno=N`) into a story.

Fifteen years of such an archive come in three template generations: table layouts of the
2000s, div layouts, and HTML5 pages with `<article>`. They are told apart, and read, by
structure rather than by one vendor's class names: the body is the element holding the most
running text outside navigation, ads and boxes; the headline is the heading before it that
the page's title agrees with; dates are found by their Korean labels (입력, 수정, 승인).
"""

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qs, urljoin, urlsplit
from zoneinfo import ZoneInfo

from sinmun.core.text import normalize_line, normalize_text
from sinmun.migration.body import Block, _paragraph, split_credit
from sinmun.migration.legacy_html import Element, decode, parse
from sinmun.migration.services import LIVE, ImportedStory, reporter_name

KST = ZoneInfo("Asia/Seoul")
SOURCE = "legacy"

# What an element that is not the story calls itself: navigation, boxes, ads, widgets.
JUNK = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert\w*|banner\w*|related|relation|share|sns|social|"
    r"footer|foot|header|gnb|lnb|snb|nav\w*|menu\w*|weather|ticker|comments?|reply|"
    r"copyright|popular|best|ranking|rank|most\w*|aside|side\w*|widget|promo|sponsor\w*|"
    r"recommend\w*|tags?|keywords?|breadcrumbs?|location|util\w*|print|font-?(?:btn|button|control)s?|"
    r"newslist|news-list|article-list|latest|hot|issue\w*|sitemap|login|search|"
    r"copy|button|btn|toolbar)(?:$|[\s_\d-])"
)
JUNK_TAGS = {
    "script", "style", "noscript", "nav", "footer", "aside", "form", "select", "button",
    "iframe", "object", "ins", "header", "template", "svg", "map", "textarea", "input",
    "head", "title", "link", "meta",
}  # fmt: skip
INLINE_TAGS = {
    "b", "strong", "i", "em", "u", "span", "font", "a", "sup", "sub", "small", "big",
    "mark", "s", "strike", "abbr", "cite", "q", "time",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TITLE_NAMES = re.compile(r"tit|headline|subject|heading")
SUBTITLE_NAMES = re.compile(r"sub|summary|deck|lead|desc")
REPORTER_BOX = re.compile(r"editor|writer|reporter|author|journalist|byline|profile")
BYLINE_NAMES = re.compile(r"byline|writer|reporter|author|journalist|name|info")

ROLES = (
    r"선임기자|수습기자|객원기자|전문기자|기자단|기자|특파원|통신원|논설위원|논설실장|"
    r"편집위원|편집국장|주필|칼럼니스트"
)
NAME = r"(?<![가-힣])[가-힣]{2,4}"
NAMES = rf"{NAME}(?:\s*[·ㆍ,、/]\s*{NAME})*"
BYLINE = re.compile(rf"({NAMES})\s*({ROLES})(?![가-힣])")
TEAM_WORD = r"(?<![가-힣])[가-힣A-Za-z]{1,12}(?:취재팀|보도팀|기획팀|취재반|취재단|팀)(?![가-힣])"
TEAM = re.compile(f"({TEAM_WORD})")
# `글 = 박지훈 가람대 교수`: a column signed by its writer.
WRITER = re.compile(r"^\s*글\s*[=:·]?\s*([가-힣]{2,4})(?![가-힣])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DATE = re.compile(
    r"(기사입력|최초입력|입력|등록|작성|게재|최종수정|수정|업데이트|승인|발행)\s*(?:일시|일|시간)?"
    r"\s*[:：]?\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?\s*"
    r"(?:\([월화수목금토일]\)\s*)?(?:(오전|오후)?\s*(\d{1,2})\s*[:시]\s*(\d{2})"
    r"(?:\s*[:분]\s*(\d{2}))?)?"
)
PUBLISHED = {"기사입력", "최초입력", "입력", "등록", "작성", "게재"}
MODIFIED = {"최종수정", "수정", "업데이트"}
COPYRIGHT = re.compile(r"저작권자|무단\s*전재|재배포\s*금지|copyright\s*[©ⓒ(]", re.I)
TITLE_SPLIT = re.compile(r"\s+(?:-|\||<|:|::|–|—|ㅣ)\s+")
# The byline a story's first line starts with: `가람일보 홍길순 기자 |`, `[가람일보=홍길순 기자]`,
# `(가람=연합뉴스) 홍길순 기자 =`.
LEAD = re.compile(
    rf"^\s*(?:\([^()]{{1,20}}\)\s*)?[\[【(]?\s*(?:[^\s\[\]【】()|=]{{1,15}}\s*=\s*)?"
    rf"(?:[^\s\[\]【】()|=]{{1,15}}\s+)?((?:{NAMES})\s*(?:{ROLES})|{TEAM_WORD})\s*"
    rf"(?:[\]】)]\s*[|=▶]?|[|=▶])\s*"
)
TRAILING_SIGN_OFF = re.compile(
    rf"\s*[/\[(]?\s*((?:{NAMES})\s*(?:{ROLES}))?\s*({EMAIL.pattern})\s*[\])]?\s*$"
)
COLUMNIST = re.compile(
    rf"({NAME})\s+(?:[가-힣A-Za-z]{{1,15}}\s+)?(?:교수|변호사|의사|원장|소장|대표|작가|시인|"
    rf"연구원|연구위원|이사장|회장|박사|목사|신부|스님)(?![가-힣])"
)
SIGN_OFF = re.compile(
    rf"^[\s/\[(=-]*(?:[^\s\[\]()=]{{1,15}}\s*=?\s*)?((?:{NAMES})\s*(?:{ROLES}))?[\s\])=]*"
    rf"({EMAIL.pattern})?\s*[\])]?\s*$"
)


class PageError(ValueError):
    """The page cannot become a story; the message says why."""


@dataclass
class LegacyPage:
    story: ImportedStory
    generation: str  # table | div | html5
    encoding: str
    sections: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    notes: list[str] = field(default_factory=list)


def read(data: bytes, *, base_url: str, name: str = "", header_charset: str = ""):
    """Return the `LegacyPage` of one saved or fetched article page (`name`: file or URL)."""
    decoded = decode(data, header_charset)
    page = read_text(decoded.text, base_url=base_url, name=name)
    page.encoding = decoded.encoding
    page.notes[:0] = decoded.problems
    return page


def read_text(text: str, *, base_url: str, name: str = "") -> LegacyPage:
    root = parse(normalize_text(text))
    meta = _meta(root)
    container = _body_container(root, _title_anchor(root, meta))
    if container is None:
        raise PageError("no story text on the page")
    generation = _generation(root, container)
    headline_element, headline = _headline(root, container, meta)
    if not headline:
        raise PageError("no headline")
    own_url = meta.get("canonical") or meta.get("og:url") or ""
    idxno = _idxno(own_url, meta.get("amphtml", ""), name, root)
    page_url = own_url or base_url
    header = [
        e
        for e in _outside(root, container)
        if not headline_element or not e.contains(headline_element)
    ]
    header_text = " ".join(_text(e) for e in header)
    body, lead_byline, sign_off = _body(container, page_url)
    if not body:
        raise PageError("the story has no body paragraphs")
    subtitles = _subtitles(root, container, headline_element)
    reporters = _reporters(root, container, headline_element, meta, subtitles)
    for found in (lead_byline, sign_off):
        for reporter in parse_byline(found):
            if not any(r[0] == reporter[0] for r in reporters):
                reporters.append(reporter)
            elif reporter[1]:
                reporters = [
                    (r[0], r[1] or reporter[1], r[2] or reporter[2])
                    if r[0] == reporter[0]
                    else r
                    for r in reporters
                ]
        # A bare address at the end belongs to the one reporter who has none.
        lonely = [r for r in reporters if not r[1]]
        if found and not parse_byline(found) and len(lonely) == 1:
            email = EMAIL.search(found)
            if email:
                name = lonely[0][0]
                address = email.group(0)
                reporters = [
                    (name, address, address.split("@")[0]) if r[0] == name else r
                    for r in reporters
                ]
    published, modified = _dates(header_text or _text(root), meta)
    if headline_element is None and published is None:
        # An error page ("삭제된 기사입니다") has a <title> and some text, but neither a
        # headline on the page nor a time the story went in.
        raise PageError("not an article page: no headline on it and no 입력 time")
    notes = []
    if published is None:
        notes.append("no 입력/승인 time found: the import time is used")
    sections = _sections(root, container, meta)
    story = ImportedStory(
        source=SOURCE,
        source_id=idxno or name[-255:],
        title=headline,
        body=body,
        status=LIVE,
        subtitle="\n".join(subtitles),
        reporters=reporters,
        tags=_tags(root, meta),
        first_published_at=published,
        last_published_at=modified or published,
        old_keys=[f"legacy:idxno={idxno}"] if idxno else [],
    )
    if "</html>" not in text[-4096:].lower():
        notes.append("the page ends before </html>: it may be cut short")
    if not idxno:
        notes.append(
            "no idxno in the page or its file name: no old address to redirect"
        )
    return LegacyPage(story, generation, "", sections, notes)


def _text(element) -> str:
    return normalize_line(
        (element if isinstance(element, str) else element.text()).replace("\xa0", " ")
    )


def _meta(root: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    tags: list[str] = []
    for element in root.iter():
        if element.tag == "meta":
            key = (
                element.attrs.get("property") or element.attrs.get("name") or ""
            ).lower()
            value = normalize_line(html.unescape(element.attrs.get("content", "")))
            if key == "article:tag":
                tags.append(value)
            elif key and value and key not in found:
                found[key] = value
        elif element.tag == "link":
            rel = element.attrs.get("rel", "").lower()
            if rel in ("canonical", "amphtml") and rel not in found:
                found[rel] = element.attrs.get("href", "")
        elif element.tag == "title" and "title" not in found:
            found["title"] = _text(element)
        elif element.tag == "script" and "ld+json" in element.attrs.get("type", ""):
            try:
                data = json.loads(element.text())
            except ValueError:
                continue
            for item in data if isinstance(data, list) else [data]:
                if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                    for key in ("headline", "datePublished", "dateModified"):
                        if isinstance(item.get(key), str):
                            found.setdefault(f"ld:{key}", normalize_line(item[key]))
                    authors = item.get("author") or []
                    for author in authors if isinstance(authors, list) else [authors]:
                        if isinstance(author, dict) and isinstance(
                            author.get("name"), str
                        ):
                            email = (
                                author.get("email")
                                if isinstance(author.get("email"), str)
                                else ""
                            )
                            found.setdefault("ld:author", "")
                            found["ld:author"] += f" {author['name']} {email}"
    if tags:
        found["article:tag"] = ",".join(tags)
    return found


def _is_junk(element: Element) -> bool:
    return element.tag in JUNK_TAGS or bool(JUNK.search(element.names()))


def _own_text(element: Element) -> int:
    """How much running text sits directly in `element` (its strings, inline runs and <p>s)."""
    total = 0
    for child in element.children:
        if isinstance(child, str):
            total += len(child.strip())
        elif child.tag in ("p", *INLINE_TAGS) and not _is_junk(child):
            if child.tag == "a":
                continue
            links = sum(len(a.text()) for a in child.iter() if a.tag == "a")
            total += max(0, len(child.text().strip()) - 2 * links)
    return total


def _title_anchor(root: Element, meta: dict[str, str]) -> int:
    """Where the page shows its own title: the story's body comes after it."""
    site = meta.get("og:site_name", "")
    titles = [meta[k] for k in ("ld:headline", "og:title", "title") if meta.get(k)]
    titles += [_clean_title(t, site) for t in titles]
    for element in root.iter():
        if element.tag in ("head", "title") or not (
            element.tag in HEADINGS
            or element.tag in ("b", "strong", "font")
            or TITLE_NAMES.search(element.names())
        ):
            continue
        text = _text(element)
        if 2 <= len(text) <= 300 and any(_same(text, t) for t in titles):
            return element.index
    return 0


def _body_container(root: Element, anchor: int = 0) -> Element | None:
    """The element holding the most running text; of several that hold much, the first after
    the page's title, so that a long preview of another story in a box does not win."""
    scored: list[tuple[Element, int]] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if element is not root and (_is_junk(element) or element.tag == "li"):
            continue
        score = _own_text(element)
        if score >= 20:
            scored.append((element, score))
        stack.extend(c for c in element.children if isinstance(c, Element))
    stories = [(e, score) for e, score in scored if not _previews_a_story(e)]
    scored = stories or scored
    if not scored:
        return None
    best, best_score = max(scored, key=lambda pair: pair[1])
    if anchor:
        later = [
            e
            for e, score in scored
            if e.index > anchor and score >= max(best_score / 2, min(best_score, 100))
        ]
        if later:
            best = min(later, key=lambda e: e.index)
    if best.tag == "p" and best.parent is not None:
        best = best.parent
    return best


STORY_LINK = re.compile(r"article(?:View|ViewAmp)\.html|idxno=")


def _links_a_story(element: Element) -> bool:
    if element.tag == "a":
        return bool(STORY_LINK.search(element.attrs.get("href", "")))
    return element.tag in (*HEADINGS, "strong", "b", "dt", "span") and any(
        a.tag == "a" and STORY_LINK.search(a.attrs.get("href", ""))
        for a in element.iter()
    )


def _previews_a_story(element: Element) -> bool:
    """A box's preview of another story: beside it (or in it) sits a link to that story."""
    around = list(element.children)
    if element.parent is not None:
        around += [c for c in element.parent.children if c is not element]
    return any(isinstance(c, Element) and _links_a_story(c) for c in around)


def _generation(root: Element, container: Element) -> str:
    chain = [container, *container.ancestors()]
    if any(e.tag in ("article", "main") for e in chain) or root.find("article"):
        return "html5"
    if any(e.tag in ("td", "table") for e in chain):
        return "table"
    return "div"


def _before(root: Element, container: Element):
    """Elements that come before the story's body in the page, outside junk."""
    stack = [root]
    while stack:
        element = stack.pop()
        if element.index >= container.index:
            continue
        if element is not root and element.tag in JUNK_TAGS - {"header"}:
            continue
        yield element
        stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))


def _outside(root: Element, container: Element):
    """Leaf-ish elements outside the body: where dates and bylines are written."""
    for element in root.iter():
        if element.tag in ("script", "style", "head") or container.contains(element):
            continue
        if any(isinstance(c, str) and c.strip() for c in element.children):
            yield element


def _clean_title(value: str, site: str) -> str:
    value = normalize_line(html.unescape(value))
    if site and value.endswith(site):
        value = value[: -len(site)].rstrip(" -|:<")
    parts = TITLE_SPLIT.split(value)
    return parts[0].strip() if parts else value


def _same(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"\W", "", s)  # noqa: E731
    return bool(a) and bool(b) and squash(a) == squash(b)


def _headline(root: Element, container: Element, meta: dict[str, str]):
    site = meta.get("og:site_name", "")
    titles = [
        meta.get(k, "")
        for k in ("ld:headline", "og:title", "twitter:title", "title")
        if meta.get(k)
    ]
    candidates = [
        e
        for e in _before(root, container)
        if (
            e.tag in HEADINGS
            or e.tag in ("b", "strong", "font")
            or TITLE_NAMES.search(e.names())
        )
        and 2 <= len(_text(e)) <= 300
    ]
    for element in reversed(candidates):
        text = _text(element)
        if any(
            _same(text, t)
            or _same(text, _clean_title(t, site))
            or (len(text) >= 8 and re.sub(r"\W", "", text) in re.sub(r"\W", "", t))
            for t in titles
        ):
            return element, text
    for key in ("ld:headline", "og:title", "twitter:title", "title"):
        if meta.get(key):
            cleaned = _clean_title(meta[key], site)
            if cleaned and not _same(cleaned, site):
                return None, cleaned
    headings = [e for e in candidates if e.tag in ("h1", "h2", "h3")]
    if headings:
        return headings[-1], _text(headings[-1])
    return None, ""


def _subtitles(
    root: Element, container: Element, headline: Element | None
) -> list[str]:
    if headline is None:
        return []
    lines: list[str] = []
    chosen: list[Element] = []
    for element in _before(root, container):
        if element.index <= headline.index or headline.contains(element):
            continue
        if any(c.contains(element) for c in chosen) or _is_junk(element):
            continue
        if not (element.tag in HEADINGS or SUBTITLE_NAMES.search(element.names())):
            continue
        if element.contains(container):
            continue
        text = _text(element)
        if not text or DATE.search(text) or BYLINE.search(text) or len(text) > 300:
            continue
        chosen.append(element)
        lines.extend(_lines(element))
    return lines[:5]


def _lines(element: Element) -> list[str]:
    parts, current = [], []

    def visit(node):
        for child in node.children:
            if isinstance(child, str):
                current.append(child)
            elif child.tag == "br" or child.tag in ("p", "div", "li"):
                parts.append("".join(current))
                current.clear()
                if child.tag != "br":
                    visit(child)
                    parts.append("".join(current))
                    current.clear()
            else:
                visit(child)

    visit(element)
    parts.append("".join(current))
    return [
        normalize_line(p).lstrip("-–—▶■ ").strip() for p in parts if normalize_line(p)
    ]


def _idxno(canonical: str, amp: str, name: str, root: Element) -> str:
    for url in (canonical, amp):
        value = parse_qs(urlsplit(url).query).get("idxno", [""])[0]
        if value.isdigit():
            return str(int(value))
    match = re.search(r"idxno=(\d+)", name) or re.search(r"(?:^|/)(\d+)\.html?$", name)
    if match:
        return str(int(match.group(1)))
    for element in root.iter():
        href = element.attrs.get("href", "") or element.attrs.get("onclick", "")
        match = re.search(r"article(?:Print|ViewAmp)\.html\?idxno=(\d+)", href)
        if match:
            return str(int(match.group(1)))
    return ""


def parse_byline(text: str) -> list[tuple[str, str, str]]:
    """`가람일보 홍길순·강태오 기자 hong@…` → [(홍길순, hong@…, hong), (강태오, "", "")]."""
    text = normalize_line(text or "")
    if not text:
        return []
    found: list[list[str]] = []
    for match in BYLINE.finditer(text):
        for name in re.split(r"\s*[·ㆍ,、/]\s*", match.group(1)):
            found.append([name, "", match.end()])
    if not found:
        writer = WRITER.match(text)
        team = TEAM.search(text)
        columnist = COLUMNIST.search(text)
        if writer:
            found.append([writer.group(1), "", writer.end()])
        elif columnist:
            found.append([columnist.group(1), "", columnist.end()])
        elif team:
            found.append([team.group(1), "", team.end()])
    emails = [(m.group(0), m.start()) for m in EMAIL.finditer(text)]
    for email, at in emails:
        # An address goes to the first name, of the names written just before it, that
        # has none yet: `홍길순·강태오 기자 gilsun@…` is 홍길순's.
        before = [f for f in found if f[2] <= at]
        group = (
            [f for f in before if f[2] == before[-1][2] and not f[1]] if before else []
        )
        if group:
            group[0][1] = email
        elif found and not found[-1][1]:
            found[-1][1] = email
    out = []
    for name, email, _ in found:
        name = reporter_name(name)
        slug = email.split("@")[0] if email else ""
        if name and not any(o[0] == name for o in out):
            out.append((name, email, slug))
    return out


def _reporters(
    root, container, headline, meta, subtitles=()
) -> list[tuple[str, str, str]]:
    """The header's byline; else a reporter box after the body; else the page's metadata."""
    start = headline.index if headline is not None else 0
    for element in _before(root, container):
        if element.index <= start or (
            headline is not None and headline.contains(element)
        ):
            continue
        if any(line and line in _text(element) for line in subtitles):
            continue
        if _is_junk(element) and element.tag != "header":
            continue
        names = element.names()
        text = _text(element)
        if not text or len(text) > 200:
            continue
        if BYLINE_NAMES.search(names) or element.tag in ("li", "span", "em", "td", "p"):
            found = parse_byline(text)
            mail = [
                a.attrs["href"][7:]
                for a in element.iter()
                if a.attrs.get("href", "").startswith("mailto:")
            ]
            if found:
                if mail and not found[0][1]:
                    found[0] = (found[0][0], mail[0], mail[0].split("@")[0])
                if BYLINE.search(text) or BYLINE_NAMES.search(names) or len(text) <= 30:
                    return found
    for element in root.iter():
        # A reporter box after the story: `<div class="view-editors">… 기자 …@…</div>`.
        if element.index <= container.index or container.contains(element):
            continue
        if not REPORTER_BOX.search(element.names()):
            continue
        text = _text(element)
        if (
            0 < len(text) <= 200
            and (found := parse_byline(text))
            and BYLINE.search(text)
        ):
            return found
    author = (
        meta.get("ld:author") or meta.get("author") or meta.get("dable:author") or ""
    )
    if author and not _same(author, meta.get("og:site_name", "")):
        return parse_byline(author) or [(reporter_name(author), "", "")]
    return []


def _kst(parts) -> datetime:
    _, year, month, day, half, hour, minute, second = parts
    hour = int(hour or 0)
    if half == "오후" and hour < 12:
        hour += 12
    elif half == "오전" and hour == 12:
        hour = 0
    return datetime(
        int(year),
        int(month),
        int(day),
        hour,
        int(minute or 0),
        int(second or 0),
        tzinfo=KST,
    )


def _iso(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=KST)


def _dates(text: str, meta: dict[str, str]):
    labelled: dict[str, datetime] = {}
    for match in DATE.finditer(text):
        label = match.group(1)
        kind = "in" if label in PUBLISHED else "mod" if label in MODIFIED else "ok"
        try:
            labelled.setdefault(kind, _kst(match.groups()))
        except ValueError:
            continue
    published = (
        _iso(meta.get("article:published_time", ""))
        or _iso(meta.get("ld:datePublished", ""))
        or labelled.get("in")
        or labelled.get("ok")
    )
    modified = (
        _iso(meta.get("article:modified_time", ""))
        or _iso(meta.get("ld:dateModified", ""))
        or labelled.get("mod")
        or (labelled.get("ok") if labelled.get("in") else None)
    )
    if published and modified and modified < published:
        modified = published
    return published, modified


CRUMB_NAMES = re.compile(r"bread|crumb|path|location|(?:^|[\s_-])loc(?:$|[\s_-])")
MENU_NAMES = re.compile(r"gnb|lnb|snb|menu|nav|footer|side|all-?section")
SECTION_CODE = re.compile(r"sc_(sub_)?section_code=(\w+)(?!.*sc_sub_section_code)")


def _sections(root, container, meta) -> list[tuple[str, str]]:
    groups: list[Element] = []
    for element in root.iter():
        if element.tag != "a" or container.contains(element):
            continue
        if not SECTION_CODE.search(element.attrs.get("href", "")):
            continue
        holder = element.parent
        if holder is None or holder in groups:
            continue
        around = [holder, *holder.ancestors()]
        if not any(CRUMB_NAMES.search(a.names()) for a in around) and any(
            a.tag in ("nav", "footer", "aside") or MENU_NAMES.search(a.names())
            for a in around
        ):
            continue
        groups.append(holder)
    for holder in groups:
        # A breadcrumb names a section and perhaps its subsection; a menu names them all.
        while (
            holder.parent is not None
            and not any(
                isinstance(c, str) and c.strip(" >\u203a\xbb") for c in holder.children
            )
            and len([a for a in holder.iter() if a.tag == "a"]) < 3
        ):
            if holder.parent.tag in ("body", "#document"):
                break
            holder = holder.parent
        links = [
            (SECTION_CODE.search(a.attrs.get("href", "")), _text(a))
            for a in holder.iter()
            if a.tag == "a"
        ]
        links = [(m, t) for m, t in links if m and t]
        if not links or len(links) > 3:
            continue
        top = [(m.group(2), t) for m, t in links if not m.group(1)]
        sub = [(m.group(2), t) for m, t in links if m.group(1)]
        if top:
            return top[:1] + sub[:1]
    name = meta.get("article:section", "")
    if not name and "<" in meta.get("title", ""):
        parts = [p.strip() for p in meta["title"].split("<")]
        if len(parts) >= 3:
            name = parts[1]
    return [("", name)] if name else []


def _tags(root: Element, meta: dict[str, str]) -> list[str]:
    tags: list[str] = []
    for element in root.iter():
        if element.tag == "a" and re.search(
            r"(?:^|[\s_-])(?:tags?|keywords?)",
            " ".join(a.names() for a in [element, *list(element.ancestors())[:3]]),
        ):
            tag = _text(element).lstrip("#").strip()
            if tag and len(tag) <= 50 and tag not in tags:
                tags.append(tag)
    if not tags:
        raw = meta.get("news_keywords") or meta.get("article:tag") or ""
        tags = [t.strip().lstrip("#") for t in raw.split(",") if t.strip()]
    return tags[:30]


# ---- body -------------------------------------------------------------------------


def _body(container: Element, page_url: str):
    """Return the body blocks, and the byline written into its first and last lines."""
    doubles = sum(
        1 for i, c in enumerate(container.iter()) if c.tag == "br" and _next_is_br(c)
    )
    blocks: list[Block] = []
    run: list = []

    def flush():
        if run:
            _paragraph(list(run), blocks)
            run.clear()

    def walk(element: Element, in_p: bool = False):
        children = element.children
        for n, child in enumerate(children):
            if isinstance(child, str):
                run.append(child)
                continue
            if _is_junk(child):
                continue
            tag = child.tag
            if tag == "br":
                single = not _following_br(children, n) and not _preceding_br(
                    children, n
                )
                if single and (in_p or doubles):
                    run.append(child)
                else:
                    flush()
            elif tag == "img":
                flush()
                _add_photo(child, "", blocks, page_url)
            elif tag in INLINE_TAGS and not any(
                d.tag not in INLINE_TAGS for d in child.iter() if d is not child
            ):
                run.append(child)
            elif _is_photo_unit(child):
                flush()
                images = [i for i in child.iter() if i.tag == "img"]
                caption = child.find("figcaption")
                text = _text(caption if caption is not None else child)
                _add_photo(images[0], text, blocks, page_url)
            elif tag in HEADINGS:
                flush()
                text = _text(child)
                if text:
                    blocks.append(Block("subheading", text=text[:120]))
            elif tag == "blockquote":
                flush()
                text = _text(child)
                if text:
                    blocks.append(Block("quote", text=text))
            elif tag in INLINE_TAGS:
                walk(child, in_p)
            else:
                flush()
                walk(child, in_p or tag == "p")
                flush()

    walk(container)
    flush()
    blocks = [_bold_subheading(b) for b in _attach_captions(blocks)]
    blocks = [
        b for b in blocks if not (b.kind == "paragraph" and COPYRIGHT.search(b.text))
    ]
    lead = sign_off = ""
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is not None:
        plain = html.unescape(re.sub(r"<[^>]+>", "", first.text))
        match = LEAD.match(plain)
        if match:
            lead = plain[: match.end()]
            if plain[match.end() :].strip():
                first.text = _strip_prefix(first.text, match.end())
            else:
                blocks.remove(first)
    while blocks and blocks[-1].kind == "paragraph":
        plain = html.unescape(re.sub(r"<[^>]+>", "", blocks[-1].text)).strip()
        match = SIGN_OFF.match(plain) if len(plain) <= 80 else None
        if match and (match.group(1) or match.group(2)):
            sign_off = plain + " " + sign_off
            blocks.pop()
        else:
            break
    if blocks and blocks[-1].kind == "paragraph":
        last = blocks[-1]
        plain = html.unescape(re.sub(r"<[^>]+>", "", last.text))
        match = TRAILING_SIGN_OFF.search(plain)
        if match and "<" not in last.text:
            sign_off = (match.group(0) + " " + sign_off).strip()
            last.text = html.escape(plain[: match.start()].strip(), quote=False)
            if not last.text:
                blocks.pop()
    return blocks, lead, sign_off.strip()


def _strip_prefix(markup: str, count: int) -> str:
    """Drop the first `count` characters of text from inline HTML, keeping its tags."""
    out, n, i = [], 0, 0
    while i < len(markup):
        if markup[i] == "<":
            end = markup.find(">", i)
            out.append(markup[i : end + 1])
            i = end + 1
            continue
        if markup[i] == "&":
            end = markup.find(";", i)
            token = markup[i : end + 1] if end != -1 else markup[i]
        else:
            token = markup[i]
        if n >= count:
            out.append(token)
        n += 1
        i += len(token)
    return re.sub(r"<(\w+)>\s*</\1>", "", "".join(out)).strip()


def _next_is_br(element: Element) -> bool:
    siblings = element.parent.children
    at = next(i for i, c in enumerate(siblings) if c is element)
    return _following_br(siblings, at)


def _following_br(children, n) -> bool:
    for child in children[n + 1 :]:
        if isinstance(child, str):
            if child.strip(" \n\r\t\xa0"):
                return False
            continue
        return child.tag == "br"
    return False


def _preceding_br(children, n) -> bool:
    for child in reversed(children[:n]):
        if isinstance(child, str):
            if child.strip(" \n\r\t\xa0"):
                return False
            continue
        return child.tag == "br"
    return False


def _is_photo_unit(element: Element) -> bool:
    images = [i for i in element.iter() if i.tag == "img"]
    if not images or len(images) > 1:
        return element.tag == "figure" and bool(images)
    if element.tag == "figure":
        return True
    text = _text(element)
    if len(text) > 200 or sum(1 for e in element.iter() if e.tag in ("p", "br")) > 3:
        return False
    return (
        not text
        or text[:1] in "▲△▶"
        or "사진" in text
        or element.tag in ("table", "div")
    )


def _add_photo(img: Element, caption: str, blocks: list[Block], page_url: str):
    src = img.attrs.get("data-src") or img.attrs.get("src", "")
    src = src.strip()
    if not src or src.startswith("data:"):
        return
    caption, credit = split_credit(caption)
    blocks.append(
        Block(
            "photo",
            src=urljoin(page_url, src),
            caption=caption[:300],
            credit=credit[:100],
        )
    )


def _bold_subheading(block: Block) -> Block:
    """A paragraph that is one short bold line (`<b>■ 여름엔 물놀이장도</b>`) is a subheading."""
    match = (
        re.fullmatch(r"<b>([^<]{1,80})</b>", block.text)
        if block.kind == "paragraph"
        else None
    )
    if not match:
        return block
    text = html.unescape(match.group(1)).strip().lstrip("■□▶▷◆◇●○-– ").strip()
    return Block("subheading", text=text) if text else block


def _attach_captions(blocks: list[Block]) -> list[Block]:
    """A `▲ 설명 /사진=…` line right after a photo is that photo's caption."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            block.kind == "paragraph"
            and previous is not None
            and previous.kind == "photo"
            and not previous.caption
        ):
            plain = html.unescape(re.sub(r"<[^>]+>", "", block.text)).strip()
            if plain[:1] in "▲△" or (
                len(plain) < 200 and re.search(r"사진\s*(?:제공)?\s*=", plain)
            ):
                previous.caption, previous.credit = split_credit(plain)
                previous.caption = previous.caption[:300]
                previous.credit = previous.credit[:100]
                continue
        out.append(block)
    return out
