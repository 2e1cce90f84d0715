"""Article pages of an imaginary legacy Korean news CMS, in its three template generations.

Each page carries what a real one does around the story: the masthead date, a weather
ticker, the section menu, share buttons, ads, a tag box, related and most-read boxes with
previews, and a footer. The stories are written for these tests.
"""

from dataclasses import dataclass, field

SITE = "https://old.garam.example"

MENU = [
    ("S1N1", "정치"),
    ("S1N2", "사회"),
    ("S1N3", "경제"),
    ("S1N4", "문화"),
    ("S1N5", "오피니언"),
]
WEATHER = "맑음서울 24.5℃ 구름많음가람 22.1℃ 흐림부산 19.0℃ 기상청 제공"
OTHER_PREVIEW = (
    "가람군은 3일 군청 회의실에서 농촌 빈집 정비 계획을 발표했다. 군은 올해 빈집 40채를 "
    "철거하고 그 자리를 마을 쉼터와 공동 텃밭으로 꾸밀 계획이라고 밝혔다. 정비 대상은 "
    "주민 신청을 받아 정하며 철거 비용은 군이 전액 부담한다. 군 관계자는 빈집이 늘어나면서 "
    "마을 경관이 나빠지고 안전사고 우려도 커졌다며 주민들의 적극적인 신청을 바란다고 포"
)
FOOTER = "가람일보 | 가람시 중앙로 100 | 저작권자 ⓒ 가람일보 무단전재 및 재배포 금지"


@dataclass
class Legacy:
    idxno: int
    title: str
    paragraphs: list[str]
    subtitles: list[str] = field(default_factory=list)
    byline: str = "홍길순 기자"
    email: str = "gilsun@garam.example"
    published: str = "2008.03.12 14:22"
    modified: str = ""
    section: tuple[str, str] = ("S1N3", "경제")
    subsection: tuple[str, str] | None = None
    tags: list[str] = field(default_factory=list)
    photo: tuple[str, str] | None = None  # (path, caption line as the page prints it)
    lead: str = (
        ""  # a byline the first paragraph starts with, e.g. `가람일보 정다은 기자 | `
    )
    subheading: str = ""  # put before the last paragraph
    head: str = ""  # extra <head> markup


def _menu() -> str:
    return "".join(
        f'<a href="/news/articleList.html?sc_section_code={code}">{name}</a>'
        for code, name in MENU
    )


def _crumbs(story: Legacy, joiner: str = " &gt; ") -> str:
    code, name = story.section
    links = [
        '<a href="/">홈</a>',
        f'<a href="/news/articleList.html?sc_section_code={code}">{name}</a>',
    ]
    if story.subsection:
        sub_code, sub_name = story.subsection
        links.append(
            f'<a href="/news/articleList.html?sc_section_code={code}'
            f'&amp;sc_sub_section_code={sub_code}">{sub_name}</a>'
        )
    return joiner.join(links)


def _paragraphs(story: Legacy) -> list[str]:
    paragraphs = list(story.paragraphs)
    if story.lead:
        paragraphs[0] = story.lead + paragraphs[0]
    return paragraphs


def table_page(story: Legacy, charset: str = "euc-kr") -> str:
    """The 2000s: nested tables, <font> and <br><br> between paragraphs."""
    body = "<br><br>\n".join(_paragraphs(story)[:1])
    rest = _paragraphs(story)[1:]
    photo = ""
    if story.photo:
        path, caption = story.photo
        photo = (
            f'<table class="photo_box" align="center"><tr><td><img src="{path}" border="0">'
            f"</td></tr><tr><td>{caption}</td></tr></table>"
        )
    sub = f"<br><br>\n<b>{story.subheading}</b>" if story.subheading else ""
    body = (
        body + "<br><br>\n" + photo + "<br><br>\n".join(rest[:-1]) + sub
        + "<br><br>\n" + rest[-1]
        + f"<br><br>\n{story.byline} {story.email}"
    )  # fmt: skip
    subtitles = "<br>".join(story.subtitles)
    dates = f"기사입력 {story.published}"
    if story.modified:
        dates += f" | 최종수정 {story.modified}"
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{story.title} - 가람일보</title>
<script language="javascript">function printArticle(){{window.open('/news/articlePrint.html?idxno={story.idxno}');}}</script>
</head>
<body topmargin="0" leftmargin="0">
<table width="980" cellpadding="0" cellspacing="0"><tr>
<td class="top_date">2008년 3월 13일 (목)</td>
<td><a href="/"><img src="/image/logo.gif" alt="가람일보"></a></td>
</tr></table>
<table width="980"><tr><td class="weather_line">{WEATHER}</td></tr></table>
<table width="980" class="menu"><tr><td>{_menu()}</td></tr></table>
<table width="980"><tr>
<td width="680" valign="top">
 <table width="100%"><tr><td class="loc_bar">{_crumbs(story)}</td></tr></table>
 <table width="100%">
  <tr><td class="view_title"><font size="4"><b>{story.title}</b></font></td></tr>
  <tr><td class="view_sub_title"><font color="#555555"><b>{subtitles}</b></font></td></tr>
  <tr><td class="view_info">{story.byline} | {dates}</td></tr>
  <tr><td><a href="javascript:printArticle()">인쇄하기</a> | <a href="/news/articleMail.html?idxno={story.idxno}">메일보내기</a></td></tr>
  <tr><td class="view_body"><font style="font-size:14px">{body}</font></td></tr>
  <tr><td class="view_copy">저작권자 ⓒ 가람일보 무단전재 및 재배포 금지</td></tr>
 </table>
 <table width="100%" class="list_related"><tr><td><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a></td></tr></table>
</td>
<td width="300" valign="top" class="right_box">
 <table><tr><td><b>많이 본 뉴스</b></td></tr>
 <tr><td><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a><br>{OTHER_PREVIEW}</td></tr>
 <tr><td><img src="/banner/bank.gif" alt="광고"></td></tr></table>
</td></tr></table>
<table width="980"><tr><td class="footer_line">{FOOTER}</td></tr></table>
</body>
</html>"""


def div_page(story: Legacy, charset: str = "euc-kr") -> str:
    """The 2010s: divs with ids and classes, <p> paragraphs, a photo box inside the body."""
    paragraphs = _paragraphs(story)
    photo = ""
    if story.photo:
        path, caption = story.photo
        photo = (
            f'<div class="photo-box" style="text-align:center"><img src="{path}" alt="">'
            f'<div class="photo-caption">{caption}</div></div>'
        )
    sub = f"<h3>{story.subheading}</h3>" if story.subheading else ""
    body = (
        f"<p>{paragraphs[0]}</p>{photo}"
        + "".join(f"<p>{p}</p>" for p in paragraphs[1:-1])
        + sub + f"<p>{paragraphs[-1]}</p>"
        + '<div class="ad-area"><a href="https://ad.example/">가람은행 적금 특판</a></div>'
        + (f"<p>{story.byline} {story.email}</p>" if story.email else "")
    )  # fmt: skip
    tags = "".join(
        f'<a href="/news/articleList.html?sc_word={t}">#{t}</a> ' for t in story.tags
    )
    dates = f'<span class="date">입력 {story.published}</span>'
    if story.modified:
        dates += f'<span class="date">수정 {story.modified}</span>'
    subtitles = "".join(f"<p>{s}</p>" for s in story.subtitles)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{story.title} &lt; {story.section[1]} &lt; 기사본문 - 가람일보</title>{story.head}
</head><body>
<div id="wrap">
<div id="top"><div class="today">2016.09.21 (수)</div><div class="logo"><a href="/"><img src="/image/logo.png" alt="가람일보"></a></div>
<div class="weather-roll">{WEATHER}</div></div>
<div id="gnb"><ul>{"".join(f"<li>{a}</li>" for a in _menu().split("</a>")[:-1] if a)}</ul></div>
<div id="container"><div id="content">
 <div class="section-path">{_crumbs(story, " <span>&gt;</span> ")}</div>
 <div class="article-head">
  <div class="article-head-title">{story.title}</div>
  <div class="article-head-sub">{subtitles}</div>
  <div class="article-info"><span class="writer">{story.byline}</span> {dates}</div>
 </div>
 <div class="article-share"><a href="#">페이스북</a> <a href="#">트위터</a> <a href="/news/articlePrint.html?idxno={story.idxno}">프린트</a> <a href="#">글씨 키우기</a></div>
 <div id="article-body" class="article-body">{body}</div>
 <div class="article-copyright">저작권자 ⓒ 가람일보 무단전재 및 재배포 금지</div>
 <div class="tag-box">{tags}</div>
 <div class="related-news"><h4>관련기사</h4><ul><li><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a></li></ul></div>
</div>
<div id="aside"><div class="box-best"><h4>많이 본 기사</h4><ul>
 <li><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a><p>{OTHER_PREVIEW}</p></li>
 <li><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a><p>{OTHER_PREVIEW}</p></li>
</ul></div><div class="banner"><img src="/banner/side.jpg" alt=""></div></div>
</div>
<div id="footer"><p>{FOOTER}</p></div>
</div></body></html>"""


def html5_page(story: Legacy, charset: str = "utf-8") -> str:
    """The 2020s: <article>, <header>, <figure>, Open Graph and article:* metadata."""
    paragraphs = _paragraphs(story)
    photo = ""
    if story.photo:
        path, caption = story.photo
        photo = f'<figure class="photo-layout"><img src="{path}" alt=""><figcaption>{caption}</figcaption></figure>'
    sub = f"<h3>{story.subheading}</h3>" if story.subheading else ""
    body = (
        f"<p>{paragraphs[0]}</p>{photo}"
        + "".join(f"<p>{p}</p>" for p in paragraphs[1:-1])
        + sub + f"<p>{paragraphs[-1]}</p>"
    )  # fmt: skip
    if story.email:
        body += f"<p>{story.byline} {story.email}</p>"
    tags = "".join(
        f'<li><a href="/news/tagList.html?tag={t}">#{t}</a></li>' for t in story.tags
    )
    subtitles = "".join(f'<h2 class="subheading">{s}</h2>' for s in story.subtitles)
    iso = story.published.replace(".", "-").replace(" ", "T") + ":00+09:00"
    dates = f"<li>입력 {story.published}</li>"
    if story.modified:
        dates += f"<li>수정 {story.modified}</li>"
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="{charset}">
<title>{story.title} - 가람일보</title>
<meta property="og:title" content="{story.title}">
<meta property="og:site_name" content="가람일보">
<meta property="og:url" content="{SITE}/news/articleView.html?idxno={story.idxno}">
<meta property="article:section" content="{story.section[1]}">
<meta property="article:published_time" content="{iso}">
<link rel="canonical" href="{SITE}/news/articleView.html?idxno={story.idxno}">
<link rel="amphtml" href="{SITE}/news/articleViewAmp.html?idxno={story.idxno}">{story.head}
</head><body>
<header class="site-header"><div class="today">2023.11.02 (목)</div>
<a class="logo" href="/">가람일보</a>
<ul class="weather-ticker"><li>맑음서울 24.5℃</li><li>구름많음가람 22.1℃</li></ul><p>기상청 제공</p>
<nav class="gnb"><ul>{"".join(f"<li>{a}</a></li>" for a in _menu().split("</a>")[:-1] if a)}</ul></nav>
</header>
<main id="main">
<article class="article-view">
 <header class="article-view-header">
  <nav class="breadcrumbs">{_crumbs(story, " ")}</nav>
  <h1 class="heading">{story.title}</h1>
  {subtitles}
  <ul class="infomation"><li><i class="icon-user"></i> {story.byline}</li>{dates}</ul>
  <div class="share-area"><button type="button">공유하기</button><a href="#">카카오톡</a></div>
 </header>
 <div class="article-body" itemprop="articleBody">{body}</div>
 <ul class="tag-group">{tags}</ul>
 <aside class="relation"><h2>관련기사</h2><ul><li><a href="/news/articleView.html?idxno=9">가람군, 빈집 정비 계획 발표</a></li></ul></aside>
</article>
</main>
<aside class="side"><section class="popular"><h2>많이 본 뉴스</h2><ol>
<li><a href="/news/articleView.html?idxno=9"><strong>가람군, 빈집 정비 계획 발표</strong><p>{OTHER_PREVIEW}</p></a></li>
</ol></section><div class="ad"><ins class="adsbygoogle"></ins></div></aside>
<footer class="site-footer"><p>{FOOTER}</p></footer>
</body></html>"""


# The archive the tests import: one story per generation and encoding, each with the
# features its generation is known for.
FLOOD = Legacy(
    idxno=1201,
    title="가람천 둔치 정비 마무리…봄부터 산책로 개방",
    subtitles=["총사업비 48억 원 투입", "자전거 도로 3.2㎞도 새로 깔아"],
    byline="홍길순·강태오 기자",
    email="gilsun@garam.example",
    published="2008-03-12 14:22",
    modified="2008-03-12 16:05",
    section=("S1N3", "경제"),
    subsection=("S2N12", "지역경제"),
    photo=(
        "/news/photo/200803/1201_1.jpg",
        "▲ 정비를 마친 가람천 둔치 /사진=가람시 제공",
    ),
    paragraphs=[
        "가람시는 2년에 걸친 가람천 둔치 정비 사업을 마무리했다고 12일 밝혔다.",
        "시는 둔치의 낡은 콘크리트를 걷어내고 잔디와 꽃길을 조성했으며, 둔치 양쪽으로 "
        "자전거 도로 3.2㎞를 새로 깔았다. 똠방각하 공원 앞 징검다리도 다시 놓았다.",
        "산책로는 다음 달 1일부터 시민에게 개방된다.",
        "시 관계자는 “여름 장마철에도 물에 잠기지 않도록 높이를 조정했다”고 말했다.",
    ],
    subheading="■ 여름엔 물놀이장도",
)
MARKET = Legacy(
    idxno=5310,
    title="전통시장 온누리상품권 환급 행사 다음 주 시작",
    subtitles=["가람중앙시장 등 5곳 참여"],
    byline="특별취재팀",
    email="",
    published="2016.09.21 10:05",
    modified="2016.09.21 11:30",
    section=("S1N2", "사회"),
    tags=["전통시장", "온누리상품권"],
    lead="가람일보 특별취재팀 | ",
    photo=("/news/photo/201609/5310_2.jpg", "△ 가람중앙시장 입구 (사진=가람일보 DB)"),
    paragraphs=[
        "가람시가 추석을 앞두고 전통시장 5곳에서 온누리상품권 환급 행사를 연다.",
        "행사 기간 시장에서 3만 원 이상 사면 구매액의 10%를 상품권으로 돌려받는다. "
        "1인당 환급 한도는 2만 원이다.",
        "상인회는 주차장을 무료로 개방하고 배송 서비스도 운영한다고 밝혔다.",
    ],
)
COLUMN = Legacy(
    idxno=34567,
    title="[가람칼럼] 골목의 시간은 느리게 흐른다",
    byline="박지훈 논설위원",
    email="jihoon@garam.example",
    published="2023.11.02 09:10",
    modified="2023.11.02 13:45",
    section=("S1N5", "오피니언"),
    tags=["골목", "도시재생"],
    photo=("/news/photo/202311/34567_3.jpg", "오래된 골목의 담장 /사진=박지훈"),
    subheading="골목이 남긴 것",
    paragraphs=[
        "어릴 적 살던 골목에 다시 가 보았다. 담장은 낮아졌고 대문은 모두 바뀌었다.",
        "도시재생이라는 이름으로 골목이 넓어지는 동안 우리는 무엇을 잃었을까. 뷁 소리를 "
        "내던 낡은 펌프도 사라졌다.",
        "느린 골목은 불편했지만 이웃의 얼굴을 알게 해 주었다.",
        "새 길을 낼 때 옛 골목의 시간도 함께 설계할 수 있기를 바란다.",
    ],
)
REPORTER_STORY = Legacy(
    idxno=34570,
    title="가람시, 시내버스 노선 27개 전면 개편",
    subtitles=["배차 간격 평균 4분 단축"],
    byline="정다은 기자",
    email="daeun@garam.example",
    published="2023.11.03 08:00",
    section=("S1N2", "사회"),
    lead="가람일보 정다은 기자 | ",
    paragraphs=[
        "가람시가 내년 1월부터 시내버스 노선 27개를 전면 개편한다.",
        "시는 간선과 지선을 나누고 배차 간격을 평균 4분 줄이겠다고 밝혔다.",
        "개편 노선은 시 누리집에서 미리 확인할 수 있다.",
    ],
)


def jpeg_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (320, 180), (40, 120, 80)).save(buffer, "JPEG")
    return buffer.getvalue()


# (story, template, declared charset, bytes encoding, with a UTF-8 BOM)
ARCHIVE = [
    (FLOOD, table_page, "euc-kr", "cp949", False),
    (MARKET, div_page, "ks_c_5601-1987", "cp949", False),
    (COLUMN, html5_page, "utf-8", "utf-8", True),
    (REPORTER_STORY, html5_page, "utf-8", "utf-8", False),
]


def page_bytes(story, template, charset, encoding, bom=False) -> bytes:
    data = template(story, charset).encode(encoding)
    return b"\xef\xbb\xbf" + data if bom else data


def write_archive(folder, stories=ARCHIVE):
    """Save the archive's pages as a crawler would (`articleView.html?idxno=N.html`), and a
    mirror of the old site's photo folders under `folder/site`."""
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for story, template, charset, encoding, bom in stories:
        name = f"articleView.html?idxno={story.idxno}.html"
        (pages / name).write_bytes(page_bytes(story, template, charset, encoding, bom))
        if story.photo:
            photo = folder / "site" / story.photo[0].lstrip("/")
            photo.parent.mkdir(parents=True, exist_ok=True)
            photo.write_bytes(jpeg_bytes())
    return pages
