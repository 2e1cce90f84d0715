"""Display rules for Korean newspaper pages: date lines, times, previews, bylines."""

from dataclasses import dataclass
from datetime import datetime

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter

from sinmun.core import csp, fragments
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
def html_datetime(value: datetime | None) -> str:
    """Return a `<time datetime>` value in Korea time to the second, "2025-05-02T14:03:09+09:00".

    Django's `|date:"c"` keeps microseconds, which HTML's global date-and-time string
    forbids (at most three fraction digits): the Nu checker rejects them.
    """
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


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


@register.inclusion_tag("components/external_scripts.html", takes_context=True)
def external_scripts(context):
    """Load the ad and analytics scripts the site settings name (static files, never inline)."""
    from sinmun.core.models import NewspaperSettings

    request = context.get("request")
    if request is None:
        return {"urls": []}
    # The page has read the settings already (title, footer): a cached object.
    paper = NewspaperSettings.for_request(request)
    return {"urls": csp.lines(paper.external_scripts)}


@register.inclusion_tag("components/breaking_banner.html", takes_context=True)
def breaking_banner(context):
    """Render the 속보 banner while it runs; the page is kept no longer than its expiry."""
    from wagtail.models import Site

    from sinmun.core import edge
    from sinmun.core.models import BreakingNewsSettings

    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    edge.note_keys(request, edge.BREAKING)
    banner = BreakingNewsSettings.for_site(site)
    now = timezone.now()
    if not banner.is_shown(now):
        return {}
    edge.note_until(request, banner.expires_at)
    return {"banner": banner}


@register.simple_tag(takes_context=True)
def page_frame(context, template_name: str, *parts, **extra) -> str:
    """Render a part of every page's frame (masthead, footer, ticker) once, not per request.

    Kept per site and fragment generation (fragments.framed), and per `parts`: what else
    it varies on (the current section, the ticker's observations). Render only what notes
    no edge key while rendering: on a hit nothing is rendered, so nothing is noted.
    """
    html = fragments.framed(
        context.get("request"),
        (template_name, *map(str, parts)),
        lambda: fragments.render_in_context(context, template_name, extra),
        timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10,
    )
    return mark_safe(html)  # rendered by our own template, escaped there


@dataclass(frozen=True)
class ResponsivePhoto:
    """A photo at several widths: `src` is the fallback rendition, `srcset` lists them all."""

    src: object
    srcset: str


@register.simple_tag
def responsive_rendition(image, spec: str):
    """Return `image` at every width of `spec`, or None: {% responsive_rendition image spec as photo %}.

    `spec` may list widths in braces, Wagtail's `{% srcset_image %}` syntax
    ("width-{1200,800,480}|format-jpeg"); the first is the fallback `src`. The renditions
    come in one query, and a phone picks a small one through `srcset` and `sizes`.
    """
    if image is None:
        return None
    try:
        renditions = list(image.get_renditions(*Filter().expand_spec(spec)).values())
    except (
        OSError,
        ValueError,
    ):  # a missing or broken source file must not break the page
        return None
    # A source narrower than the widest spec gives two renditions of one width; HTML
    # forbids repeating a width in srcset, and the browser needs only one of them.
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    srcset = (
        ", ".join(f"{r.url} {w}w" for w, r in by_width.items())
        if len(by_width) > 1
        else ""
    )
    return ResponsivePhoto(src=renditions[0], srcset=srcset)


# How wide each card's photo is drawn in sinmun.css (front-grid, main-stories, card-row),
# so the browser picks the smallest rendition that fills it.
CARD_PHOTO_SIZES = {
    "lead": "(max-width: 960px) 100vw, 820px",
    "row": "(max-width: 600px) 112px, 240px",
}


@register.filter
def card_photo_sizes(size: str | None) -> str:
    """Return the `sizes` attribute for a card's photo: {{ size|card_photo_sizes }}."""
    return CARD_PHOTO_SIZES.get(size or "", "(max-width: 600px) 100vw, 400px")
