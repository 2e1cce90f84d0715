"""Tell search engines when a story goes public, is updated or is withdrawn (IndexNow).

Wagtail sends `page_published` also when a revision is only *scheduled*: for a page that
has never been live, `PublishRevisionAction._publish_revision` saves it with `live=False`
and a future `go_live_at`, then sends the signal (wagtail/actions/publish_revision.py).
IndexNow is told only when the story is live and public at that moment: at once for a
story published now, and at go-live when `publish_scheduled` publishes it.

The ping is a task enqueued after commit. Inside `batch()` (the `publish_scheduled`
command), URLs are collected and one task carrying all of them is enqueued when the batch
ends, so no story waits on a search engine's endpoint.
"""

import contextlib
import logging
import threading

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from sinmun.articles.models import ArticlePage

logger = logging.getLogger(__name__)

_pending = threading.local()


def is_public_now(page: ArticlePage) -> bool:
    """True if a reader can open `page` now: live, and behind no view restriction."""
    return page.live and ArticlePage.objects.published().filter(pk=page.pk).exists()


def announce_published(sender, instance, **kwargs):
    if settings.SINMUN_INDEXNOW_KEY and is_public_now(instance):
        announce(instance)


def announce_unpublished(sender, instance, **kwargs):
    if settings.SINMUN_INDEXNOW_KEY:
        announce(instance)


def announce(page: ArticlePage) -> None:
    url = page.get_full_url()
    if not url:
        return
    batch_urls = getattr(_pending, "urls", None)
    if batch_urls is not None:
        batch_urls.append(url)
    else:
        transaction.on_commit(lambda: enqueue([url]))


@contextlib.contextmanager
def batch():
    """Collect the URLs announced inside; enqueue one IndexNow task for all of them after."""
    if getattr(_pending, "urls", None) is not None:  # already batching
        yield
        return
    _pending.urls = []
    try:
        yield
    finally:
        urls, _pending.urls = list(dict.fromkeys(_pending.urls)), None
        if urls:
            transaction.on_commit(lambda: enqueue(urls))


def enqueue(urls: list[str]) -> None:
    from sinmun.syndication import tasks

    try:
        tasks.notify_indexnow.enqueue(urls=urls)
    except Exception:  # a queue problem must not undo or block a publish
        logger.exception("Could not queue IndexNow for %s", ", ".join(urls))


page_published.connect(
    announce_published,
    sender=ArticlePage,
    dispatch_uid="syndication-indexnow-published",
)
page_unpublished.connect(
    announce_unpublished,
    sender=ArticlePage,
    dispatch_uid="syndication-indexnow-unpublished",
)
