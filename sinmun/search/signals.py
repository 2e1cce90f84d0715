"""Keep the search index in step with publishing, in a background task.

Wagtail's synchronous index update is off for pages (`core.BasePage.search_auto_update`):
Kiwi takes 10–20 ms an article, which the editor's request should not pay. Photos, documents
and reporters are still indexed on save.
"""

import logging

from django.db import transaction
from modelsearch.index import class_is_indexed
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)


def queue_reindex(sender, instance, **kwargs):
    if not class_is_indexed(type(instance)):
        return
    page_id = instance.pk

    def enqueue():
        from sinmun.search import tasks

        try:
            tasks.index_page.enqueue(page_id=page_id)
        except Exception:
            logger.exception("Could not queue search indexing of page %s", page_id)

    transaction.on_commit(enqueue)


page_published.connect(queue_reindex, dispatch_uid="search-index-published")
page_unpublished.connect(queue_reindex, dispatch_uid="search-index-unpublished")
