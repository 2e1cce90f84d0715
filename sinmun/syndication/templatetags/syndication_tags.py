"""Head metadata for machines: feed autodiscovery, Open Graph, NewsArticle JSON-LD."""

from django import template
from django.urls import reverse
from wagtail.models import Site

from sinmun.articles import selectors as article_selectors
from sinmun.articles.templatetags.articles_tags import article_main_key, related_box_key
from sinmun.core import readahead
from sinmun.core.fragments import cached_fragment, render_in_context
from sinmun.core.models import NewspaperSettings
from sinmun.sections import selectors as section_selectors
from sinmun.syndication import structured_data
from sinmun.syndication.text import one_line

register = template.Library()

HEAD_SECONDS = 60 * 60


@register.simple_tag(takes_context=True)
def article_head(context, page):
    """Render the article's JSON-LD and Open Graph tags, once per published revision."""
    request = context["request"]
    stamp = int(page.last_published_at.timestamp()) if page.last_published_at else 0
    key = (
        f"sinmun:article-head:{request.get_host()}:{page.pk}:"
        f"{page.live_revision_id}:{page.path}:{stamp}"
    )
    if page.is_live:
        # Live updates are no revisions: their own stamp keeps the LiveBlogPosting current.
        key += ":" + article_selectors.live_stamp(article=page)
    # The page's other fragments come later in the template: one round trip for all three.
    related = context.get("related_ids")
    readahead.read_ahead(
        [key, article_main_key(page), *([related_box_key(related)] if related else [])]
    )

    def render():
        site = Site.find_for_request(request)
        paper = NewspaperSettings.for_site(site)
        section = section_selectors.section_tree().section_of(page)
        data = structured_data.article_head(
            request=request, page=page, paper=paper, section=section
        )
        return render_in_context(context, "syndication/article_head.html", data)

    return cached_fragment(request, key, render, timeout=HEAD_SECONDS)


@register.inclusion_tag("syndication/website_head.html", takes_context=True)
def website_head(context):
    """Render the Open Graph basics of any page that is not an article."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    paper = NewspaperSettings.for_site(site)
    page = context.get("page")
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) or paper.name
    return {
        "og_title": one_line(title),
        "og_url": request.build_absolute_uri(),
        "og_image": structured_data.logo_url(request, paper),
        "site_name": one_line(paper.name),
    }


@register.simple_tag
def section_feed_url(url: str) -> str:
    """Return the feed address of the section at page address `url` ("/society/")."""
    path = url.split("://", 1)[-1]
    if "://" in url:
        path = "/" + path.split("/", 1)[-1] if "/" in path else "/"
    path = path.strip("/")
    if not path:
        return reverse("syndication:feed")
    return reverse("syndication:section-feed", args=[path])
