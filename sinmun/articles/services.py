"""Writes about articles."""

import hashlib

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sinmun.articles.models import ArticlePage, ReadCount

# One reader reloading a page should not climb the most-read list.
REPEAT_READ_WINDOW = 30 * 60
# One address counts for at most this many stories per REPEAT_READ_WINDOW: a newsroom or
# a carrier's shared address reads many, a script reads everything.
READS_PER_ADDRESS = 120


class UnknownArticle(Exception):
    pass


def check_article(article_id: int) -> None:
    """Raise UnknownArticle unless `article_id` is a published article."""
    if not ArticlePage.objects.published().filter(pk=article_id).exists():
        raise UnknownArticle(article_id)


def count_read(*, article_id: int, client_key: str, now=None) -> bool:
    """Add one read to today's count of a published article. Return whether it counted.

    A second read from the same client within REPEAT_READ_WINDOW is ignored, and so is
    every read past READS_PER_ADDRESS stories from one client in that window.
    """
    check_article(article_id)
    digest = hashlib.blake2b(client_key.encode(), digest_size=12).hexdigest()
    if not cache.add(
        f"sinmun:read:{article_id}:{digest}", 1, timeout=REPEAT_READ_WINDOW
    ):
        return False
    budget = f"sinmun:reads-by:{digest}"
    cache.add(budget, 0, timeout=REPEAT_READ_WINDOW)
    try:
        if cache.incr(budget) > READS_PER_ADDRESS:
            return False
    except ValueError:  # the budget expired in between: start a new one
        cache.set(budget, 1, timeout=REPEAT_READ_WINDOW)
    day = timezone.localdate(now)
    updated = ReadCount.objects.filter(article_id=article_id, day=day).update(
        count=F("count") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                ReadCount.objects.create(article_id=article_id, day=day, count=1)
        except IntegrityError:  # another request created today's row first
            ReadCount.objects.filter(article_id=article_id, day=day).update(
                count=F("count") + 1
            )
    return True


def insert_live_articles(pages: list[ArticlePage]) -> list:
    """Write new, already-numbered tree pages as live articles in a few statements each.

    For importing or generating an archive: each page gets its Page and ArticlePage rows,
    its bylines and tags, and one revision that is both its latest and its live one. The
    caller has set the tree paths and everything else a page row holds, and writes what
    else it needs (log entries, search entries) itself. Returns the revisions, in order.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    from sinmun.articles.models import ArticleByline, ArticleTag

    ids = Page.objects._insert(
        pages,
        fields=[f for f in Page._meta.local_concrete_fields if not f.primary_key],
        returning_fields=Page._meta.db_returning_fields,
    )
    for page, (pk,) in zip(pages, ids, strict=True):
        page.pk = page.id = page.page_ptr_id = pk
    # ArticlePage is a multi-table child of Page, which bulk_create refuses: its own
    # table's rows are inserted the way bulk_create inserts a plain model's.
    ArticlePage.objects._insert(pages, fields=ArticlePage._meta.local_concrete_fields)
    bylines, tagged = [], []
    for page in pages:
        for byline in page.bylines.all():
            byline.page_id = page.pk
            bylines.append(byline)
        for item in page.tagged_items.all():
            item.content_object_id = page.pk
            tagged.append(item)
    ArticleByline.objects.bulk_create(bylines)
    ArticleTag.objects.bulk_create(tagged)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=article_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
    Page.objects.bulk_update(
        pages, ["live_revision", "latest_revision"], batch_size=len(pages) or None
    )
    return revisions
