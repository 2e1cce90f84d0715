"""Writes to the search index and to the fingerprints of published pages."""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from sinmun.search import analysis, similarity
from sinmun.search.models import AnalyserState, Fingerprint


def index_page(page_id: int) -> str:
    """Bring one page's index entry and fingerprint in line with its live state."""
    page = Page.objects.filter(pk=page_id).first()
    backend = get_search_backend()
    if page is None:
        Fingerprint.objects.filter(page_id=page_id).delete()
        return "gone"
    page = page.specific
    if page.live:
        backend.add(page)
        remember_fingerprint(page)
        return "indexed"
    backend.delete(page)
    Fingerprint.objects.filter(page_id=page_id).delete()
    return "removed"


def remember_fingerprint(page) -> Fingerprint | None:
    terms = similarity.page_terms(page)
    if len(terms) < similarity.SHINGLE:
        return None  # not a story (no Korean search fields) or too short to compare
    signature = similarity.signature(terms)
    fingerprint, _ = Fingerprint.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "signature": similarity.to_bytes(signature),
            "dated": page.first_published_at or timezone.now(),
        },
    )
    return fingerprint


def reindex(
    *, batch_size: int = 200, progress: Callable[[str, int, int], None] | None = None
) -> int:
    """Rebuild the whole index (every indexed model's live rows) and all fingerprints.

    Returns how many objects were indexed. `progress(model_label, done, total)` is called
    after each batch.
    """
    backend = get_search_backend()
    done_total = 0
    with transaction.atomic():
        backend.get_index_for_model(Page).reset()
        Fingerprint.objects.all().delete()
        for model in get_indexed_models():
            if model._meta.parents:
                continue  # indexed through its root model's entries below
            queryset = model._default_manager.all().order_by("pk")
            if issubclass(model, Page):
                queryset = queryset.live()
            total = queryset.count()
            done = 0
            ids = list(queryset.values_list("pk", flat=True))
            for start in range(0, total, batch_size):
                chunk = ids[start : start + batch_size]
                objects = _specific(model, chunk)
                for concrete, objs in _by_model(objects):
                    backend.add_bulk(concrete, objs)
                    if issubclass(concrete, Page):
                        for obj in objs:
                            remember_fingerprint(obj)
                done += len(chunk)
                if progress:
                    progress(model._meta.label, done, total)
            done_total += done
        record_analyser_version()
    return done_total


def _specific(model, ids: Iterable[int]):
    queryset = model._default_manager.filter(pk__in=list(ids))
    if issubclass(model, Page):
        queryset = queryset.specific()
    return list(queryset)


def _by_model(objects):
    groups: dict = {}
    for obj in objects:
        groups.setdefault(type(obj), []).append(obj)
    return groups.items()


def record_analyser_version() -> None:
    AnalyserState.objects.update_or_create(
        pk=1, defaults={"version": analysis.analyser_version()}
    )


def analyser_is_current() -> bool:
    state = AnalyserState.objects.filter(pk=1).first()
    return state is not None and state.version == analysis.analyser_version()
