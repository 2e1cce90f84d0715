"""`import_wordpress` against small WXR exports written here, checked as readers see them."""

import json
import re
import unicodedata
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from PIL import Image as PILImage

from sinmun.articles.models import ArticlePage
from sinmun.migration.models import ImportedComment, ImportRecord

SITE = "https://old.garam.example"
NFD_TITLE = unicodedata.normalize("NFD", "가람천 정비 사업 착공")


def item(
    post_id,
    title,
    content,
    *,
    status="publish",
    post_type="post",
    slug=None,
    date="2024-05-12 09:30:00",
    date_gmt="2024-05-12 00:30:00",
    categories=(),
    tags=(),
    meta=(),
    comments="",
    excerpt="",
    creator="daeun",
):
    slug = slug or f"story-{post_id}"
    cats = "".join(
        f'<category domain="category" nicename="{n}"><![CDATA[{name}]]></category>'
        for n, name in categories
    )
    cats += "".join(
        f'<category domain="post_tag" nicename="t{i}"><![CDATA[{t}]]></category>'
        for i, t in enumerate(tags)
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{k}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{v}]]></wp:meta_value></wp:postmeta>"
        for k, v in meta
    )
    link = (
        f"{SITE}/2024/05/12/{slug}/" if status == "publish" else f"{SITE}/?p={post_id}"
    )
    return f"""
<item>
  <title><![CDATA[{title}]]></title>
  <link>{link}</link>
  <dc:creator><![CDATA[{creator}]]></dc:creator>
  <content:encoded><![CDATA[{content}]]></content:encoded>
  <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date><![CDATA[{date}]]></wp:post_date>
  <wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
  <wp:post_modified><![CDATA[{date}]]></wp:post_modified>
  <wp:post_modified_gmt><![CDATA[{date_gmt}]]></wp:post_modified_gmt>
  <wp:post_name><![CDATA[{slug}]]></wp:post_name>
  <wp:status><![CDATA[{status}]]></wp:status>
  <wp:post_parent>0</wp:post_parent>
  <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
  {cats}{metas}{comments}
</item>"""


def export(*items, truncate=False):
    text = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>가람일보</title>
  <link>{SITE}</link>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[daeun]]></wp:author_login>
    <wp:author_email><![CDATA[daeun@garam.example]]></wp:author_email>
    <wp:author_display_name><![CDATA[정다은 기자]]></wp:author_display_name></wp:author>
  <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[uncategorized]]></wp:category_nicename>
    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[미분류]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[society]]></wp:category_nicename>
    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[사회]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>6</wp:term_id><wp:category_nicename><![CDATA[education]]></wp:category_nicename>
    <wp:category_parent><![CDATA[society]]></wp:category_parent><wp:cat_name><![CDATA[교육]]></wp:cat_name></wp:category>
  <wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[economy]]></wp:category_nicename>
    <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[경제]]></wp:cat_name></wp:category>
  {"".join(items)}
"""
    if truncate:
        return (
            text + "<item><title>잘린 기사</title><content:encoded><![CDATA[<p>끝나지"
        )
    return text + "</channel></rss>"


GUTENBERG = f"""<!-- wp:paragraph -->
<p>가람시교육청은 12일 &ldquo;학교 숲&rdquo; 사업을 시작했다고 밝혔다 🌳</p>
<!-- /wp:paragraph -->
<!-- wp:heading -->
<h2>주요 내용</h2>
<!-- /wp:heading -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>아이들이 숲에서 배우게 하겠다</p><cite>김교육 교육감</cite></blockquote>
<!-- /wp:quote -->
<!-- wp:image {{"id":40}} -->
<figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2024/05/forest.jpg" alt=""/><figcaption>학교 숲 조성 현장 /사진=가람시교육청 제공</figcaption></figure>
<!-- /wp:image -->
<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=abc123"}} -->
<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc123
</div></figure>
<!-- /wp:embed -->
<!-- wp:paragraph -->
<p>사업비는 모두 12억 원이다.</p>
<!-- /wp:paragraph -->"""

CLASSIC = f"""가람시의회는 13일 본회의를 열고 조례안을 의결했다.

[caption id="attachment_41" align="aligncenter" width="600"]<img src="{SITE}/wp-content/uploads/2024/05/council.jpg" width="600" /> 본회의 모습 /사진=가람일보 DB[/caption]

https://youtu.be/xyz789

이번 조례는 7월부터 시행된다.

[caption id="attachment_42"]<img src="{SITE}/wp-content/uploads/2024/05/missing.jpg" /> 없는 사진[/caption]"""


def jpeg_file(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = BytesIO()
    PILImage.new("RGB", (320, 180), (40, 120, 80)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())


COMMENT = """<wp:comment><wp:comment_id>900</wp:comment_id>
<wp:comment_author><![CDATA[독자]]></wp:comment_author>
<wp:comment_author_email><![CDATA[reader@example.com]]></wp:comment_author_email>
<wp:comment_date_gmt>2024-05-12 03:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[좋은 기사 감사합니다]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type></wp:comment>
<wp:comment><wp:comment_id>901</wp:comment_id><wp:comment_author>spam</wp:comment_author>
<wp:comment_content>buy now</wp:comment_content><wp:comment_approved>spam</wp:comment_approved></wp:comment>"""


def full_export():
    return export(
        item(
            101,
            "가람시교육청, &lsquo;학교 숲&rsquo; 사업 시작",
            GUTENBERG,
            slug="%ed%95%99%ea%b5%90-%ec%88%b2",
            categories=[("society", "사회"), ("education", "교육")],
            tags=["학교 숲", "교육청"],
            excerpt="학교 12곳에 숲 조성",
            meta=[("_wp_old_slug", "school-forest")],
            comments=COMMENT,
        ),
        item(
            102,
            "가람시의회, 조례안 의결",
            CLASSIC,
            categories=[("society", "사회"), ("economy", "경제")],
            meta=[("_yoast_wpseo_primary_category", "7")],
        ),
        item(
            103,
            "분류 없는 기사",
            "<p>미분류 기사 본문이다.</p>",
            categories=[("uncategorized", "미분류")],
        ),
        item(
            104,
            NFD_TITLE,
            "<p>" + unicodedata.normalize("NFD", "착공식이 열렸다.") + "</p>",
            categories=[("society", "사회")],
        ),
        item(
            201,
            "초안기사표식",
            "<p>초안기사표식 본문</p>",
            status="draft",
            categories=[("society", "사회")],
        ),
        item(
            202,
            "비공개기사표식",
            "<p>비공개기사표식 본문</p>",
            status="private",
            categories=[("society", "사회")],
        ),
        item(
            203,
            "휴지통기사표식",
            "<p>휴지통기사표식 본문</p>",
            status="trash",
            categories=[("society", "사회")],
        ),
        item(
            204,
            "예약기사표식",
            "<p>예약기사표식 본문</p>",
            status="future",
            date="2099-01-01 09:00:00",
            date_gmt="2099-01-01 00:00:00",
            categories=[("society", "사회")],
        ),
        item(205, "", "<p>제목 없는 글</p>", categories=[("society", "사회")]),
        item(
            206,
            "회사소개",
            "<p>가람일보는 2005년 창간한 지역 일간지입니다.</p><h2>연락처</h2><p>광고문의 041-000-0000</p>",
            post_type="page",
            slug="about",
        ),
        item(207, "메뉴", "", post_type="nav_menu_item"),
    )


def run(tmp_path, text, *args):
    wxr = tmp_path / "export.xml"
    wxr.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command(
        "import_wordpress",
        str(wxr),
        "--uploads",
        str(tmp_path / "uploads"),
        "--no-download",  # tests reach no old site; the download test says --download
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


@pytest.fixture
def imported(paper, tmp_path, django_capture_on_commit_callbacks):
    jpeg_file(tmp_path / "uploads/2024/05/forest.jpg")
    jpeg_file(tmp_path / "uploads/2024/05/council.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        report = run(tmp_path, full_export())
    return report


def story(source_id):
    return ImportRecord.objects.get(kind="post", source_id=str(source_id)).page.specific


def test_gutenberg_story_reads_as_in_wordpress(imported, client):
    page = story(101)
    response = client.get(f"/news/{page.pk}")
    text = response.content.decode()
    assert response.status_code == 200
    assert "가람시교육청, ‘학교 숲’ 사업 시작" in text
    assert "가람시교육청은 12일 “학교 숲” 사업을 시작했다고 밝혔다 🌳" in text
    assert "사업비는 모두 12억 원이다." in text
    assert "주요 내용" in text
    assert "아이들이 숲에서 배우게 하겠다" in text
    assert "학교 숲 조성 현장" in text
    assert "가람시교육청 제공" in text
    assert re.search(
        r'class="byline-outlet">가람일보</span> <a[^>]*>정다은</a> 기자 \|', text
    )
    assert "daeun@garam.example" in text
    assert "학교 12곳에 숲 조성" in text
    kinds = [b.block_type for b in page.body]
    assert kinds == ["paragraph", "subheading", "quote", "photo", "embed", "paragraph"]
    assert page.body[4].value.url == "https://www.youtube.com/watch?v=abc123"
    assert page.get_parent().slug == "education"
    assert page.get_parent().get_parent().slug == "society"
    assert set(page.tags.names()) == {"학교 숲", "교육청"}
    ld = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', text, re.S
        ).group(1)
    )
    ld = ld if isinstance(ld, dict) else ld[0]
    assert ld["datePublished"].startswith("2024-05-12T09:30:00+09:00")


def test_classic_story_with_caption_youtube_and_missing_image(imported, client):
    page = story(102)
    kinds = [b.block_type for b in page.body]
    assert kinds == ["paragraph", "photo", "embed", "paragraph", "paragraph"]
    assert page.body[1].value["caption"] == "본회의 모습"
    assert page.body[1].value["credit"] == "가람일보 DB"
    assert page.body[2].value.url == "https://youtu.be/xyz789"
    assert page.get_parent().slug == "economy"  # Yoast's primary category
    assert "missing image" in imported
    assert "missing.jpg" in imported
    text = client.get(f"/news/{page.pk}").content.decode()
    assert "이번 조례는 7월부터 시행된다." in text


def test_uncategorised_story_goes_to_the_default_section_and_is_reported(imported):
    assert story(103).get_parent().slug == "uncategorized"
    assert "post 103" in imported
    assert "no category" in imported


def test_text_is_nfc(imported):
    page = story(104)
    assert page.title == unicodedata.normalize("NFC", NFD_TITLE)
    assert "착공식이 열렸다." in page.body_text


def test_old_addresses_answer_301(imported, client):
    page = story(101)
    for old in (
        "/2024/05/12/%ED%95%99%EA%B5%90-%EC%88%B2/",
        "/2024/05/12/school-forest/",
        "/?p=101",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(f"/news/{page.pk}"), old
    # Shortlinks of drafts, private, scheduled and trashed posts: not found, as on the
    # old site, never the front page.
    for hidden in (201, 202, 203, 204):
        assert client.get(f"/?p={hidden}").status_code == 404, hidden
    assert client.get("/?p=abc").status_code == 200
    assert client.get("/?p=99999").status_code == 200  # never a WordPress post


def test_unpublished_items_are_nowhere(imported, client):
    for source_id in (201, 202):
        page = story(source_id)
        assert not page.live
        assert client.get(f"/news/{page.pk}").status_code == 404
    scheduled = story(204)
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at.year == 2099
    assert not ImportRecord.objects.filter(
        source_id__in=["203", "205", "206", "207"], kind="post"
    ).exists()
    assert "post 205" in imported
    assert "no headline" in imported
    hidden = [story(n).pk for n in (201, 202, 204)]
    for url in (
        "/rss/",
        "/sitemap-articles.xml",
        "/search/?q=초안기사표식",
        "/search/?q=비공개기사표식",
        "/search/?q=예약기사표식",
        "/search/?q=휴지통기사표식",
    ):
        text = client.get(url).content.decode()
        for pk in hidden:
            assert f"/news/{pk}<" not in text
            assert f'/news/{pk}"' not in text, url
        for marker in (
            "초안기사표식",
            "비공개기사표식",
            "휴지통기사표식",
            "예약기사표식",
        ):
            assert f"{marker} 본문" not in text, url


def test_published_stories_are_in_search_feeds_and_sitemaps(imported, client):
    page = story(102)
    assert "가람시의회, 조례안 의결" in client.get("/rss/").content.decode()
    assert f"/news/{page.pk}" in client.get("/sitemap-articles.xml").content.decode()
    # Found for every word of its headline and body. (Results mark the words found,
    # `가람시의회, <mark>조례안</mark> 의결`: look for the link, not the plain headline.)
    for query in ("조례안", "의결", "가람시의회", "본회의", "조례안 의결"):
        text = client.get("/search/", {"q": query}).content.decode()
        assert f'href="/news/{page.pk}"' in text, query


def test_approved_comments_are_kept(imported):
    comments = ImportedComment.objects.filter(record__source_id="101")
    assert [c.text for c in comments] == ["좋은 기사 감사합니다"]


def test_second_run_creates_nothing(imported, tmp_path):
    pages = ArticlePage.objects.count()
    report = run(tmp_path, full_export())
    assert ArticlePage.objects.count() == pages
    assert "created 0 updated 0" in report


def test_changed_post_is_updated_in_place(imported, tmp_path):
    page = story(103)
    run(tmp_path, full_export().replace("미분류 기사 본문이다.", "고친 본문이다."))
    page.refresh_from_db()
    assert "고친 본문이다." in page.body_text
    assert ImportRecord.objects.filter(source_id="103").count() == 1


def test_dry_run_changes_nothing(paper, tmp_path):
    report = run(tmp_path, full_export(), "--dry-run")
    assert ArticlePage.objects.count() == 0
    assert "created 8" in report  # 7 stories and a static page
    assert "dry run" in report


def test_truncated_export_keeps_what_came_before(paper, tmp_path):
    report = run(
        tmp_path,
        export(
            item(
                301, "잘리기 전 기사", "<p>본문</p>", categories=[("society", "사회")]
            ),
            truncate=True,
        ),
    )
    assert ArticlePage.objects.filter(title="잘리기 전 기사").exists()
    assert "stops being XML" in report


def test_wordpress_page_becomes_a_static_page(imported, client, tmp_path):
    record = ImportRecord.objects.get(kind="page", source_id="206")
    page = record.page.specific
    assert type(page).__name__ == "StaticPage"
    assert page.get_parent().specific_class.__name__ == "HomePage"
    response = client.get(page.url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "가람일보는 2005년 창간한 지역 일간지입니다." in text
    assert "<h2>연락처</h2>" in text
    for old in ("/?page_id=206", "/?p=206", "/2024/05/12/about/"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
    # Not a story: in no feed, sitemap's story list or search.
    assert "회사소개" not in client.get("/rss/").content.decode()
    assert page.url not in client.get("/sitemap-articles.xml").content.decode()
    assert (
        f'href="{page.url}"'
        not in client.get("/search/", {"q": "창간"}).content.decode()
    )
    run(tmp_path, full_export())
    assert ImportRecord.objects.filter(kind="page").count() == 1
    assert type(page).objects.count() == 1
