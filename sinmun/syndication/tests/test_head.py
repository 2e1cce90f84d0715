import json
import re

import extruct
from lxml import html as lxml_html

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.syndication.structured_data import json_ld


def metadata(html):
    return extruct.extract(
        html, base_url="http://testserver/", syntaxes=["json-ld", "opengraph"]
    )


def og_properties(data):
    props = {}
    for item in data["opengraph"]:
        for key, value in item["properties"]:
            props.setdefault(key, []).append(value)
    return props


def test_article_page_has_one_complete_news_article(client, paper, reporter):
    article = make_article(
        paper.sections["society/incidents"],
        title="가람교 추돌 사고로 3명 부상",
        reporters=[reporter],
        lead_image=make_photo(),
        tags=["교통", "사고"],
    )
    html = client.get(article.url).text
    data = metadata(html)
    news = [d for d in data["json-ld"] if d.get("@type") == "NewsArticle"]
    assert len(news) == 1
    news = news[0]
    url = f"http://testserver/news/{article.pk}"
    assert news["headline"] == "가람교 추돌 사고로 3명 부상"
    assert news["mainEntityOfPage"]["@id"] == url
    assert len(news["image"]) == 3
    assert all(i.startswith("http://testserver/") for i in news["image"])
    assert news["datePublished"].endswith("+09:00")
    assert news["dateModified"].endswith("+09:00")
    assert news["author"] == [
        {
            "@type": "Person",
            "name": "박지훈",
            "url": "http://testserver/reporters/park-jihoon/",
        }
    ]
    assert news["publisher"]["@type"] == "Organization"
    assert news["publisher"]["name"] == "가람일보"
    assert news["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert news["articleSection"] == "사건·사고"
    assert news["isAccessibleForFree"] is True

    og = og_properties(data)
    assert og["og:type"] == ["article"]
    assert og["og:title"] == ["가람교 추돌 사고로 3명 부상"]
    assert og["og:url"] == [url]
    assert og["og:image"][0].startswith("http://testserver/")
    assert og["og:site_name"] == ["가람일보"]
    assert og["og:locale"] == ["ko_KR"]
    assert og["og:description"][0]
    assert og["article:published_time"][0].endswith("+09:00")
    assert og["article:modified_time"][0].endswith("+09:00")
    assert og["article:section"] == ["사건·사고"]
    assert sorted(og["article:tag"]) == ["교통", "사고"]
    assert og["article:author"] == ["http://testserver/reporters/park-jihoon/"]
    assert 'name="twitter:card"' in html


def test_image_crops_are_16x9_4x3_1x1_and_large_enough(client, paper, reporter):
    from sinmun.images.models import Photo

    article = make_article(
        paper.sections["society"], reporters=[reporter], lead_image=make_photo()
    )
    client.get(article.url)
    photo = Photo.objects.get(pk=article.lead_image_id)
    sizes = {
        r.filter_spec: (r.width, r.height)
        for r in photo.renditions.filter(filter_spec__startswith="fill-1200")
    }
    ratios = sorted(round(w / h, 2) for w, h in sizes.values())
    assert ratios == [1.0, 1.33, 1.78]
    assert all(w * h >= 50_000 for w, h in sizes.values())


def test_headline_that_tries_to_close_the_script_round_trips(client, paper, reporter):
    title = "</script><script>alert(1)</script> & \u2028줄\u2029바꿈 <!--"
    article = make_article(paper.sections["society"], reporters=[reporter])
    ArticlePage.objects.filter(pk=article.pk).update(title=title)
    html = client.get(f"/news/{article.pk}").text
    scripts = lxml_html.fromstring(html).xpath(
        '//script[@type="application/ld+json"]/text()'
    )
    assert len(scripts) == 1
    assert "</script" not in scripts[0]
    # U+2028/2029 are invisible characters the site strips from headlines.
    assert json.loads(scripts[0])["headline"] == title.replace("\u2028", "").replace(
        "\u2029", ""
    )


def test_json_ld_escaping_round_trips_exactly():
    value = {"headline": "</script>\u2028\u2029<&>'\""}
    text = str(json_ld(value))
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_other_pages_have_website_basics_and_unique_titles(client, paper, reporter):
    titles = set()
    for url in ("/", "/society/", "/economy/", reporter.get_absolute_url()):
        html = client.get(url).text
        og = og_properties(metadata(html))
        assert og["og:type"] == ["website"], url
        assert og["og:url"] == ["http://testserver" + url]
        assert og["og:image"][0].startswith("http://testserver/")
        assert og["og:site_name"] == ["가람일보"]
        titles.add(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    assert len(titles) == 4


def test_article_head_keeps_the_page_within_its_budget(
    client, paper, reporter, django_assert_max_num_queries
):
    article = make_article(
        paper.sections["society"], reporters=[reporter], lead_image=make_photo()
    )
    client.get(article.url)
    with django_assert_max_num_queries(12):
        client.get(article.url)
