"""`import_legacy` against small legacy CMS pages written here (legacy_pages), checked as
readers see them: the story page, its old addresses, search, feeds and sitemaps."""

import json
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sinmun.articles.models import ArticlePage
from sinmun.images.models import Photo
from sinmun.migration import legacy
from sinmun.migration.legacy_html import decode
from sinmun.migration.models import ImportRecord, OldAddress
from sinmun.migration.tests.legacy_pages import (
    COLUMN,
    FLOOD,
    MARKET,
    OTHER_PREVIEW,
    REPORTER_STORY,
    SITE,
    Legacy,
    div_page,
    html5_page,
    jpeg_bytes,
    page_bytes,
    table_page,
    write_archive,
)
from sinmun.newsroom.models import Reporter
from sinmun.sections.models import SectionPage

JUNK = [
    "기상청",
    "많이 본",
    "빈집",
    "무단전재",
    "인쇄",
    "페이스북",
    "가람은행",
    "관련기사",
    "공유",
]


def run(*args) -> str:
    out = StringIO()
    call_command(
        "import_legacy",
        *[str(a) for a in args],
        "--base-url",
        SITE,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


@pytest.fixture
def imported(paper, tmp_path, django_capture_on_commit_callbacks):
    pages = write_archive(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        report = run(pages, "--photos", tmp_path / "site")
    return report


def story(idxno) -> ArticlePage:
    return ImportRecord.objects.get(
        source="legacy", kind="post", source_id=str(idxno)
    ).page.specific


def json_ld(text: str) -> dict:
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', text, re.S
        ).group(1)
    )
    return data if isinstance(data, dict) else data[0]


def test_the_report_counts_pages_templates_and_encodings(imported):
    assert "created 4 updated 0 skipped 0 failed 0" in imported
    assert "table layout 1" in imported
    assert "div layout 1" in imported
    assert "html5 layout 2" in imported
    assert "cp949 2" in imported
    assert "utf-8 2" in imported


def test_table_layout_euc_kr_page_reads_as_on_the_old_site(imported, client):
    page = story(1201)
    response = client.get(f"/news/{page.pk}")
    text = response.content.decode()
    assert response.status_code == 200
    assert page.title == "가람천 둔치 정비 마무리…봄부터 산책로 개방"
    assert page.subtitle == "총사업비 48억 원 투입\n자전거 도로 3.2㎞도 새로 깔아"
    # 똠 is in CP949 only: an euc-kr page that holds it decodes as CP949.
    assert "똠방각하 공원 앞 징검다리도 다시 놓았다." in text
    assert [b.block_type for b in page.body] == [
        "paragraph", "photo", "paragraph", "paragraph", "subheading", "paragraph",
    ]  # fmt: skip
    assert page.body[0].value.source == (
        "<p>가람시는 2년에 걸친 가람천 둔치 정비 사업을 마무리했다고 12일 밝혔다.</p>"
    )
    assert page.body[1].value["caption"] == "정비를 마친 가람천 둔치"
    assert page.body[1].value["credit"] == "가람시 제공"
    assert page.body[4].value == "여름엔 물놀이장도"
    names = [b.reporter.name for b in page.bylines.all()]
    assert names == ["홍길순", "강태오"]
    assert Reporter.objects.get(name="홍길순").email == "gilsun@garam.example"
    assert page.get_parent().title == "지역경제"
    assert page.get_parent().get_parent().slug == "economy"  # the paper's own 경제
    assert json_ld(text)["datePublished"].startswith("2008-03-12T14:22:00+09:00")
    assert page.last_published_at.isoformat() == "2008-03-12T07:05:00+00:00"
    for junk in [*JUNK, "gilsun@", "기자 |", "정치"]:
        assert junk not in page.body_text, junk


def test_div_layout_page_with_a_team_byline_tags_and_a_credit(imported, client):
    page = story(5310)
    text = client.get(f"/news/{page.pk}").content.decode()
    assert page.title == "전통시장 온누리상품권 환급 행사 다음 주 시작"
    assert page.subtitle == "가람중앙시장 등 5곳 참여"
    # The byline the first line starts with is the byline, not the story.
    assert page.body[0].value.source == (
        "<p>가람시가 추석을 앞두고 전통시장 5곳에서 온누리상품권 환급 행사를 연다.</p>"
    )
    assert page.body[1].value["caption"] == "가람중앙시장 입구"
    assert page.body[1].value["credit"] == "가람일보 DB"
    assert [b.reporter.name for b in page.bylines.all()] == ["특별취재팀"]
    assert Reporter.objects.get(name="특별취재팀").email == ""
    assert set(page.tags.names()) == {"전통시장", "온누리상품권"}
    assert page.get_parent().slug == "society"
    assert json_ld(text)["datePublished"].startswith("2016-09-21T10:05:00+09:00")
    for junk in [*JUNK, "특별취재팀 |", "#전통시장"]:
        assert junk not in page.body_text, junk


def test_html5_column_with_bom_columnist_and_subheading(imported, client):
    page = story(34567)
    text = client.get(f"/news/{page.pk}").content.decode()
    assert page.title == "[가람칼럼] 골목의 시간은 느리게 흐른다"
    assert page.subtitle == ""
    assert "뷁 소리를 내던 낡은 펌프도 사라졌다." in text
    assert [b.block_type for b in page.body] == [
        "paragraph", "photo", "paragraph", "paragraph", "subheading", "paragraph",
    ]  # fmt: skip
    assert page.body[1].value["caption"] == "오래된 골목의 담장"
    assert page.body[1].value["credit"] == "박지훈"
    assert [b.reporter.name for b in page.bylines.all()] == ["박지훈"]
    assert Reporter.objects.get(name="박지훈").email == "jihoon@garam.example"
    assert page.get_parent().title == "오피니언"
    assert set(page.tags.names()) == {"골목", "도시재생"}
    assert json_ld(text)["datePublished"].startswith("2023-11-02T09:10:00+09:00")
    for junk in [*JUNK, "jihoon@", "카카오톡"]:
        assert junk not in page.body_text, junk


def test_lead_byline_with_email_at_the_end(imported):
    page = story(34570)
    assert (
        page.body[0].value.source
        == "<p>가람시가 내년 1월부터 시내버스 노선 27개를 전면 개편한다.</p>"
    )
    assert len(page.body) == 3
    assert Reporter.objects.get(name="정다은").email == "daeun@garam.example"


@pytest.mark.parametrize("prefix", ["/news/", "/m/", "/"])
@pytest.mark.parametrize(
    "page_name", ["articleView.html", "articlePrint.html", "articleViewAmp.html"]
)
def test_old_article_addresses_answer_301(imported, client, prefix, page_name):
    page = story(1201)
    response = client.get(f"{prefix}{page_name}?idxno=1201&replyAll=&sc_code=")
    assert response.status_code == 301
    assert response["Location"] == f"/news/{page.pk}"


def test_old_section_lists_answer_301(imported, client):
    economy = SectionPage.objects.get(slug="economy")
    local = SectionPage.objects.get(title="지역경제")
    response = client.get("/news/articleList.html?sc_section_code=S1N3&view_type=sm")
    assert response.status_code == 301
    assert response["Location"] == economy.url
    response = client.get(
        "/news/articleList.html?sc_section_code=S1N3&sc_sub_section_code=S2N12"
    )
    assert response.status_code == 301
    assert response["Location"] == local.url


@pytest.mark.parametrize(
    "address",
    [
        "/news/articleView.html?idxno=999999",
        "/news/articleView.html?idxno=abc",
        "/news/articleView.html?idxno=" + "9" * 40,
        "/news/articleView.html",
        "/news/articleList.html?sc_section_code=S9N9",
        "/news/articleList.html?sc_section_code=%27%3B--",
    ],
)
def test_unknown_old_addresses_are_not_found(imported, client, address):
    assert client.get(address).status_code == 404


def test_ordinary_pages_never_look_up_old_addresses(imported, client):
    page = story(1201)
    ordinary = [f"/news/{page.pk}", SectionPage.objects.get(slug="economy").url, "/"]

    def queries(url):
        cache.clear()  # a rendered page is cached: count a render from the database
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return [q["sql"] for q in context.captured_queries]

    for url in ordinary:
        queries(url)  # warm what a process keeps after its first request
    before = {url: len(queries(url)) for url in ordinary}
    OldAddress.objects.bulk_create(
        OldAddress(key=f"legacy:idxno={n}", page=page) for n in range(100000, 105000)
    )
    for url in ordinary:
        sql = queries(url)
        assert len(sql) == before[url]
        assert not any("migration_oldaddress" in q for q in sql)
    with CaptureQueriesContext(connection) as context:
        client.get("/news/articleView.html?idxno=104999")
    assert (
        sum("migration_oldaddress" in q["sql"] for q in context.captured_queries) == 1
    )


def test_imported_stories_are_in_search_feeds_and_sitemaps(imported, client):
    page = story(5310)
    assert "전통시장 온누리상품권 환급" in client.get("/rss/").content.decode()
    assert f"/news/{page.pk}" in client.get("/sitemap-articles.xml").content.decode()
    assert f"/news/{page.pk}" in client.get("/search/?q=상품권").content.decode()


def test_second_run_creates_nothing(imported, tmp_path):
    counts = [
        m.objects.count()
        for m in (ArticlePage, Photo, Reporter, SectionPage, OldAddress, ImportRecord)
    ]
    report = run(tmp_path / "pages", "--photos", tmp_path / "site")
    assert "created 0 updated 0 skipped 4 failed 0" in report
    assert counts == [
        m.objects.count()
        for m in (ArticlePage, Photo, Reporter, SectionPage, OldAddress, ImportRecord)
    ]


def test_changed_page_is_updated_in_place(imported, tmp_path):
    page = story(34570)
    changed = Legacy(
        **{
            **REPORTER_STORY.__dict__,
            "paragraphs": [
                *REPORTER_STORY.paragraphs[:-1],
                "노선도는 정류장에도 붙인다.",
            ],
        }
    )
    name = tmp_path / "pages" / "articleView.html?idxno=34570.html"
    name.write_bytes(page_bytes(changed, html5_page, "utf-8", "utf-8"))
    report = run(name)
    assert "updated 1" in report
    page.refresh_from_db()
    assert "노선도는 정류장에도 붙인다." in page.body_text
    assert ArticlePage.objects.filter(title=REPORTER_STORY.title).count() == 1


def test_dry_run_changes_nothing(paper, tmp_path):
    report = run(write_archive(tmp_path), "--dry-run")
    assert "created 4" in report
    assert "dry run" in report
    assert ArticlePage.objects.count() == 0
    assert OldAddress.objects.count() == 0


def test_bad_pages_are_reported_and_the_rest_goes_on(paper, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "noheadline.html").write_bytes(
        b'<html><head><meta charset="utf-8"></head><body><div>'
        + ("제목이 없는 페이지의 본문이다. " * 10).encode()
        + b"</div></body></html>"
    )
    (folder / "empty.html").write_bytes(b"")
    whole = div_page(MARKET, "euc-kr").encode("cp949")
    cut = whole[: whole.index("상인회는".encode("cp949"))]
    (folder / "articleView.html?idxno=5310.html").write_bytes(cut)
    bad = (
        table_page(FLOOD, "euc-kr")
        .encode("cp949")
        .replace("산책로는".encode("cp949"), b"\xff\xfe" + "산책로는".encode("cp949"))
    )
    (folder / "articleView.html?idxno=1201.html").write_bytes(bad)
    report = run(folder)
    assert "failed noheadline.html" not in report  # labelled by path
    assert re.search(r"failed \S*noheadline\.html: no headline", report)
    assert re.search(r"failed \S*empty\.html: no story text", report)
    assert "created 2 updated 0 skipped 0 failed 2" in report
    truncated = story(5310)
    assert "1인당 환급 한도는 2만 원이다." in truncated.body_text
    assert "it may be cut short" in report
    assert re.search(r"note idxno 1201 .*undecodable byte", report)
    assert "산책로는 다음 달 1일부터" in story(1201).body_text


def test_encodings_are_detected_from_header_meta_bom_and_bytes():
    korean = "<p>뷁 똠 가람</p>"
    cp949 = korean.encode("cp949")
    assert decode(cp949).encoding == "cp949"  # nothing declared: the bytes say
    assert decode(cp949, "euc-kr").text == korean
    assert decode(b'<meta charset="ks_c_5601-1987">' + cp949).encoding == "cp949"
    # A server that labels everything UTF-8 gives way to bytes that are not.
    wrong = decode(cp949, "utf-8")
    assert wrong.text == korean
    assert "declared utf-8" in wrong.problems[0]
    assert decode(b"\xef\xbb\xbf" + korean.encode()).text == korean
    assert decode(b'<meta charset="euc-kr">' + korean.encode()).encoding == "utf-8"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        (
            "홍길순·강태오 기자 gilsun@garam.example kang@garam.example",
            [("홍길순", "gilsun@garam.example"), ("강태오", "kang@garam.example")],
        ),
        ("[가람일보=정다은 기자]", [("정다은", "")]),
        ("가람일보 사회부 특별취재팀", [("특별취재팀", "")]),
        ("글 = 박지훈 가람대 교수", [("박지훈", "")]),
        ("서동현 편집위원 · 한가람 수습기자", [("서동현", ""), ("한가람", "")]),
    ],
)
def test_bylines(byline, expected):
    assert [(n, e) for n, e, _ in legacy.parse_byline(byline)] == expected


def test_fetch_mode_reads_euc_kr_pages_politely_and_resumes(
    paper, tmp_path, httpserver, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /admin/\n"
    )
    # The page declares nothing: the server's header says euc-kr.
    page = table_page(FLOOD, "euc-kr").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">', ""
    )
    httpserver.expect_request(
        "/news/articleView.html", query_string="idxno=1201"
    ).respond_with_data(page.encode("cp949"), content_type="text/html; charset=euc-kr")
    httpserver.expect_request(
        "/news/articleView.html", query_string="idxno=1202"
    ).respond_with_data("없는 기사입니다", status=404)
    httpserver.expect_request(FLOOD.photo[0]).respond_with_data(
        jpeg_bytes(), content_type="image/jpeg"
    )
    base = httpserver.url_for("").rstrip("/")
    cache = tmp_path / "cache"

    def fetch(*args):
        out = StringIO()
        call_command(
            "import_legacy",
            "--base-url",
            base,
            "--idxno-range",
            "1201-1202",
            "--rate",
            "50",
            *args,
            stdout=out,
            stderr=StringIO(),
        )
        return out.getvalue()

    with django_capture_on_commit_callbacks(execute=True):
        report = fetch("--cache", str(cache), "--fetch-photos")
    assert "created 1 updated 0 skipped 1 failed 0" in report
    assert "skipped idxno 1202: the old site answered 404" in report
    imported = story(1201)
    assert "똠방각하" in imported.body_text
    assert imported.body[1].block_type == "photo"
    assert (cache / "1201.html").is_file()
    requests = len(httpserver.log)

    # From the cache: no page is fetched again, nothing is created twice.
    report = fetch("--cache", str(cache), "--fetch-photos")
    assert "created 0 updated 0 skipped 2 failed 0" in report
    assert len(httpserver.log) == requests + 1  # robots.txt only
    # Without the cache, a page imported before is not fetched again.
    report = fetch()
    assert "created 0 updated 0 skipped 2 failed 0" in report
    assert "without fetching them" in report
    assert ArticlePage.objects.count() == 1


def test_missing_sources_are_a_clear_error(paper, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nowhere")
    with pytest.raises(CommandError, match="--idxno-range"):
        run()


def test_pages_come_apart_from_boxes_around_them():
    """Each generation's story is found whatever the page puts around it."""
    for story_, template in [
        (FLOOD, table_page),
        (MARKET, div_page),
        (COLUMN, html5_page),
    ]:
        page = legacy.read_text(template(story_), base_url=SITE)
        text = " ".join(b.text + b.caption for b in page.story.body)
        for junk in JUNK:
            assert junk not in text, (template.__name__, junk)
        assert page.story.title == story_.title


SHORT_WITH_BOXES = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>가람시 작은도서관 2곳 개관 - 가람일보</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "가람시 작은도서관 2곳 개관",
 "author": [{{"@type": "Person", "name": "서동현 기자", "email": "dh@garam.example"}}]}}</script>
</head><body>
<div class="top-news"><div class="item"><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a>
<p>{OTHER_PREVIEW}</p></div></div>
<div class="view-wrap"><h3 class="view-title">가람시 작은도서관 2곳 개관</h3>
<div class="view-date">승인 2019.04.05. 17:40</div>
<div class="view-text"><p>가람시 북부동과 남부동에 작은도서관이 문을 열었다.</p>
<p>두 도서관은 평일 밤 9시까지 운영한다.</p></div>
<div class="view-editors"><strong>서동현 기자</strong> <a href="mailto:dh@garam.example">dh@garam.example</a></div>
</div>
<div class="box"><div class="item"><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a>
<p>{OTHER_PREVIEW}</p></div></div>
</body></html>"""


def test_a_short_story_beats_long_previews_and_takes_the_reporter_box():
    page = legacy.read_text(SHORT_WITH_BOXES, base_url=SITE, name="777.html")
    story_ = page.story
    assert story_.title == "가람시 작은도서관 2곳 개관"
    assert [b.text for b in story_.body] == [
        "가람시 북부동과 남부동에 작은도서관이 문을 열었다.",
        "두 도서관은 평일 밤 9시까지 운영한다.",
    ]
    assert story_.reporters == [("서동현", "dh@garam.example", "dh")]
    # 승인 alone is the time the story went out.
    assert story_.first_published_at.isoformat() == "2019-04-05T17:40:00+09:00"
    assert story_.source_id == "777"
    assert page.generation == "div"


def test_an_error_page_of_the_old_site_is_not_a_story():
    error_page = (
        "<html><head><title>가람일보</title></head><body><div class='msg'>"
        "요청하신 기사는 삭제되었거나 존재하지 않는 기사입니다. 첫 화면으로 이동합니다."
        "</div></body></html>"
    )
    with pytest.raises(legacy.PageError, match="not an article page"):
        legacy.read_text(error_page, base_url=SITE)


BARE_TABLES = """<html><head><meta http-equiv="content-type" content="text/html; charset=euc-kr">
<title>가람항 여객선 증편 &lt; 사회 &lt; 기사본문 - 가람일보</title></head><body>
<table><tr><td><a href="/">가람일보</a></td><td>2005년 7월 1일 금요일</td></tr></table>
<table><tr><td width=600>
<table><tr><td><font size=4><b>가람항 여객선 증편</b></font></td></tr>
<tr><td>한가람 기자 | 등록 2005.06.30 (목) 오후 3:20</td></tr>
<tr><td>가람항과 섬을 잇는 여객선이 다음 달부터 하루 네 차례로 늘어난다.<br><br>
해운사는 여름 성수기에 맞춰 배를 한 척 더 투입한다.<br><br>garam@garam.example</td></tr></table>
</td><td width=200><b>포토뉴스</b><br><a href="/news/articleView.html?idxno=3"><img src="/p/3.jpg"></a></td></tr></table>
</body></html>"""


def test_a_bare_2000s_table_page():
    page = legacy.read(
        BARE_TABLES.encode("cp949"), base_url=SITE, name="articleView.html?idxno=88.htm"
    )
    story_ = page.story
    assert page.generation == "table"
    assert story_.title == "가람항 여객선 증편"
    assert [b.text for b in story_.body] == [
        "가람항과 섬을 잇는 여객선이 다음 달부터 하루 네 차례로 늘어난다.",
        "해운사는 여름 성수기에 맞춰 배를 한 척 더 투입한다.",
    ]
    assert story_.reporters == [("한가람", "garam@garam.example", "garam")]
    assert story_.first_published_at.isoformat() == "2005-06-30T15:20:00+09:00"
    assert page.sections == [("", "사회")]


def test_a_body_called_by_its_font_size_is_still_the_body():
    text = html5_page(REPORTER_STORY).replace(
        'class="article-body"', 'class="article-veiw-body view-page font-size17"'
    )
    page = legacy.read_text(text, base_url=SITE)
    assert len(page.story.body) == 3
