"""Display rules for Korean newspaper pages: date lines, times, previews, bylines."""

from datetime import datetime

from django import template
from django.conf import settings
from django.utils import timezone

from sinmun.core.text import cut_preview

register = template.Library()

WEEKDAYS = "월화수목금토일"


def dateline(moment: datetime | None = None) -> str:
    """Return the masthead date line in Korea time, e.g. "2025.05.02 (금)"."""
    local = timezone.localtime(moment)
    return f"{local:%Y.%m.%d} ({WEEKDAYS[local.weekday()]})"


@register.simple_tag
def today_dateline() -> str:
    return dateline()


@register.filter
def kst(value: datetime | None) -> str:
    """Format an aware datetime as Korea time, "2025.05.02 14:03"."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%Y.%m.%d %H:%M}"


@register.filter
def kst_date(value: datetime | None) -> str:
    if not value:
        return ""
    return f"{timezone.localtime(value):%Y.%m.%d}"


@register.filter
def preview(text: str, budget: int | None = None) -> str:
    """Cut `text` at a sentence boundary within `budget` characters: {{ a.teaser_source|preview:90 }}."""
    return cut_preview(text or "", int(budget or settings.SINMUN_PREVIEW_LENGTH))


@register.simple_tag
def rendition(image, spec: str):
    """Return `image` rendered to `spec` (a Wagtail filter spec held in a variable), or None.

    `{% image %}` takes its spec as a literal; components pass it as an argument, so they
    call this instead: {% rendition image spec as photo %}.
    """
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except (
        OSError,
        ValueError,
    ):  # a missing or broken source file must not break the page
        return None
