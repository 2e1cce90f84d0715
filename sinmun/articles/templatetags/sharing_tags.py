"""The article's share bar and reading tools: plain links and static scripts, nothing loaded
from another site until the reader taps (the Kakao SDK only then, and only with an app key)."""

from django import template
from django.conf import settings

from sinmun.core.models import NewspaperSettings

register = template.Library()


@register.inclusion_tag("articles/components/share_bar.html", takes_context=True)
def share_bar(context, page):
    request = context.get("request")
    paper = NewspaperSettings.for_request(request) if request else None
    return {
        "page": page,
        "url": page.full_url,
        "kakao_key": paper.kakao_javascript_key if paper else "",
        "kakao_sdk_url": settings.SINMUN_KAKAO_SDK_URL,
        "kakao_sdk_integrity": settings.SINMUN_KAKAO_SDK_INTEGRITY,
    }
