"""Keyset pages of a listing, newest first: each page is an index range, never a deep OFFSET.

A listing page is named by where it starts, not by its number (docs/decisions/0005):

- no parameter: the newest stories;
- `?before=<id>`: the stories just older than story <id> (the "older" link);
- `?after=<id>`: the stories just newer than story <id> (the "newer" link);
- `?page=last`: the oldest stories, read from the other end of the same index;
- `?page=<n>` (links made before keyset pages): pages 2 to MAX_NUMBERED_PAGE still answer,
  with an OFFSET of at most that many pages; deeper numbers show the deepest of them.

Stories are ordered by (first_published_at, id), so a cursor is one story's id: its
publication time is read by primary key, and the page is the next `size` rows of the
listing below (or above) that point. No page counts the listing.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet
from wagtail.models import Page

MAX_NUMBERED_PAGE = 10
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Position:
    """Where a listing page starts: "first", "before", "after", "last" or "number"."""

    kind: str = "first"
    value: int = 0

    @property
    def key(self) -> str:
        """A short name for the cache key of the rendered page."""
        return f"{self.kind}{self.value or ''}"


FIRST = Position()


def _positive(value) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def position(query) -> Position:
    """Return the listing position a request's query string asks for; junk is the first page."""
    for kind in ("before", "after"):
        if kind in query:
            story = _positive(query.get(kind))
            return Position(kind, story) if story else FIRST
    page = query.get("page")
    if page is None:
        return FIRST
    if str(page).strip().lower() == "last":
        return Position("last")
    number = _positive(page)
    if number is None or number == 1:
        return FIRST
    return Position("number", min(number, MAX_NUMBERED_PAGE))


@dataclass
class ListingPage:
    """One page of a listing, with the queries of its neighbours."""

    object_list: list = field(default_factory=list)
    has_previous: bool = False  # newer stories exist
    has_next: bool = False  # older stories exist
    previous_query: str = ""  # "" is the first page
    next_query: str = ""

    def __iter__(self) -> Iterator:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def is_first(self) -> bool:
        return not self.has_previous


def _published_at(story_id: int):
    # From the page table, so a cursor naming a story withdrawn since still places the page.
    return (
        Page.objects.filter(pk=story_id)
        .values_list("first_published_at", flat=True)
        .first()
    )


def _page(rows: list, size: int, *, has_previous: bool, has_next: bool) -> ListingPage:
    return ListingPage(
        object_list=rows,
        has_previous=has_previous,
        has_next=has_next,
        previous_query=f"after={rows[0].pk}" if has_previous and rows else "",
        next_query=f"before={rows[-1].pk}" if has_next and rows else "",
    )


def _first(newest_first: QuerySet, size: int) -> ListingPage:
    rows = list(newest_first[: size + 1])
    return _page(rows[:size], size, has_previous=False, has_next=len(rows) > size)


def keyset_page(newest_first: QuerySet, at: Position, size: int) -> ListingPage:
    """Return the page of `newest_first` (ordered by -first_published_at, -pk) at `at`."""
    if at.kind == "number":
        start = (at.value - 1) * size
        rows = list(newest_first[start : start + size + 1])
        if not rows:
            return _first(newest_first, size)
        return _page(rows[:size], size, has_previous=True, has_next=len(rows) > size)
    if at.kind == "last":
        rows = list(newest_first.reverse()[: size + 1])
        has_previous = len(rows) > size
        return _page(rows[:size][::-1], size, has_previous=has_previous, has_next=False)
    if at.kind in ("before", "after"):
        published_at = _published_at(at.value)
        if published_at is None:
            return _first(newest_first, size)
        if at.kind == "before":
            # `<=` bounds the index scan; the exclusion drops the cursor's equals.
            rows = list(
                newest_first.filter(first_published_at__lte=published_at).exclude(
                    first_published_at=published_at, pk__gte=at.value
                )[: size + 1]
            )
            return _page(
                rows[:size], size, has_previous=True, has_next=len(rows) > size
            )
        rows = list(
            newest_first.reverse()
            .filter(first_published_at__gte=published_at)
            .exclude(first_published_at=published_at, pk__lte=at.value)[: size + 1]
        )
        if len(rows) <= size:
            return _first(newest_first, size)  # close to the top: the newest page
        return _page(rows[:size][::-1], size, has_previous=True, has_next=True)
    return _first(newest_first, size)
