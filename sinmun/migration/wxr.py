"""Read a WordPress export (WXR 1.1/1.2) one item at a time, without building the tree.

The stdlib's expat parser never fetches external entities or DTDs; a document that
declares a DOCTYPE is refused outright, which also rules out entity-expansion bombs
(WordPress never writes one).
"""

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
WP_NAMESPACES = ("http://wordpress.org/export/1.1/", "http://wordpress.org/export/1.2/")
EXCERPT_NAMESPACES = (
    "http://wordpress.org/export/1.1/excerpt/",
    "http://wordpress.org/export/1.2/excerpt/",
)


class WxrError(Exception):
    """The export cannot be read any further (truncated or not XML)."""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class Category:
    term_id: str
    nicename: str
    name: str
    parent: str = ""


@dataclass
class Comment:
    id: str
    author: str
    email: str
    text: str
    date_gmt: datetime | None
    approved: bool


@dataclass
class Item:
    id: str
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    slug: str = ""
    date: datetime | None = None  # KST wall time read as the site's zone, then UTC
    date_gmt: datetime | None = None
    modified: datetime | None = None
    parent: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (nicename, name)
    tags: list[str] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    number: int = 0  # its place among the export's items


@dataclass
class Channel:
    link: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)  # by nicename
    attachments: dict[str, str] = field(default_factory=dict)  # id → file address
    # Posts whose featured image's attachment comes later in the export: post id → its id.
    later_thumbnails: dict[str, str] = field(default_factory=dict)


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        if ns in WP_NAMESPACES:
            ns = "wp"
        elif ns in EXCERPT_NAMESPACES:
            ns = "excerpt"
        elif ns == NS["content"]:
            ns = "content"
        elif ns == NS["dc"]:
            ns = "dc"
        return ns, name
    return "", tag


def _children(element) -> dict[tuple[str, str], str]:
    return {_local(child.tag): (child.text or "") for child in element}


def parse_wp_datetime(value: str, zone: ZoneInfo) -> datetime | None:
    """Return WordPress's `2024-05-12 09:30:00` in `zone` as an aware datetime, or None."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")  # noqa: DTZ007 (zone added below)
    except ValueError:
        return None
    return naive.replace(tzinfo=zone)


def _item(element, zone: ZoneInfo, number: int) -> Item:
    utc = ZoneInfo("UTC")
    values = _children(element)
    item = Item(
        id=values.get(("wp", "post_id"), "").strip(),
        post_type=values.get(("wp", "post_type"), "").strip(),
        status=values.get(("wp", "status"), "").strip(),
        title=values.get(("", "title"), ""),
        link=values.get(("", "link"), "").strip(),
        creator=values.get(("dc", "creator"), "").strip(),
        content=values.get(("content", "encoded"), ""),
        excerpt=values.get(("excerpt", "encoded"), ""),
        slug=values.get(("wp", "post_name"), "").strip(),
        parent=values.get(("wp", "post_parent"), "").strip(),
        attachment_url=values.get(("wp", "attachment_url"), "").strip(),
        number=number,
    )
    item.date = parse_wp_datetime(values.get(("wp", "post_date"), ""), zone)
    item.date_gmt = parse_wp_datetime(values.get(("wp", "post_date_gmt"), ""), utc)
    item.modified = parse_wp_datetime(
        values.get(("wp", "post_modified_gmt"), ""), utc
    ) or parse_wp_datetime(values.get(("wp", "post_modified"), ""), zone)
    for child in element:
        ns, name = _local(child.tag)
        if ns == "" and name == "category":
            domain = child.get("domain", "")
            nicename = child.get("nicename", "")
            text = (child.text or "").strip()
            if domain == "category":
                item.categories.append((nicename, text))
            elif domain == "post_tag" and text:
                item.tags.append(text)
        elif ns == "wp" and name == "postmeta":
            meta = _children(child)
            key = meta.get(("wp", "meta_key"), "")
            item.meta.setdefault(key, []).append(meta.get(("wp", "meta_value"), ""))
        elif ns == "wp" and name == "comment":
            c = _children(child)
            item.comments.append(
                Comment(
                    id=c.get(("wp", "comment_id"), "").strip(),
                    author=c.get(("wp", "comment_author"), "").strip(),
                    email=c.get(("wp", "comment_author_email"), "").strip(),
                    text=c.get(("wp", "comment_content"), ""),
                    date_gmt=parse_wp_datetime(
                        c.get(("wp", "comment_date_gmt"), ""), utc
                    ),
                    approved=c.get(("wp", "comment_approved"), "").strip() == "1"
                    and c.get(("wp", "comment_type"), "").strip() in ("", "comment"),
                )
            )
    return item


def read(source, *, zone: ZoneInfo, channel: Channel) -> Iterator[Item]:
    """Yield the export's items; fill `channel` with its authors and categories on the way.

    Raise WxrError where the document stops being XML; the items before it were yielded.
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    count = 0
    first = True
    try:
        for chunk in iter(lambda: source.read(1 << 16), b""):
            if first:
                # Entity declarations live only in a DOCTYPE; without one, no entity can
                # expand, and expat fetches nothing from outside.
                if b"<!DOCTYPE" in chunk.split(b"<rss", 1)[0].upper():
                    raise WxrError("a DOCTYPE is not allowed in a WordPress export")
                first = False
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                ns, name = _local(element.tag)
                if name == "item" and ns == "":
                    count += 1
                    yield _item(element, zone, count)
                    element.clear()
                elif ns == "wp" and name == "author":
                    values = _children(element)
                    login = values.get(("wp", "author_login"), "").strip()
                    channel.authors[login] = Author(
                        login=login,
                        email=values.get(("wp", "author_email"), "").strip(),
                        display_name=values.get(
                            ("wp", "author_display_name"), ""
                        ).strip(),
                    )
                    element.clear()
                elif ns == "wp" and name == "category" and depth == 2:
                    values = _children(element)
                    nicename = values.get(("wp", "category_nicename"), "").strip()
                    channel.categories[nicename] = Category(
                        term_id=values.get(("wp", "term_id"), "").strip(),
                        nicename=nicename,
                        name=values.get(("wp", "cat_name"), "").strip(),
                        parent=values.get(("wp", "category_parent"), "").strip(),
                    )
                elif ns == "" and name == "link" and depth == 2:
                    channel.link = (element.text or "").strip()
        parser.close()
        for _event in parser.read_events():
            pass
    except ET.ParseError as error:
        raise WxrError(str(error)) from None
