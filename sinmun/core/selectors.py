"""Reads shared by every kind of page."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

from sinmun.core import readahead

PRIVATE_PATHS_KEY = "sinmun:private-page-paths:v1"
readahead.every_page_reads(PRIVATE_PATHS_KEY)


def private_page_paths() -> list[str]:
    """Return the tree paths under which pages have view restrictions (cached).

    Wagtail's PageQuerySet.public() reads every restriction on each call; listings call it
    several times per page, so the few restricted paths are kept in the cache instead.
    """
    paths = cache.get(PRIVATE_PATHS_KEY)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(PRIVATE_PATHS_KEY, paths, timeout=None)
    return paths


def forget_private_page_paths() -> None:
    cache.delete(PRIVATE_PATHS_KEY)


def public_q(paths: Iterable[str] | None = None) -> Q:
    """Return a filter that keeps pages no view restriction applies to.

    `paths` are the restricted tree paths, read from `private_page_paths()` when not given.
    """
    private = Q()
    for path in private_page_paths() if paths is None else paths:
        private |= Q(path__startswith=path)
    return ~private if private else Q()
