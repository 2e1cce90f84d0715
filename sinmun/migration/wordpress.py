"""WordPress export items → `services.ImportedStory`."""

import html
from zoneinfo import ZoneInfo

from sinmun.core.text import normalize_line, normalize_text
from sinmun.migration import body, services
from sinmun.migration.models import ImportSource
from sinmun.migration.wxr import Channel, Item

UNCATEGORISED = {"uncategorized", "미분류", "%eb%af%b8%eb%b6%84%eb%a5%98"}
STATUSES = {"publish": services.LIVE, "future": services.SCHEDULED}
NOT_STORIES = {"attachment", "revision", "nav_menu_item", "custom_css", "wp_block"}


def skip_reason(item: Item) -> str:
    """Return why `item` is not a story, or an empty string if it is one."""
    if item.post_type in NOT_STORIES or item.post_type.startswith("wp_"):
        return f"{item.post_type or 'unknown type'}: not a story"
    if item.post_type not in ("post", "page"):
        return f"post type {item.post_type}: not a story"
    if item.status in ("trash", "auto-draft", "inherit"):
        return f"status {item.status}: not a story"
    return ""


def section_path(item: Item, channel: Channel) -> list[tuple[str, str]]:
    """Return the section (top first) for the post's category; Yoast's primary wins."""
    by_id = {c.term_id: c for c in channel.categories.values()}
    chosen = None
    primary = (item.meta.get("_yoast_wpseo_primary_category") or [""])[0].strip()
    if primary in by_id:
        chosen = by_id[primary]
    else:
        candidates = [
            channel.categories.get(nicename)
            for nicename, name in item.categories
            if nicename.lower() not in UNCATEGORISED and name not in UNCATEGORISED
        ]
        candidates = [c for c in candidates if c]
        # The deepest category is the most specific: a subsection over its section.
        if candidates:
            chosen = max(candidates, key=lambda c: _depth(c, channel))
    if chosen is None or chosen.nicename.lower() in UNCATEGORISED:
        return []
    path = []
    seen = set()
    while chosen and chosen.nicename not in seen:
        seen.add(chosen.nicename)
        path.append((chosen.nicename, normalize_line(html.unescape(chosen.name))))
        chosen = channel.categories.get(chosen.parent) if chosen.parent else None
    return list(reversed(path))


def _depth(category, channel: Channel) -> int:
    depth, seen = 0, set()
    while category and category.parent and category.nicename not in seen:
        seen.add(category.nicename)
        category = channel.categories.get(category.parent)
        depth += 1
    return depth


def to_story(item: Item, channel: Channel, *, zone: ZoneInfo) -> services.ImportedStory:
    author = channel.authors.get(item.creator)
    reporters = []
    if author or item.creator:
        display = (author.display_name if author else "") or item.creator
        reporters.append(
            (
                services.reporter_name(display),
                author.email if author else "",
                item.creator,
            )
        )
    published = item.date_gmt or item.date
    status = STATUSES.get(item.status, services.DRAFT)
    if status == services.SCHEDULED and item.date:
        published = item.date
    excerpt = normalize_text(html.unescape(item.excerpt.replace("<br />", "\n")))
    meta_thumbnail = (item.meta.get("_thumbnail_id") or [""])[0]
    lead = channel.attachments.get(meta_thumbnail, "") if meta_thumbnail else ""
    if meta_thumbnail.strip() and not lead:
        channel.later_thumbnails[item.id] = meta_thumbnail.strip()
    paths = [item.link] if item.link and "?" not in item.link else []
    for old_slug in item.meta.get("_wp_old_slug", []):
        if paths and item.slug and item.slug in paths[0]:
            paths.append(paths[0].replace(item.slug, old_slug.strip()))
    return services.ImportedStory(
        source=ImportSource.WORDPRESS,
        source_id=item.id,
        title=normalize_line(html.unescape(item.title)),
        body=body.to_blocks(item.content),
        status=status,
        section_path=section_path(item, channel),
        subtitle="\n".join(
            line for line in (" ".join(s.split()) for s in excerpt.splitlines()) if line
        )[:500],
        reporters=[r for r in reporters if r[0]],
        tags=[normalize_line(html.unescape(t)) for t in item.tags],
        slug=item.slug,
        first_published_at=published,
        last_published_at=max(filter(None, [published, item.modified]), default=None),
        lead_image=lead,
        old_paths=paths,
        old_keys=_shortlinks(item),
        comments=[
            {
                "id": c.id,
                "author": normalize_line(c.author)[:255],
                "email": c.email[:254],
                "text": normalize_text(c.text),
                "posted_at": c.date_gmt,
            }
            for c in item.comments
            if c.approved and c.id
        ],
    )


def _shortlinks(item: Item) -> list[str]:
    """The keys of the item's shortlinks: /?p=ID, and for a static page /?page_id=ID too."""
    if not item.id.isdigit():
        return []
    keys = [f"wordpress:p={int(item.id)}"]
    if item.post_type == "page":
        keys.append(f"wordpress:page_id={int(item.id)}")
    return keys
