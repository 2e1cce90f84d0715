"""Counting what ads did, per ad and day (KST), without knowing who saw them."""

from collections.abc import Iterable

from django.db.models import F
from django.utils import timezone

from sinmun.ads.models import Ad, AdDay

# A beacon names the ads of one page; a page has at most one ad per slot.
MAX_ADS_PER_BEACON = 8


class UnknownAd(Exception):
    pass


def count_click(*, ad_id: int, now=None) -> str:
    """Add one click to today's count of ad `ad_id` and return where the click goes.

    An ad that has ended still sends its clicks on (a kept page may link to it), but an
    ad without a link, or that does not exist, raises UnknownAd.
    """
    link = (
        Ad.objects.filter(pk=ad_id)
        .exclude(link_url="")
        .values_list("link_url", flat=True)
    )
    link = link.first()
    if link is None:
        raise UnknownAd(ad_id)
    _add(ad_ids=[ad_id], field="clicks", now=now)
    return link


def count_impressions(*, ad_ids: Iterable[int], now=None) -> int:
    """Add one impression to each of `ad_ids` that exists; return how many counted."""
    wanted = sorted(set(ad_ids))[:MAX_ADS_PER_BEACON]
    known = list(Ad.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    if known:
        _add(ad_ids=known, field="impressions", now=now)
    return len(known)


def _add(*, ad_ids: list[int], field: str, now=None) -> None:
    day = timezone.localdate(now)
    # Create the day's rows first (a no-op where they exist), then add in one UPDATE, so
    # two beacons at once never lose a count.
    AdDay.objects.bulk_create(
        [AdDay(ad_id=pk, day=day) for pk in ad_ids], ignore_conflicts=True
    )
    AdDay.objects.filter(ad_id__in=ad_ids, day=day).update(**{field: F(field) + 1})
