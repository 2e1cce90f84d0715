"""`import_legacy` a batch at a time: far fewer queries than page by page, one story per
idxno, and a run stopped mid-batch that resumes without losing or doubling anything."""

from dataclasses import replace
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from sinmun.articles.models import ArticlePage
from sinmun.migration import legacy
from sinmun.migration.models import ImportRecord, OldAddress
from sinmun.migration.tests.legacy_pages import (
    FLOOD,
    MARKET,
    div_page,
    jpeg_bytes,
    table_page,
)
from sinmun.migration.tests.test_import_legacy import run, story


def numbered(n: int):
    """A story of its own for number `n`: idxno 2000 + n, its own headline and text."""
    template = FLOOD if n % 2 else MARKET
    return replace(
        template,
        idxno=2000 + n,
        title=f"{template.title} ({n}호)",
        paragraphs=[f"{p} 가람시 {n}번째 소식이다." for p in template.paragraphs],
    )


def page_data(n: int) -> bytes:
    template = table_page if n % 2 else div_page
    return template(numbered(n), "euc-kr").encode("cp949")


def save(folder, numbers, photos=None):
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"articleView.html?idxno={2000 + n}.html").write_bytes(page_data(n))
        if photos is not None:
            photo = photos / numbered(n).photo[0].lstrip("/")
            photo.parent.mkdir(parents=True, exist_ok=True)
            photo.write_bytes(jpeg_bytes())
    return folder


def queries(*args) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        report = run(*args)
    return len(captured), report


def test_a_first_import_writes_its_pages_in_batches(
    paper, tmp_path, django_assert_max_num_queries
):
    site = tmp_path / "site"
    # The sections, the reporters and the tags exist after a first page.
    run(save(tmp_path / "first", [0, 1], site), "--photos", site)
    one, report = queries(save(tmp_path / "one", [2], site), "--photos", site)
    assert "created 1 updated 0 skipped 0 failed 0" in report
    save(tmp_path / "twenty", range(3, 23), site)
    # Page by page, 20 pages cost 20 times one page; a batch shares all but the photo.
    with django_assert_max_num_queries(one * 20 // 4):
        report = run(tmp_path / "twenty", "--photos", site)
    assert "created 20 updated 0 skipped 0 failed 0" in report
    assert Page.find_problems() == ([], [], [], [], [])
    for n in (3, 22):
        page = story(2000 + n)
        assert page.live
        assert page.live_revision_id == page.latest_revision_id
        assert page.body[1].block_type == "photo"
        assert [b.reporter.name for b in page.bylines.all()]


def test_batches_of_two_keep_photos_beside_their_saved_pages(paper, tmp_path, client):
    # No --photos: each page's photo sits in its own folder, and the story is written
    # after the next folder's pages have been read.
    for n in range(5):
        save(tmp_path / f"day{n}", [n], tmp_path / f"day{n}")
    report = run(tmp_path, "--batch-size", "2")
    assert "created 5 updated 0 skipped 0 failed 0" in report
    assert "missing image" not in report
    for n in range(5):
        page = story(2000 + n)
        assert page.body[1].block_type == "photo"
        assert client.get(f"/news/articleView.html?idxno={2000 + n}").status_code == 301
    assert OldAddress.objects.filter(key__startswith="legacy:section=").exists()


def test_the_same_idxno_twice_in_one_run_is_one_story(paper, tmp_path, client):
    folder = save(tmp_path / "pages", [1, 2])
    # The saved folder has the print version of 2001 too, and a later copy of it.
    (folder / "articlePrint.html?idxno=2001.html").write_bytes(page_data(1))
    changed = page_data(1).replace(
        "가람시 1번째 소식이다.".encode("cp949"),
        "가람시 첫 소식이다.".encode("cp949"),
        1,
    )
    (folder / "zz-articleView.html?idxno=2001.html").write_bytes(changed)
    report = run(folder)
    assert "created 2 updated 1 skipped 1 failed 0" in report
    assert ArticlePage.objects.filter(title=numbered(1).title).count() == 1
    assert ImportRecord.objects.filter(kind="post", source_id="2001").count() == 1
    page = story(2001)
    assert "가람시 첫 소식이다." in page.body_text
    assert client.get("/news/articlePrint.html?idxno=2001").url == f"/news/{page.pk}"


@pytest.fixture
def old_site(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\n")
    for n in range(1, 6):
        httpserver.expect_request(
            "/news/articleView.html", query_string=f"idxno={2000 + n}"
        ).respond_with_data(page_data(n), content_type="text/html; charset=euc-kr")
    httpserver.expect_request(FLOOD.photo[0]).respond_with_data(
        jpeg_bytes(), content_type="image/jpeg"
    )
    httpserver.expect_request(MARKET.photo[0]).respond_with_data(
        jpeg_bytes(), content_type="image/jpeg"
    )
    return httpserver


def fetch(server, *args) -> str:
    out = StringIO()
    call_command(
        "import_legacy",
        "--base-url",
        server.url_for("").rstrip("/"),
        "--idxno-range",
        "2001-2005",
        "--rate",
        "100",
        "--batch-size",
        "2",
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def stop_at(monkeypatch, idxno, error):
    """Make reading the page `idxno` raise `error`, once."""
    read = legacy.read
    stopped = []

    def reading(data, *, name, **kwargs):
        if f"idxno={idxno}" in name and not stopped:
            stopped.append(name)
            raise error
        return read(data, name=name, **kwargs)

    monkeypatch.setattr(legacy, "read", reading)


def imported_ids() -> list[str]:
    return sorted(
        ImportRecord.objects.filter(kind="post").values_list("source_id", flat=True)
    )


def test_a_run_that_crashes_mid_batch_resumes_after_the_last_batch_written(
    paper, old_site, monkeypatch
):
    # Pages 2001 and 2002 are one batch, written; 2003 is read, then the run crashes.
    stop_at(monkeypatch, 2004, RuntimeError("the machine went down"))
    with pytest.raises(RuntimeError):
        fetch(old_site)
    assert imported_ids() == ["2001", "2002"]
    assert ArticlePage.objects.filter(title__contains="호)").count() == 2
    report = fetch(old_site)
    # The batch written is not fetched again; the rest is imported once.
    assert "created 3 updated 0 skipped 2 failed 0" in report
    assert "skipped 2 pages an earlier run imported, without fetching them" in report
    assert imported_ids() == ["2001", "2002", "2003", "2004", "2005"]
    assert ArticlePage.objects.filter(title__contains="호)").count() == 5
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_interrupted_run_writes_the_pages_it_read(paper, old_site, monkeypatch):
    stop_at(monkeypatch, 2004, KeyboardInterrupt())
    with pytest.raises(CommandError, match="Run the same command again"):
        fetch(old_site)
    assert imported_ids() == ["2001", "2002", "2003"]
    report = fetch(old_site)
    assert "created 2 updated 0 skipped 3 failed 0" in report
    assert ArticlePage.objects.filter(title__contains="호)").count() == 5
