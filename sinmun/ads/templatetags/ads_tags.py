"""Ad slots on reader pages: {% ad_slot "side" %}, or {% shown_slot "article_inline" as ad %}."""

from django import template

from sinmun.ads import selectors
from sinmun.core import edge

register = template.Library()


@register.simple_tag(takes_context=True)
def shown_slot(context, position: str):
    """Return what slot `position` shows on this page (a ShownSlot), or None.

    The response then carries the edge key `ads` and is kept no longer than the next
    start or end of one of the slot's ads.
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    shown = selectors.slot_for_page(position, page=context.get("page"))
    if shown is None:
        return None
    edge.note_keys(request, edge.ADS)
    if shown.changes_at is not None:
        edge.note_until(request, shown.changes_at)
    return shown if shown.ads else None


@register.inclusion_tag("ads/slot.html", takes_context=True)
def ad_slot(context, position: str):
    return {"shown": shown_slot(context, position)}


@register.filter
def paragraph_count(page) -> int:
    """Return how many paragraph blocks `page`'s body has (an in-article ad goes after one).

    The stylesheet anchors the ad under the Nth `.block-paragraph` of the body, so this
    counts blocks, not the <p>s inside them.
    """
    body = getattr(page, "body", None)
    if body is None:
        return 0
    return sum(1 for block in body.raw_data if block["type"] == "paragraph")
