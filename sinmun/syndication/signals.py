"""Tell search engines when a story is published, updated or withdrawn (IndexNow)."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from sinmun.articles.models import ArticlePage

logger = logging.getLogger(__name__)


def announce_change(sender, instance, **kwargs):
    if not settings.SINMUN_INDEXNOW_KEY:
        return
    url = instance.get_full_url()
    if not url:
        return

    def enqueue():
        from sinmun.syndication import tasks

        try:
            tasks.notify_indexnow.enqueue(urls=[url])
        except Exception:
            logger.exception("Could not queue IndexNow for %s", url)

    transaction.on_commit(enqueue)


page_published.connect(
    announce_change, sender=ArticlePage, dispatch_uid="syndication-indexnow-published"
)
page_unpublished.connect(
    announce_change,
    sender=ArticlePage,
    dispatch_uid="syndication-indexnow-unpublished",
)
