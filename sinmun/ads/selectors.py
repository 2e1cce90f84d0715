"""Which ads a page may show: every bookable ad of every slot, read once and shared.

Pages are kept by shared caches and the edge, so the server does not pick one ad per view:
it sends every ad of the slot that fits the page, and the reader's browser picks one by
weight (static/js/ads.js; docs/decisions/0008-ad-rotation-on-cached-pages.md).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from sinmun.ads.models import Ad, AdKind, AdNetwork, AdSlot
from sinmun.core import readahead

ADS_KEY = "sinmun:ads:v1"
readahead.every_page_reads(ADS_KEY)  # every page has a slot or two
# The list is dropped whenever the ad desk saves (signals); this only bounds a missed drop.
ADS_SECONDS = 10 * 60

NETWORK_SCRIPTS = {
    AdNetwork.ADSENSE: "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client={publisher}",
    AdNetwork.ADFIT: "https://t1.daumcdn.net/kas/static/ba.min.js",
}


@dataclass(frozen=True)
class AdView:
    """One ad as a slot shows it: nothing in it needs a query."""

    pk: int
    kind: str
    weight: int
    starts_at: datetime
    ends_at: datetime | None
    section_paths: tuple[str, ...]
    click_url: str = ""
    image_url: str = ""
    alt_text: str = ""
    text: str = ""
    network: str = ""
    network_publisher_id: str = ""
    network_unit_id: str = ""
    network_script: str = ""

    def runs_at(self, now: datetime) -> bool:
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    def fits(self, path: str) -> bool:
        """Whether the ad may show on the page at tree path `path` ("" off the tree)."""
        if not self.section_paths:
            return True
        return any(path.startswith(p) for p in self.section_paths if path)

    @property
    def is_network(self) -> bool:
        return self.kind == AdKind.NETWORK


@dataclass(frozen=True)
class SlotView:
    position: str
    width: int
    height: int
    after_paragraph: int
    ads: tuple[AdView, ...] = field(default_factory=tuple)

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"


@dataclass(frozen=True)
class ShownSlot:
    """What one page shows in one slot: its box, its candidates, and when that changes."""

    slot: SlotView
    ads: list[AdView]
    changes_at: datetime | None

    @property
    def default(self) -> AdView:
        """The ad shown before (or without) the browser's pick: the heaviest."""
        return max(self.ads, key=lambda ad: ad.weight)


def all_slots() -> dict[str, SlotView]:
    """Return every active slot with its bookable ads, from the cache when it is there."""
    slots = cache.get(ADS_KEY)
    if slots is None:
        slots = _build_slots()
        cache.set(ADS_KEY, slots, timeout=ADS_SECONDS)
    return slots


def forget_slots() -> None:
    cache.delete(ADS_KEY)


def slot_for_page(
    position: str, *, page: Page | None, now: datetime | None = None
) -> ShownSlot | None:
    """Return what slot `position` shows on `page` now, or None when it shows nothing."""
    now = now or timezone.now()
    slot = all_slots().get(position)
    if slot is None:
        return None
    path = getattr(page, "path", "") or ""
    fitting = [ad for ad in slot.ads if ad.fits(path)]
    running = [ad for ad in fitting if ad.runs_at(now)]
    boundaries = [ad.ends_at for ad in running if ad.ends_at] + [
        ad.starts_at for ad in fitting if ad.starts_at > now
    ]
    changes_at = min(boundaries) if boundaries else None
    if not running:
        return ShownSlot(slot=slot, ads=[], changes_at=changes_at)
    return ShownSlot(slot=slot, ads=running, changes_at=changes_at)


def _build_slots() -> dict[str, SlotView]:
    """Read every bookable ad with its slot in one query (two with section targets)."""
    ads = (
        Ad.objects.bookable()
        .select_related("slot", "image")
        .prefetch_related("sections")
        .order_by("pk")
    )
    slots: dict[int, AdSlot] = {}
    by_slot: dict[int, list[AdView]] = {}
    for ad in ads:
        slots[ad.slot_id] = ad.slot
        by_slot.setdefault(ad.slot_id, []).append(
            _view(ad, ad.slot.width, ad.slot.height)
        )
    return {
        slot.position: SlotView(
            position=slot.position,
            width=slot.width,
            height=slot.height,
            after_paragraph=slot.after_paragraph,
            ads=tuple(by_slot[slot.pk]),
        )
        for slot in slots.values()
    }


def _view(ad: Ad, width: int, height: int) -> AdView:
    common = {
        "pk": ad.pk,
        "kind": ad.kind,
        "weight": ad.weight,
        "starts_at": ad.starts_at,
        "ends_at": ad.ends_at,
        "section_paths": tuple(sorted(s.path for s in ad.sections.all())),
    }
    if ad.kind == AdKind.NETWORK:
        return AdView(
            **common,
            network=ad.network,
            network_publisher_id=ad.network_publisher_id,
            network_unit_id=ad.network_unit_id,
            network_script=NETWORK_SCRIPTS[ad.network].format(
                publisher=ad.network_publisher_id
            ),
        )
    image_url = ""
    if ad.image is not None:
        try:
            image_url = ad.image.get_rendition(f"fill-{width}x{height}").url
        except (OSError, ValueError):  # a missing or unreadable file: show the text
            image_url = ""
    return AdView(
        **common,
        click_url=reverse("ads:click", args=[ad.pk]),
        image_url=image_url,
        alt_text=ad.alt_text,
        text=ad.text,
    )
