"""What the front page shows. Each story appears once, in the first box that claims it.

Stories the editor-in-chief pinned (`FrontPagePin`) claim their slots first; every slot
left empty shows the newest stories, as before any pin existed.
"""

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from sinmun.articles import selectors as article_selectors
from sinmun.articles.models import ArticlePage
from sinmun.frontpage.models import FrontPagePin, HomePage, Slot
from sinmun.sections import selectors as section_selectors

MAIN_STORIES = 4
PER_SECTION = 4
LATEST = 8
MOST_READ = 8
COLUMNS = 4


def pins_of(home: HomePage | None) -> list[FrontPagePin]:
    """Return the pins of `home` in their order: saved ones, or a preview's unsaved ones."""
    if home is None:
        return []
    return sorted(home.pins.all(), key=lambda pin: pin.sort_order or 0)


def next_pin_change(pins: Iterable[FrontPagePin], now: datetime) -> datetime | None:
    """Return the next moment a pin's window opens or closes, if any."""
    moments = [
        moment
        for pin in pins
        for moment in (pin.starts_at, pin.ends_at)
        if moment and moment > now
    ]
    return min(moments, default=None)


def pinned_stories(
    pins: Iterable[FrontPagePin], now: datetime
) -> dict[str, list[ArticlePage]]:
    """Return the published stories pinned by the active `pins`, by slot, each story once.

    A pin to a draft, an embargoed, a withdrawn or a restricted story shows nothing, and
    neither does a pin outside its time window: its slot falls back to the newest stories.
    """
    active = [pin for pin in pins if pin.is_active(now)]
    by_slot: dict[str, list] = {slot: [] for slot in Slot.values}
    if not active:
        return by_slot
    found = article_selectors.published().in_bulk([pin.article_id for pin in active])
    claimed = set()
    for slot in (Slot.TOP, Slot.MAIN, Slot.SECTION):
        for pin in active:
            article = found.get(pin.article_id)
            if pin.slot == slot and article is not None and article.pk not in claimed:
                claimed.add(article.pk)
                by_slot[slot].append(article)
    by_slot[Slot.TOP] = by_slot[Slot.TOP][:1]
    by_slot[Slot.MAIN] = by_slot[Slot.MAIN][:MAIN_STORIES]
    return by_slot


def front_page(*, home: HomePage | None = None, now: datetime | None = None) -> dict:
    """Return the front page's boxes: top story, main stories, sections, latest, most read, columns.

    `home` supplies the pins: the saved ones on the live page, the edited ones in a preview.
    `changes_at` is when a pin's window next opens or closes, so a cache knows when to let go.
    """
    now = now or timezone.now()
    pins = pins_of(home)
    pinned = pinned_stories(pins, now)
    tree = section_selectors.section_tree()
    branches = [s for s in tree.top if s.show_on_front_page]
    # A section pick leads the block of the top-level section its story is filed in.
    picks: dict[str, list[ArticlePage]] = {s.path: [] for s in branches}
    for article in pinned[Slot.SECTION]:
        section = tree.top_section_of(article)
        block = picks.get(section.path) if section is not None else None
        if block is not None and len(block) < PER_SECTION:
            block.append(article)
    pinned[Slot.SECTION] = [a for articles in picks.values() for a in articles]

    shown = [a.pk for articles in pinned.values() for a in articles]
    top_story = pinned[Slot.TOP][0] if pinned[Slot.TOP] else None
    main_stories = list(pinned[Slot.MAIN])
    wanted = (0 if top_story else 1) + MAIN_STORIES - len(main_stories)
    with_photo = list(
        article_selectors.published()
        .news()
        .filter(lead_image__isnull=False)
        .exclude(pk__in=shown)
        .newest_first()[:wanted]
    )
    shown += [a.pk for a in with_photo]
    if top_story is None and with_photo:
        top_story = with_photo.pop(0)
    main_stories += with_photo

    columns = list(
        article_selectors.published()
        .columns()
        .exclude(pk__in=shown)
        .newest_first()[:COLUMNS]
    )
    shown += [a.pk for a in columns]

    per_branch = article_selectors.newest_per_branch(
        branch_paths=[s.path for s in branches], per_branch=PER_SECTION, exclude=shown
    )
    section_blocks = []
    for s in branches:
        articles = [*picks[s.path], *per_branch.get(s.path, [])][:PER_SECTION]
        if articles:
            section_blocks.append((s, articles))
    shown += [a.pk for _, articles in section_blocks for a in articles]

    boxes = article_selectors.headline_boxes(
        {"latest": LATEST, "most_read": MOST_READ}, exclude=shown
    )
    latest, most_read = boxes["latest"], boxes["most_read"]

    leads = [top_story, *main_stories] if top_story else main_stories
    with_cards = [*leads, *(a for _, articles in section_blocks for a in articles)]
    article_selectors.prefetch_cards(with_cards)
    article_selectors.prefetch_renditions(
        [c.columnist.photo for c in columns if c.columnist and c.columnist.photo]
    )
    return {
        "top_story": top_story,
        "main_stories": main_stories,
        "section_blocks": section_blocks,
        "latest_articles": latest,
        "most_read_articles": most_read,
        "columns": columns,
        "changes_at": next_pin_change(pins, now),
    }
