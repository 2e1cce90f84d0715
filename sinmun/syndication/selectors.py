"""Reads for machines: feeds, sitemaps, the news sitemap and the portal export."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.models import Site

from sinmun.articles import selectors as article_selectors
from sinmun.articles.models import ArticlePage
from sinmun.core.selectors import public_q
from sinmun.newsroom.models import Reporter
from sinmun.sections import selectors as section_selectors
from sinmun.sections.models import SectionPage

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_MAX = 1000


def _with_bylines(articles) -> list[ArticlePage]:
    articles = list(articles)
    article_selectors.prefetch_cards(articles)
    return articles


def feed_articles(*, section=None, reporter=None, limit=None) -> list[ArticlePage]:
    """Return the newest published stories of the paper, a section or a reporter."""
    articles = article_selectors.published()
    if section is not None:
        articles = articles.in_section(section)
    if reporter is not None:
        articles = articles.filter(bylines__reporter=reporter)
    limit = limit or settings.SINMUN_FEED_LENGTH
    return _with_bylines(articles.newest_first()[:limit])


def section_by_path(*, site: Site, path: str) -> SectionPage | None:
    """Return the live public section at `path` ("society/incidents") under `site`."""
    url_path = f"{site.root_page.url_path}{path.strip('/')}/"
    return SectionPage.objects.live().filter(public_q(), url_path=url_path).first()


def sitemap_articles():
    """Every published story, in id order: sitemaps page them by id range."""
    return (
        ArticlePage.objects.published()
        .order_by("pk")
        .only("pk", "first_published_at", "last_published_at")
    )


def latest_change(queryset) -> datetime | None:
    """Return the newest `last_published_at` in `queryset`, read from the end of its index."""
    return (
        queryset.filter(last_published_at__isnull=False)
        .order_by("-last_published_at")
        .values_list("last_published_at", flat=True)
        .first()
    )


def sitemap_sections():
    tree = section_selectors.section_tree()
    return list(tree.by_path.values())


def sitemap_reporters():
    """Reporters with at least one published story: their pages list something."""
    # One probe per reporter for a story of theirs, not a DISTINCT over every byline of
    # the archive. A scalar sub-query with LIMIT 1, because PostgreSQL turns an EXISTS into
    # a semi-join that reads all the bylines.
    first_story = ArticlePage.objects.published().filter(
        bylines__reporter=OuterRef("pk")
    )
    return (
        Reporter.objects.annotate(first_story=Subquery(first_story.values("pk")[:1]))
        .filter(first_story__isnull=False)
        .order_by("pk")
    )


def news_sitemap_articles(*, now=None) -> list[ArticlePage]:
    """Stories first published in the last two days, newest first, at most 1,000."""
    since = (now or timezone.now()) - timedelta(days=NEWS_SITEMAP_DAYS)
    return list(
        ArticlePage.objects.published()
        .filter(first_published_at__gte=since)
        .newest_first()
        .only("pk", "title", "first_published_at")[:NEWS_SITEMAP_MAX]
    )


@dataclass(frozen=True)
class ExportRow:
    url: str
    title: str
    reporters: str
    section: str
    published_at: datetime
    origin: str


def export_rows(*, start, end, root_url: str) -> list[ExportRow]:
    """Return the stories first published from `start` to `end` (KST dates, inclusive)."""
    tz = timezone.get_current_timezone()
    since = datetime.combine(start, datetime.min.time(), tzinfo=tz)
    until = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    articles = _with_bylines(
        article_selectors.published()
        .filter(first_published_at__gte=since, first_published_at__lt=until)
        .order_by("first_published_at", "pk")
    )
    tree = section_selectors.section_tree()
    rows = []
    for article in articles:
        section = tree.section_of(article)
        rows.append(
            ExportRow(
                url=root_url + article.permalink_path,
                title=article.title,
                reporters=", ".join(b.reporter.name for b in article.bylines.all()),
                section=section.title if section else "",
                published_at=timezone.localtime(article.first_published_at),
                origin=str(article.get_origin_display()),
            )
        )
    return rows
