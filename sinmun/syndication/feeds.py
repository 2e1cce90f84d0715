"""RSS 2.0 feeds of the paper, a section and a reporter (django.contrib.syndication's Feed)."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Site

from sinmun.core import cache, edge
from sinmun.core.models import NewspaperSettings
from sinmun.core.text import cut_preview
from sinmun.newsroom.models import Reporter
from sinmun.sections import selectors as section_selectors
from sinmun.syndication import selectors
from sinmun.syndication.text import html_text, one_line, xml_safe

DESCRIPTION_LENGTH = 200


class SafeRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 that drops what XML 1.0 cannot hold, so one pasted control never breaks a feed.

    Reporter text is escaped for readers that take it as HTML, then as XML: RSS 2.0's
    description carries HTML, so it is escaped whole; a title may be read either way, so
    only what would be markup is escaped (text.html_text). A headline with `<b>` or `&`
    then shows as written, never as markup slipped into every reader's app.
    """

    def __init__(self, title, link, description, **kwargs):
        super().__init__(
            html_text(one_line(title)),
            link,
            escape(xml_safe(description)),
            **_clean(kwargs),
        )

    def add_item(self, title, link, description, **kwargs):
        super().add_item(
            html_text(one_line(title)),
            link,
            escape(xml_safe(description)),
            **_clean(kwargs),
        )


def _clean(kwargs: dict) -> dict:
    cleaned = {}
    for key, value in kwargs.items():
        if isinstance(value, str):
            value = one_line(value)
        elif key == "categories" and value:
            value = [one_line(v) for v in value]
        cleaned[key] = value
    return cleaned


@dataclass
class Channel:
    """What one feed is about, with the request's site to build absolute links."""

    title: str
    link: str
    description: str
    articles: list
    root_url: str
    keys: tuple[str, ...] = ()  # what the feed lists, for the edge (core.edge)


class PaperFeed(Feed):
    """The newest stories of the whole paper."""

    feed_type = SafeRssFeed

    def __call__(self, request, *args, **kwargs):
        return cache.make_public(super().__call__(request, *args, **kwargs))

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        paper = NewspaperSettings.for_site(site)
        channel = self.channel(request, site, paper, *args, **kwargs)
        edge.note_keys(request, *channel.keys)
        return channel

    def channel(self, request, site, paper, *args, **kwargs) -> Channel:
        return Channel(
            title=paper.name,
            link=site.root_url + "/",
            description=_("The newest stories of %(name)s") % {"name": paper.name},
            articles=selectors.feed_articles(),
            root_url=site.root_url,
            keys=(edge.FEED,),
        )

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.description

    def items(self, obj):
        tree = section_selectors.section_tree()
        for article in obj.articles:
            article.feed_link = obj.root_url + article.permalink_path
            article.feed_section = tree.section_of(article)
        return obj.articles

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_link

    item_guid_is_permalink = True

    def item_description(self, item):
        return item.summary or cut_preview(item.body_text, DESCRIPTION_LENGTH)

    def item_pubdate(self, item):
        return timezone.localtime(item.first_published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.last_published_at)

    def item_author_name(self, item):
        names = [b.reporter.name for b in item.bylines.all()]
        if not names and item.columnist:
            names = [item.columnist.name]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [item.feed_section.title] if item.feed_section else []


class SectionFeed(PaperFeed):
    """The newest stories of one section, its sub-sections included."""

    def channel(self, request, site, paper, path="", **kwargs) -> Channel:
        section = selectors.section_by_path(site=site, path=path)
        if section is None:
            raise Http404
        return Channel(
            title=f"{section.title} | {paper.name}",
            link=section.get_full_url(request) or site.root_url + "/",
            description=_("The newest stories in %(section)s")
            % {"section": section.title},
            articles=selectors.feed_articles(section=section),
            root_url=site.root_url,
            keys=(edge.section(section.pk),),
        )


class ReporterFeed(PaperFeed):
    """The newest stories of one reporter."""

    def channel(self, request, site, paper, slug="", **kwargs) -> Channel:
        reporter = get_object_or_404(Reporter, slug=slug)
        return Channel(
            title=_("%(name)s reporter") % {"name": reporter.name} + f" | {paper.name}",
            link=site.root_url + reporter.get_absolute_url(),
            description=_("The newest stories by %(name)s") % {"name": reporter.name},
            articles=selectors.feed_articles(reporter=reporter),
            root_url=site.root_url,
            keys=(edge.reporter(reporter.pk),),
        )


def feed_path(section_url: str) -> str:
    """Return the feed address of a section from its page address ("/society/")."""
    return reverse("syndication:section-feed", args=[section_url.strip("/")])
