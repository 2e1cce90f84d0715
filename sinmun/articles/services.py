"""Writes about articles."""

import hashlib

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sinmun.articles.models import ArticlePage, ReadCount

# One reader reloading a page should not climb the most-read list.
REPEAT_READ_WINDOW = 30 * 60


class UnknownArticle(Exception):
    pass


def count_read(*, article_id: int, client_key: str, now=None) -> bool:
    """Add one read to today's count of a published article. Return whether it counted.

    A second read from the same client within REPEAT_READ_WINDOW is ignored.
    """
    if not ArticlePage.objects.published().filter(pk=article_id).exists():
        raise UnknownArticle(article_id)
    digest = hashlib.blake2b(client_key.encode(), digest_size=12).hexdigest()
    if not cache.add(
        f"sinmun:read:{article_id}:{digest}", 1, timeout=REPEAT_READ_WINDOW
    ):
        return False
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
