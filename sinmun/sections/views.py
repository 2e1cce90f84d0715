"""Listing pages that are not pages in the tree: a reporter's, a columnist's, a series', a tag's."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe
from taggit.models import Tag

from sinmun.core import cache
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
from sinmun.sections import selectors


def _listing_page(request, template: str, name: str, obj, listing) -> TemplateResponse:
    """Render a listing page; the listing is read only if its cached fragment is missing."""
    number = selectors.page_number(request.GET.get("page"))
    context = {
        name: obj,
        "listing": SimpleLazyObject(lambda: listing(obj, number)),
        "listing_key": f"{name}:{obj.pk}:{number}",
    }
    return cache.make_public(TemplateResponse(request, template, context))


@require_safe
def reporter(request, slug):
    reporter = get_object_or_404(Reporter.objects.select_related("photo"), slug=slug)
    return _listing_page(
        request,
        "sections/reporter.html",
        "reporter",
        reporter,
        lambda obj, n: selectors.reporter_listing(reporter=obj, page_number=n),
    )


@require_safe
def columnist(request, slug):
    columnist = get_object_or_404(Columnist.objects.select_related("photo"), slug=slug)
    return _listing_page(
        request,
        "sections/columnist.html",
        "columnist",
        columnist,
        lambda obj, n: selectors.columnist_listing(columnist=obj, page_number=n),
    )


@require_safe
def series(request, slug):
    series = get_object_or_404(
        ColumnSeries.objects.select_related("columnist__photo"), slug=slug
    )
    return _listing_page(
        request,
        "sections/series.html",
        "series",
        series,
        lambda obj, n: selectors.series_listing(series=obj, page_number=n),
    )


@require_safe
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return _listing_page(
        request,
        "sections/tag.html",
        "tag",
        tag,
        lambda obj, n: selectors.tag_listing(tag=obj, page_number=n),
    )
