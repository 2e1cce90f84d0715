import csv
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from sinmun.articles.models import ArticleOrigin
from sinmun.articles.tests.factories import make_article
from sinmun.syndication.tests.conftest import MARKER


def export(tmp_path, fmt, start=None, end=None):
    today = timezone.localdate()
    out = tmp_path / f"articles.{fmt}"
    call_command(
        "export_articles",
        "--from",
        str(start or today - timedelta(days=1)),
        "--to",
        str(end or today),
        "--format",
        fmt,
        "--output",
        str(out),
    )
    return out


def test_csv_export_opens_in_excel_with_korean_intact(tmp_path, paper, reporter):
    article = make_article(
        paper.sections["economy"],
        title="가람시 물가 3.1% 올라",
        reporters=[reporter],
        origin=ArticleOrigin.PRESS_RELEASE,
    )
    make_article(
        paper.sections["economy"],
        title="지난달 기사",
        published_at=timezone.now() - timedelta(days=40),
    )
    out = export(tmp_path, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 2
    assert rows[0][0] == "URL"
    url, title, reporters, section, published, _origin = rows[1]
    assert url == f"http://testserver/news/{article.pk}"
    assert title == "가람시 물가 3.1% 올라"
    assert reporters == "박지훈"
    assert section == "경제"
    assert published == timezone.localtime(article.first_published_at).strftime(
        "%Y-%m-%d %H:%M"
    )


def test_xlsx_export(tmp_path, paper, reporter):
    make_article(
        paper.sections["society"], title="가람천 정비 착공", reporters=[reporter]
    )
    out = export(tmp_path, "xlsx")
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][1] == "가람천 정비 착공"
    assert rows[1][3] == "사회"


def test_export_leaves_out_drafts_and_scheduled_stories(tmp_path, hidden):
    out = export(tmp_path, "csv", end=timezone.localdate() + timedelta(days=3))
    assert MARKER not in out.read_text(encoding="utf-8-sig")
