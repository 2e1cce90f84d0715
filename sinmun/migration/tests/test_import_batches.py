"""The import written a batch at a time: real Wagtail pages, moves, images, old addresses."""

import http.server
import os
import threading
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex

from sinmun.articles.models import ArticlePage
from sinmun.migration.models import ImportRecord, OldAddress
from sinmun.migration.tests.test_import_wordpress import (
    SITE,
    export,
    item,
    jpeg_file,
    run,
    story,
)


def _stories(count, **kwargs):
    return [
        item(
            500 + n,
            f"가람군 {n}번째 마을 회관 준공",
            f"<p>가람군 {n}번째 마을에 회관이 준공됐다.</p><p>주민 {n}명이 모였다.</p>",
            categories=kwargs.get("categories", [("society", "사회")]),
            tags=["마을", f"회관{n % 3}"],
        )
        for n in range(count)
    ]


def test_stories_over_several_batches_are_real_wagtail_pages(paper, tmp_path, client):
    report = run(tmp_path, export(*_stories(7)), "--batch-size", "3")
    assert "created 7 updated 0" in report
    assert Page.find_problems() == ([], [], [], [], [])  # the tree is consistent
    pages = ArticlePage.objects.filter(title__contains="마을 회관 준공")
    assert pages.count() == 7
    for page in pages:
        assert page.live
        assert not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id
        assert page.live_revision.as_object().title == page.title
        assert [b.reporter.name for b in page.bylines.all()] == ["정다은"]
        assert "마을" in page.tags.names()
        assert client.get(f"/news/{page.pk}").status_code == 200
        assert ReferenceIndex.get_references_for_object(page).exists()
    section = pages.first().get_parent()
    assert section.numchild == section.get_children().count()
    # An editor can still add a story by hand after a bulk import.
    section.specific.add_child(
        instance=ArticlePage(title="손으로 쓴 기사", slug="hand")
    )
    assert Page.find_problems() == ([], [], [], [], [])
    assert "마을 회관 준공" in client.get("/rss/").content.decode()
    sitemap = client.get("/sitemap-articles.xml").content.decode()
    assert all(f"/news/{p.pk}" in sitemap for p in pages)
    text = client.get("/search/", {"q": "회관"}).content.decode()
    assert all(f'href="/news/{p.pk}"' in text for p in pages)


def test_changed_category_moves_the_story_and_nothing_is_created_twice(
    paper, tmp_path, client
):
    run(tmp_path, export(*_stories(3)))
    before = ArticlePage.objects.count()
    report = run(tmp_path, export(*_stories(3, categories=[("economy", "경제")])))
    assert "updated 3" in report
    assert ArticlePage.objects.count() == before
    page = story(501)
    assert page.get_parent().slug == "economy"
    assert page.url_path.startswith(page.get_parent().url_path)
    assert Page.find_problems() == ([], [], [], [], [])
    assert ImportRecord.objects.filter(kind="post").count() == 3
    assert client.get(f"/news/{page.pk}").status_code == 200


def test_trashed_after_import_is_withdrawn_everywhere(paper, tmp_path, client):
    run(tmp_path, export(*_stories(2)))
    page = story(500)
    assert client.get("/?p=500").status_code == 301
    trashed = export(*_stories(2)).replace(
        "<wp:status><![CDATA[publish]]>", "<wp:status><![CDATA[trash]]>", 1
    )
    run(tmp_path, trashed)
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"/news/{page.pk}").status_code == 404
    assert client.get("/?p=500").status_code == 404
    text = client.get("/search/", {"q": "회관"}).content.decode()
    assert f'href="/news/{page.pk}"' not in text
    assert f"/news/{page.pk}<" not in client.get("/rss/").content.decode()


def test_redirect_lookup_adds_no_query_to_other_pages(paper, tmp_path, client):
    run(tmp_path, export(*_stories(2)))
    page = story(500)

    def queries(url):
        client.get(url)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    pages = ["/", f"/news/{page.pk}", "/society/"]
    before = [queries(url) for url in pages]
    Redirect.objects.bulk_create(
        Redirect(
            old_path=Redirect.normalise_path(f"/{n}/old-story/"), redirect_page=page
        )
        for n in range(3000)
    )
    OldAddress.objects.bulk_create(
        OldAddress(key=f"wordpress:p={100000 + n}", page=page) for n in range(3000)
    )
    assert [queries(url) for url in pages] == before
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/?p=102999").status_code == 301
    assert len(captured) <= 3  # one indexed lookup (and the page's URL)
    assert client.get("/2999/old-story/").status_code == 301


class _Uploads(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    """The old site's web server on 127.0.0.1, serving its wp-content/uploads."""
    root = tmp_path / "old-site"
    jpeg_file(root / "wp-content/uploads/2024/05/bridge.jpg")
    jpeg_file(root / "wp-content/uploads/2024/05/featured.jpg")
    (root / "wp-content/uploads/2024/05/fake.jpg").write_text("<html>오류</html>")
    big = BytesIO()
    noise = PILImage.frombytes("RGB", (900, 900), os.urandom(900 * 900 * 3))
    noise.save(big, "PNG")  # over 2 MB: noise does not compress
    (root / "wp-content/uploads/2024/05/big.png").write_bytes(big.getvalue())

    def handler(*args, **kwargs):
        return _Uploads(*args, directory=str(root), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_images_are_downloaded_when_not_in_uploads(paper, tmp_path, old_site):
    def img(name):
        return f'<figure class="wp-block-image"><img src="{old_site}/wp-content/uploads/2024/05/{name}"/><figcaption>{name} 사진</figcaption></figure>'

    body = (
        "<p>다리가 개통됐다.</p>"
        + img("bridge.jpg")
        + img("gone.jpg")
        + img("fake.jpg")
        + img("big.png")
    )
    attachment = f"""<item><title>featured</title><wp:post_id>90</wp:post_id>
<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url><![CDATA[{old_site}/wp-content/uploads/2024/05/featured.jpg]]></wp:attachment_url></item>"""
    wxr = export(
        attachment,
        item(
            700,
            "가람대교 개통",
            body,
            categories=[("society", "사회")],
            meta=[("_thumbnail_id", "90")],
        ),
    )
    # Unreachable images (a closed port) are reported too.
    wxr = wxr.replace(
        f"{old_site}/wp-content/uploads/2024/05/gone.jpg",
        "http://127.0.0.1:9/wp-content/uploads/2024/05/gone.jpg",
    )
    photos = ["--max-image-mb", "1"]
    report = run(tmp_path, wxr, "--download", *photos)
    page = story(700)
    assert page.lead_image is not None
    assert page.lead_image.title == "featured.jpg"
    photos_in_body = [b for b in page.body if b.block_type == "photo"]
    assert len(photos_in_body) == 1
    assert photos_in_body[0].value["image"].file.name.endswith(".jpg")
    assert "created 1" in report
    assert "gone.jpg (download failed" in report
    assert "fake.jpg (not an image)" in report
    assert "big.png (larger than" in report
    # The missing ones keep their captions as text.
    assert "gone.jpg 사진" in page.body_text
    # A second run stores no image twice and downloads nothing again.
    run(tmp_path, wxr, "--download", *photos)
    assert ImportRecord.objects.filter(kind="attachment").count() == 2


def test_featured_image_whose_attachment_comes_later(paper, tmp_path):
    jpeg_file(tmp_path / "uploads/2024/06/late.jpg")
    attachment = f"""<item><title>late</title><wp:post_id>95</wp:post_id>
<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url><![CDATA[{SITE}/wp-content/uploads/2024/06/late.jpg]]></wp:attachment_url></item>"""
    post = item(
        710,
        "가람시장 개장",
        "<p>가람시장이 문을 열었다.</p>",
        categories=[("society", "사회")],
        meta=[("_thumbnail_id", "95")],
    )
    run(tmp_path, export(post, attachment))
    page = story(710)
    assert page.lead_image.title == "late.jpg"
    assert page.live_revision.as_object().lead_image_id == page.lead_image_id
    report = run(tmp_path, export(post, attachment))
    assert "created 0 updated 0" in report  # still as the import left it
    assert story(710).lead_image_id == page.lead_image_id
