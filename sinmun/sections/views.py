"""Listing pages that are not pages in the tree: a reporter's, a columnist's, a series', a tag's."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from taggit.models import Tag

from sinmun.core import cache
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
from sinmun.sections import selectors


def _render(request, template, context):
    response = TemplateResponse(request, template, context)
    return cache.make_public(response)


@require_safe
def reporter(request, slug):
    reporter = get_object_or_404(Reporter.objects.select_related("photo"), slug=slug)
    listing = selectors.reporter_listing(
        reporter=reporter, page_number=request.GET.get("page")
    )
    return _render(
        request, "sections/reporter.html", {"reporter": reporter, "listing": listing}
    )


@require_safe
def columnist(request, slug):
    columnist = get_object_or_404(Columnist.objects.select_related("photo"), slug=slug)
    listing = selectors.columnist_listing(
        columnist=columnist, page_number=request.GET.get("page")
    )
    return _render(
        request, "sections/columnist.html", {"columnist": columnist, "listing": listing}
    )


@require_safe
def series(request, slug):
    series = get_object_or_404(
        ColumnSeries.objects.select_related("columnist__photo"), slug=slug
    )
    listing = selectors.series_listing(
        series=series, page_number=request.GET.get("page")
    )
    return _render(
        request, "sections/series.html", {"series": series, "listing": listing}
    )


@require_safe
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    listing = selectors.tag_listing(tag=tag, page_number=request.GET.get("page"))
    return _render(request, "sections/tag.html", {"tag": tag, "listing": listing})
