"""Export the list of published stories for a portal news-partnership application."""

import csv
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from sinmun.syndication import selectors

ORIGIN_LABELS = {
    "own": "Own",
    "press_release": "Press release",
    "wire": "Wire",
    "contributed": "Contributed",
}


def headers() -> list[str]:
    return [
        "URL",
        _("Title"),
        _("Reporter"),
        _("Section"),
        _("First published"),
        _("Origin"),
    ]


def as_cells(row) -> list:
    return [
        row.url,
        row.title,
        row.reporters,
        row.section,
        row.published_at.strftime("%Y-%m-%d %H:%M"),
        _(ORIGIN_LABELS.get(row.origin, row.origin)),
    ]


def write_csv(path, rows) -> None:
    # UTF-8 with a BOM: Excel then opens Korean text intact.
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers())
        writer.writerows(as_cells(r) for r in rows)


def write_xlsx(path, rows) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Articles")
    sheet.append(headers())
    for row in rows:
        sheet.append(as_cells(row))
    book.save(path)


class Command(BaseCommand):
    help = "Export published stories (URL, title, reporter, section, time, origin)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, type=_date)
        parser.add_argument("--to", dest="end", required=True, type=_date)
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", required=True)

    def handle(self, *, start, end, format, output, **options):
        if end < start:
            raise CommandError("--to is before --from")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default site")
        rows = selectors.export_rows(start=start, end=end, root_url=site.root_url)
        {"csv": write_csv, "xlsx": write_xlsx}[format](output, rows)
        self.stdout.write(f"{len(rows)} articles → {output}")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from None
