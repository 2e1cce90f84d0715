from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from sinmun.ads.templatetags.ads_tags import ad_slot
from sinmun.core import fragments
from sinmun.frontpage import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def front_page_boxes(context, page):
    """Render the front page's stories and boxes, shared until the next publish (or 5 min).

    A pin's window opening or closing ends the shared copy too, without a publish. A
    preview renders the edited pins of `page` and never touches the shared copy.
    """

    def render():
        boxes = selectors.front_page(home=page)
        html = fragments.render_in_context(
            context, "frontpage/components/front_page_boxes.html", boxes
        )
        return html, boxes["changes_at"]

    html = fragments.cached_fragment_until(
        context.get("request"),
        f"sinmun:front:{page.pk}:{fragments.generation()}",
        render,
        timeout=settings.SINMUN_BOX_CACHE_SECONDS * 10,
    )
    # The side ad changes with the ad desk, not with publishing: it is not in the copy.
    side = fragments.render_in_context(
        context, "ads/slot.html", ad_slot(context, "side")
    )
    return mark_safe(html.replace(SIDE_AD_MARK, side, 1))


SIDE_AD_MARK = "<!--sinmun:ad-slot:side-->"
