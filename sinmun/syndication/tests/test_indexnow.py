import json

from django.test import override_settings

from sinmun.articles.tests.factories import make_article
from sinmun.syndication import services


def test_publishing_posts_the_permalink_to_indexnow(
    httpserver, paper, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/indexnow", method="POST").respond_with_data(
        "", status=202
    )
    with (
        override_settings(
            SINMUN_INDEXNOW_KEY="abcd1234efgh",
            SINMUN_INDEXNOW_ENDPOINTS=[httpserver.url_for("/indexnow")],
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article = make_article(paper.sections["society"])
    body = json.loads(httpserver.log[0][0].data)
    assert body == {
        "host": "testserver",
        "key": "abcd1234efgh",
        "keyLocation": "http://testserver/abcd1234efgh.txt",
        "urlList": [f"http://testserver/news/{article.pk}"],
    }


@override_settings(SINMUN_INDEXNOW_RETRIES=2, SINMUN_INDEXNOW_BACKOFF_SECONDS=0)
def test_a_failing_endpoint_is_retried_and_never_raises(httpserver):
    httpserver.expect_request("/indexnow").respond_with_data("", status=503)
    with override_settings(
        SINMUN_INDEXNOW_KEY="abcd1234efgh",
        SINMUN_INDEXNOW_ENDPOINTS=[
            httpserver.url_for("/indexnow"),
            "http://127.0.0.1:9/unreachable",
        ],
    ):
        assert services.notify_indexnow(urls=["http://testserver/news/1"]) == 0
    assert len(httpserver.log) == 3


def test_indexnow_is_off_without_a_key(
    httpserver, paper, django_capture_on_commit_callbacks
):
    with (
        override_settings(SINMUN_INDEXNOW_ENDPOINTS=[httpserver.url_for("/indexnow")]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        make_article(paper.sections["society"])
    assert httpserver.log == []


def test_key_file_is_served_only_for_the_configured_key(client, paper):
    assert client.get("/abcd1234efgh.txt").status_code == 404
    with override_settings(SINMUN_INDEXNOW_KEY="abcd1234efgh"):
        response = client.get("/abcd1234efgh.txt")
        assert response.text == "abcd1234efgh"
        assert client.get("/zzzz1234efgh.txt").status_code == 404
