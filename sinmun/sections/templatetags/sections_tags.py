from django import template
from django.conf import settings

from sinmun.core import fragments

register = template.Library()


@register.filter
def section_in(article, tree):
    """Return the section `article` is filed in: {{ article|section_in:section_tree }}."""
    return tree.section_of(article) if tree else None


@register.filter
def top_section_in(page, tree):
    """Return the top-level section `page` sits under, for the navigation's current mark."""
    if not page or not tree or not getattr(page, "path", None):
        return None
    return tree.top_section_of(page)


@register.simple_tag(takes_context=True)
def cached_listing(context, key: str):
    """Render `listing` (evaluated only on a miss) as a fragment kept until the next publish."""

    return fragments.cached_fragment(
        context.get("request"),
        f"sinmun:listing:{key}:{fragments.generation()}",
        lambda: fragments.render_in_context(context, "components/listing.html"),
        timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10,
    )
