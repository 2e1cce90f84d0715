import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from sinmun.articles.models import ArticleKind, ArticlePage, Correction, CorrectionKind
from sinmun.articles.tests.factories import (
    make_article,
    make_articles,
    make_photo,
    paragraphs,
)
from sinmun.newsroom.tests.factories import (
    ColumnistFactory,
    ColumnSeriesFactory,
    ReporterFactory,
)

pytestmark = pytest.mark.django_db

# Cold caches add the section tree, settings, site paths, private paths and the boxes,
# and the ad list and the 속보 banner (one query each, then shared). The related box and
# the most-read box pick candidates first (selectors.related_articles: the section's
# newest and each tag's newest, at most RELATED_TAGS), so no query reads the archive.
COLD_BUDGET = 24


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_article_is_served_at_its_numeric_permalink(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    assert article.url == f"/news/{article.pk}"
    response = client.get(f"/news/{article.pk}")
    assert response.status_code == 200
    assert "가람시, 시내버스 노선 18개 조정" in response.text


def test_permalink_survives_headline_slug_and_section_changes(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    permalink = article.url
    article.title = "가람시, 시내버스 노선 20개로 확대 조정"
    article.slug = "bus-routes-20"
    article.save_revision().publish()
    article.move(paper.sections["economy"], pos="last-child")
    article.refresh_from_db()
    assert article.url == permalink
    response = client.get(permalink)
    assert response.status_code == 200
    assert "노선 20개로 확대 조정" in response.text


def test_tree_address_redirects_permanently_to_the_permalink(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    response = client.get(f"/society/{article.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/news/{article.pk}"


def test_canonical_link_is_the_permalink(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    html = client.get(article.url).text
    assert f'<link rel="canonical" href="http://testserver/news/{article.pk}">' in html


def test_unknown_or_unpublished_article_is_404(client, paper, reporter):
    draft = make_article(paper.sections["society"], reporters=[reporter], publish=False)
    assert client.get(f"/news/{draft.pk}").status_code == 404
    assert client.get("/news/999999").status_code == 404


def test_byline_renders_exactly_as_the_reference(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    html = client.get(article.url).text
    byline = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    assert text_of(byline).strip() == "가람일보 박지훈 기자 |"
    # The byline comes before the body.
    body = html[html.index('class="article-body"') :]
    assert body.index('class="byline"') < body.index("시청 대회의실에서")


def test_several_reporters_share_one_byline_and_each_email_ends_the_article(
    client, paper
):
    first = ReporterFactory(name="박지훈", email="jihoon@garamilbo.example")
    second = ReporterFactory(name="오태양", email="taeyang@garamilbo.example")
    article = make_article(paper.sections["society"], reporters=[first, second])
    html = client.get(article.url).text
    byline = re.search(r'<p class="byline">(.*?)</p>', html, re.S).group(1)
    assert text_of(byline).strip() == "가람일보 박지훈·오태양 기자 |"
    footer = html[html.index('class="article-footer"') :]
    assert "jihoon@garamilbo.example" in footer
    assert "taeyang@garamilbo.example" in footer


def test_article_shows_headline_subheadlines_and_times(client, paper, reporter):
    article = make_article(
        paper.sections["society"],
        reporters=[reporter],
        subtitle="52개 노선 중 18개 조정\n배차 간격 평균 4분 줄어",
    )
    html = client.get(article.url).text
    assert re.search(r"<h1[^>]*>\s*가람시, 시내버스 노선 18개 조정\s*</h1>", html)
    assert "<p>52개 노선 중 18개 조정</p>" in html
    assert "<p>배차 간격 평균 4분 줄어</p>" in html
    assert "입력" in html
    assert "수정" not in text_of(
        html[html.index("article-dates") : html.index("article-dates") + 400]
    )


def test_update_time_shows_after_a_later_publish(client, paper, reporter):
    from datetime import timedelta

    from django.utils import timezone

    article = make_article(
        paper.sections["society"],
        reporters=[reporter],
        published_at=timezone.now() - timedelta(hours=5),
    )
    article.save_revision().publish()
    html = client.get(article.url).text
    dates = text_of(html[html.index('class="article-dates"') :][:600])
    assert "입력" in dates
    assert "수정" in dates


def test_article_is_marked_up_for_reader_mode(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    html = client.get(article.url).text
    assert html.count('<article class="article"') == 1
    assert html.count("<h1") == 1
    assert '<header class="masthead">' in html
    assert '<nav class="sections-nav"' in html
    # Boxes are asides, outside the article element.
    article_html = html[
        html.index('<article class="article"') : html.index(
            "</article>", html.index("article-footer")
        )
    ]
    assert "<aside" not in article_html


def test_body_blocks_render(client, paper, reporter):
    photo = make_photo(
        caption="가람천 둔치에 설치된 제설 자재 보관함.", credit="가람시 제공"
    )
    body = [
        *paragraphs("첫 문단이다."),
        {"type": "subheading", "value": "겨울철 제설 대책"},
        {
            "type": "quote",
            "value": {
                "text": "눈이 오면 바로 치우겠습니다.",
                "attribution": "윤태호 가람시장",
            },
        },
        {"type": "photo", "value": {"image": photo.pk, "caption": "", "credit": ""}},
    ]
    article = make_article(paper.sections["society"], reporters=[reporter], body=body)
    html = client.get(article.url).text
    assert '<h2 class="article-subheading">겨울철 제설 대책</h2>' in html
    assert "눈이 오면 바로 치우겠습니다." in html
    assert "윤태호 가람시장" in html
    assert "가람천 둔치에 설치된 제설 자재 보관함." in html
    assert "가람시 제공" in html


def test_lead_photo_has_caption_and_credit(client, paper, reporter):
    photo = make_photo()
    article = make_article(
        paper.sections["society"], reporters=[reporter], lead_image=photo
    )
    html = client.get(article.url).text
    figure = html[html.index('<figure class="article-photo">') :][:1000]
    assert "가람천 산책로를 시민들이 걷고 있다." in figure
    assert "가람일보 오태양 기자" in figure


def test_correction_shows_under_the_body(client, paper, reporter):
    from django.utils import timezone

    article = make_article(paper.sections["society"], reporters=[reporter])
    article.corrections = [
        Correction(
            kind=CorrectionKind.CORRECTION,
            text="노선 수를 바로잡습니다.",
            published_at=timezone.now(),
        )
    ]
    article.save_revision().publish()
    html = client.get(article.url).text
    assert "정정보도" in html
    assert html.index("노선 수를 바로잡습니다.") > html.index('class="article-body"')


def test_column_shows_columnist_and_series(client, paper):
    columnist = ColumnistFactory(
        name="윤정희", title="가람대학교 행정학과 교수", bio="지방재정을 연구한다."
    )
    series = ColumnSeriesFactory(title="지방자치 다시 읽기", columnist=columnist)
    opinion = paper.sections["politics"]
    column = make_article(
        opinion,
        title="주민참여예산, 숫자보다 과정이다",
        kind=ArticleKind.COLUMN,
        columnist=columnist,
        series=series,
    )
    html = client.get(column.url).text
    assert "윤정희" in html
    assert "가람대학교 행정학과 교수" in html
    assert "지방자치 다시 읽기" in html
    assert "지방재정을 연구한다." in html


def test_column_without_columnist_is_invalid(paper):
    from django.core.exceptions import ValidationError

    page = ArticlePage(title="칼럼", kind=ArticleKind.COLUMN)
    with pytest.raises(ValidationError):
        page.clean()


def test_article_boxes_never_repeat_a_story(client, paper, reporter):
    articles = make_articles(paper.sections["society"], 20, reporters=[reporter])
    from django.utils import timezone

    from sinmun.articles.models import ReadCount

    for n, article in enumerate(articles):
        ReadCount.objects.create(
            article=article, day=timezone.localdate(), count=100 - n
        )
    html = client.get(articles[3].url).text
    links = re.findall(r'href="/news/(\d+)"', html)
    assert len(links) == len(set(links))
    assert str(articles[3].pk) not in links


def test_article_page_query_budget(
    client, paper, reporter, django_assert_max_num_queries
):
    photo = make_photo()
    make_articles(
        paper.sections["society"],
        30,
        reporters=[reporter],
        lead_image=photo,
        tags=["버스"],
    )
    body = [
        *paragraphs("본문이다."),
        {"type": "photo", "value": {"image": photo.pk, "caption": "", "credit": ""}},
    ]
    article = make_article(
        paper.sections["society"],
        reporters=[reporter],
        lead_image=photo,
        body=body,
        tags=["버스"],
    )
    client.get(article.url)  # steady state: renditions made, shared caches filled
    with django_assert_max_num_queries(12):  # steady state: shared caches warm
        response = client.get(article.url)
    cache.clear()  # the render path, cold: no query per listed story
    with django_assert_max_num_queries(COLD_BUDGET):
        client.get(article.url)
    assert response.status_code == 200


def test_article_page_is_cacheable_by_a_shared_cache(client, paper, reporter):
    article = make_article(paper.sections["society"], reporters=[reporter])
    response = client.get(article.url)
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage" in cache_control
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_preview_is_never_cached(admin_client, paper, reporter):
    article = make_article(
        paper.sections["society"], reporters=[reporter], publish=False
    )
    response = admin_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[article.pk])
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile",
    "HTTP_SEC_FETCH_SITE": "same-origin",
}


def test_read_beacon_counts_once_per_reader(client, paper, reporter):
    from sinmun.articles.models import ReadCount

    article = make_article(paper.sections["society"], reporters=[reporter])
    url = reverse("articles:read", args=[article.pk])
    assert client.post(url, **BROWSER).status_code == 204
    assert client.post(url, **BROWSER).status_code == 204
    assert ReadCount.objects.get(article=article).count == 1
    assert client.post(url, REMOTE_ADDR="10.0.0.2", **BROWSER).status_code == 204
    assert ReadCount.objects.get(article=article).count == 2
    assert client.get(url).status_code == 405
    assert client.post(reverse("articles:read", args=[999999])).status_code == 404


def test_read_beacon_tells_readers_apart_behind_the_edge(client, paper, reporter):
    from sinmun.articles.models import ReadCount

    article = make_article(paper.sections["society"], reporters=[reporter])
    url = reverse("articles:read", args=[article.pk])
    edge = {"REMOTE_ADDR": "127.0.0.1", **BROWSER}
    client.post(url, HTTP_X_FORWARDED_FOR="203.0.113.7", **edge)
    client.post(url, HTTP_X_FORWARDED_FOR="203.0.113.7", **edge)
    client.post(url, HTTP_X_FORWARDED_FOR="198.51.100.9", **edge)
    assert ReadCount.objects.get(article=article).count == 2
    # A reader's own header is not believed: only what the edge appended counts.
    client.post(url, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9", **edge)
    browser = {"REMOTE_ADDR": "192.0.2.1", **BROWSER}
    client.post(url, HTTP_X_FORWARDED_FOR="203.0.113.99", **browser)
    client.post(url, HTTP_X_FORWARDED_FOR="203.0.113.98", **browser)
    assert ReadCount.objects.get(article=article).count == 3


def test_a_new_user_agent_is_not_a_new_reader(client, paper, reporter):
    from sinmun.articles.models import ReadCount

    article = make_article(paper.sections["society"], reporters=[reporter])
    url = reverse("articles:read", args=[article.pk])
    for n in range(50):
        agent = f"Mozilla/5.0 (Windows NT 10.0) Chrome/{100 + n}.0"
        response = client.post(
            url, HTTP_USER_AGENT=agent, HTTP_SEC_FETCH_SITE="same-origin"
        )
        assert response.status_code == 204
        assert "Set-Cookie" not in response
    # An IPv6 reader hopping across its own /64 is one reader too.
    for host in ("1", "2", "abcd"):
        client.post(url, REMOTE_ADDR=f"2001:db8:1:2::{host}", **BROWSER)
    assert ReadCount.objects.get(article=article).count == 2


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_USER_AGENT": "curl/8.5.0"},
        {"HTTP_USER_AGENT": "python-requests/2.32"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1)"},
        {**BROWSER, "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
    ids=["no-agent", "curl", "python", "robot", "another-site"],
)
def test_read_beacon_ignores_what_is_not_a_reader_on_the_page(
    client, paper, reporter, headers
):
    from sinmun.articles.models import ReadCount

    article = make_article(paper.sections["society"], reporters=[reporter])
    response = client.post(reverse("articles:read", args=[article.pk]), **headers)
    assert response.status_code == 204
    assert not ReadCount.objects.filter(article=article).exists()


def test_one_address_reads_only_so_many_stories(client, paper, reporter, monkeypatch):
    from sinmun.articles import services
    from sinmun.articles.models import ReadCount

    monkeypatch.setattr(services, "READS_PER_ADDRESS", 3)
    stories = [
        make_article(paper.sections["society"], title=f"기사 {n}", reporters=[reporter])
        for n in range(5)
    ]
    for story in stories:
        client.post(reverse("articles:read", args=[story.pk]), **BROWSER)
    assert sum(ReadCount.objects.values_list("count", flat=True)) == 3
    client.post(
        reverse("articles:read", args=[stories[4].pk]),
        REMOTE_ADDR="10.9.9.9",
        **BROWSER,
    )
    assert ReadCount.objects.get(article=stories[4]).count == 1
