"""Ads as the ad desk books them: into one of the four slots the migration creates."""

from datetime import timedelta

from django.utils import timezone

from sinmun.ads.models import DEFAULT_SIZES, Ad, AdKind, AdSlot


def slot(position: str) -> AdSlot:
    return AdSlot.objects.get_or_create(
        position=position, defaults={"size": DEFAULT_SIZES[position]}
    )[0]


def make_ad(position: str, *, name="가람시 축제 배너", sections=(), **fields) -> Ad:
    fields.setdefault("kind", AdKind.HOUSE)
    if fields["kind"] != AdKind.NETWORK:
        fields.setdefault("text", "가람일보 뉴스레터를 받아 보세요")
        fields.setdefault("link_url", "https://garamilbo.example/newsletter")
    fields.setdefault("starts_at", timezone.now() - timedelta(hours=1))
    ad = Ad(slot=slot(position), name=name, **fields)
    ad.full_clean(exclude=["sections"])
    ad.save()
    if sections:
        ad.sections.set(sections)
    return ad
