"""Article fragments, rendered once per published revision and shared (core.fragments)."""

from django import template
from django.conf import settings
from django.utils.translation import pgettext

from sinmun.articles import selectors
from sinmun.core.fragments import cached_fragment, render_in_context

register = template.Library()

# A reporter's renamed desk or new e-mail shows within this long even without a republish.
FRAGMENT_SECONDS = 60 * 60


def article_main_key(page) -> str:
    # A new revision or a move to another section changes the key.
    stamp = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    return f"sinmun:article:{page.pk}:{page.live_revision_id}:{page.path}:{stamp}"


def related_box_key(ids) -> str:
    return "sinmun:related:" + "-".join(map(str, ids))


@register.simple_tag(takes_context=True)
def article_main(context, page):
    """Render the article element: header, photo, byline, body, corrections, footer."""
    return cached_fragment(
        context.get("request"),
        article_main_key(page),
        lambda: render_in_context(
            context,
            "articles/components/article_main.html",
            selectors.article_parts(article=page),
        ),
        timeout=FRAGMENT_SECONDS,
    )


@register.simple_tag(takes_context=True)
def related_box(context, ids):
    """Render the related-stories box for the story ids chosen by the page."""
    if not ids:
        return ""
    return cached_fragment(
        context.get("request"),
        related_box_key(ids),
        lambda: render_in_context(
            context, "articles/components/related.html", selectors.related_box(ids=ids)
        ),
        timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10,
    )


@register.filter
def photo_credit(credit: str) -> str:
    """Return a photo's credit as Korean papers print it: 사진=가람시 제공, once."""
    credit = (credit or "").strip()
    if not credit or "=" in credit:
        return credit
    prefix = pgettext("photo credit", "Photo")
    return f"{prefix}={credit}"
