from sinmun.articles.tests.factories import make_article
from sinmun.syndication.tests.conftest import MARKER


def test_api_lists_published_articles_with_their_fields(client, paper, reporter):
    article = make_article(
        paper.sections["society"],
        title="가람시 예산안 발표",
        subtitle="복지 예산 12% 늘어",
        reporters=[reporter],
    )
    response = client.get(
        "/api/v2/pages/",
        {"type": "articles.ArticlePage", "fields": "title,subtitle,url"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1
    item = items[0]
    assert item["title"] == "가람시 예산안 발표"
    assert item["subtitle"] == "복지 예산 12% 늘어"
    assert item["url"] == f"http://testserver/news/{article.pk}"
    assert item["meta"]["first_published_at"]


def test_api_never_shows_drafts_or_scheduled_stories(client, hidden):
    response = client.get(
        "/api/v2/pages/", {"type": "articles.ArticlePage", "fields": "*"}
    )
    assert response.status_code == 200
    assert MARKER not in response.text
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
