from django import template
from django.conf import settings

from sinmun.core import fragments
from sinmun.frontpage import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def front_page_boxes(context, page):
    """Render the front page's stories and boxes, shared until the next publish (or 5 min)."""

    return fragments.cached_fragment(
        context.get("request"),
        f"sinmun:front:{page.pk}:{fragments.generation()}",
        lambda: fragments.render_in_context(
            context,
            "frontpage/components/front_page_boxes.html",
            selectors.front_page(),
        ),
        timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10,
    )
