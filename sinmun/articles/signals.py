"""Cache purges when stories change (here and at the edge): the one use of signals here."""

from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sinmun.articles import selectors
from sinmun.articles.models import ArticlePage, LiveUpdate
from sinmun.core import edge, fragments


def forget_boxes(**kwargs):
    selectors.forget_headline_boxes()
    fragments.new_generation()


def story_purge(article: ArticlePage, *, also_under: Page | None = None):
    """Return the keys and main URLs of every page that shows `article` or lists it now.

    Pages that show it carry its own key; the lists it belongs to (its sections, reporters,
    tags, columnist and series, the front page, the latest box, feeds, sitemaps, search)
    are purged too, since it may be new on them or have moved within them. `also_under`
    is the section it was filed under before a move.
    """
    sections = list(_sections_above(article))
    if also_under is not None:
        sections += [also_under, *_sections_above(also_under)]
    bylines = list(article.bylines.select_related("reporter"))
    keys = {
        edge.article(article.pk),
        edge.FRONT,
        edge.LATEST,
        edge.FEED,
        edge.SITEMAP,
        edge.SEARCH,
        *(edge.section(s.pk) for s in sections),
        *(edge.reporter(b.reporter_id) for b in bylines),
        *(edge.tag(t.pk) for t in article.tags.all()),
    }
    if article.columnist_id:
        keys.add(edge.columnist(article.columnist_id))
    if article.series_id:
        keys.add(edge.series(article.series_id))
    paths = {
        "/",
        article.permalink_path,
        "/rss/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        *(s.url_path for s in sections),
        *(b.reporter.get_absolute_url() for b in bylines),
    }
    return keys, _absolute(article, paths)


def _sections_above(page: Page):
    """The sections `page` is filed in, below the site's front page."""
    site_depth = 2  # the tree's root is 1, a site's front page 2
    return Page.objects.ancestor_of(page).filter(depth__gt=site_depth)


def _absolute(page: Page, paths: set[str]) -> list[str]:
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    root_path = site.root_page.url_path
    return sorted(
        site.root_url + ("/" + p[len(root_path) :] if p.startswith(root_path) else p)
        for p in paths
    )


def purge_published(instance, **kwargs):
    # page_published also fires when a revision is only scheduled (Wagtail's
    # PublishRevisionAction); until it goes live no reader can see anything new.
    if edge.enabled() and instance.live:
        edge.purge(*story_purge(instance))


def purge_unpublished(instance, **kwargs):
    # Deleting a live page unpublishes it first (Wagtail's pre_delete_page_unpublish).
    if edge.enabled():
        edge.purge(*story_purge(instance))


def purge_moved(instance, parent_page_before, **kwargs):
    article = instance.specific_deferred
    if edge.enabled() and isinstance(article, ArticlePage) and article.live:
        edge.purge(*story_purge(article, also_under=parent_page_before))


def live_purge(article: ArticlePage):
    """Return the keys and URLs of what shows a live story's updates: its page and its poll."""
    paths = {article.permalink_path, reverse("articles:live", args=[article.pk])}
    return {edge.live(article.pk)}, _absolute(article, paths)


def purge_live_update(instance, **kwargs):
    # Updates are not page revisions, so no page_published tells the edge about them.
    if edge.enabled():
        article = ArticlePage.objects.filter(pk=instance.article_id).first()
        if article is not None and article.live:
            edge.purge(*live_purge(article))


post_save.connect(
    purge_live_update, sender=LiveUpdate, dispatch_uid="articles-edge-live-saved"
)
post_delete.connect(
    purge_live_update, sender=LiveUpdate, dispatch_uid="articles-edge-live-deleted"
)
page_published.connect(
    forget_boxes, sender=ArticlePage, dispatch_uid="articles-boxes-published"
)
page_unpublished.connect(
    forget_boxes, sender=ArticlePage, dispatch_uid="articles-boxes-unpublished"
)
page_published.connect(
    purge_published, sender=ArticlePage, dispatch_uid="articles-edge-published"
)
page_unpublished.connect(
    purge_unpublished, sender=ArticlePage, dispatch_uid="articles-edge-unpublished"
)
post_page_move.connect(purge_moved, dispatch_uid="articles-edge-moved")
