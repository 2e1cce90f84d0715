"""Reads: near-duplicate pages, and the analysed form of a reader's query."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from sinmun.search import similarity
from sinmun.search.models import Fingerprint


def near_duplicates(
    page, *, threshold: float | None = None
) -> list[tuple[Page, float]]:
    """Return [(other page, similarity)] of pages published in the last days that `page`
    nearly repeats, most similar first (SINMUN_NEAR_DUPLICATE_THRESHOLD and _DAYS)."""
    if threshold is None:
        threshold = settings.SINMUN_NEAR_DUPLICATE_THRESHOLD
    terms = similarity.page_terms(page)
    if len(terms) < similarity.SHINGLE:
        return []
    mine = similarity.signature(terms)
    since = timezone.now() - timedelta(days=settings.SINMUN_NEAR_DUPLICATE_DAYS)
    rows = Fingerprint.objects.filter(dated__gte=since)
    if page.pk:
        rows = rows.exclude(page_id=page.pk)
    scores = {}
    for page_id, data in rows.values_list("page_id", "signature").iterator():
        score = similarity.similarity(mine, similarity.from_bytes(data))
        if score >= threshold:
            scores[page_id] = score
    if not scores:
        return []
    pages = Page.objects.filter(pk__in=scores).specific()
    return sorted(((p, scores[p.pk]) for p in pages), key=lambda pair: -pair[1])
