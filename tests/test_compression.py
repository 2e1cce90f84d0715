"""Gzip at the app: public responses compressed, anything with a secret left alone (BREACH)."""

import gzip

import pytest

from sinmun.articles.tests.factories import make_article
from sinmun.core.compression import shared_alike

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_public_page_is_gzipped_and_varies_on_accept_encoding(client, paper):
    response = client.get("/", **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "가람일보" in gzip.decompress(response.content).decode()
    # The edge keys were read from the plain body, before it was compressed.
    assert "front" in response["xkey"].split()


def test_client_without_gzip_gets_the_plain_page_with_the_same_vary(client, paper):
    response = client.get("/")

    assert "Content-Encoding" not in response
    assert "Accept-Encoding" in response["Vary"]
    assert "가람일보" in response.text


def test_feed_and_sitemap_are_gzipped(client, paper, reporter):
    make_article(paper.sections["society"], reporters=[reporter])
    for path in ("/rss/", "/sitemap.xml"):
        response = client.get(path, **GZIP)
        assert response.get("Content-Encoding") == "gzip", path


def test_admin_login_with_its_csrf_token_is_never_compressed(client, paper):
    response = client.get("/admin/login/", **GZIP)

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.text
    assert "Content-Encoding" not in response


def test_compression_can_be_left_to_a_proxy(client, paper, settings):
    settings.SINMUN_COMPRESS_PAGES = False

    assert "Content-Encoding" not in client.get("/", **GZIP)


def test_only_public_responses_without_cookies_count_as_shared(rf):
    from django.http import HttpResponse

    request = rf.get("/")
    public = HttpResponse("x" * 500, headers={"Cache-Control": "public, max-age=60"})
    private = HttpResponse("x", headers={"Cache-Control": "private, no-store"})
    unmarked = HttpResponse("x")
    with_cookie = HttpResponse("x", headers={"Cache-Control": "public, max-age=60"})
    with_cookie.set_cookie("sessionid", "abc")

    assert shared_alike(request, public)
    assert not shared_alike(request, private)
    assert not shared_alike(request, unmarked)
    assert not shared_alike(request, with_cookie)


def test_favicon_ico_redirects_to_the_static_icon(client, paper):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("/icons/favicon.ico")
    assert "public" in response["Cache-Control"]
    assert client.get(response["Location"]).status_code == 200


def test_pages_name_their_icons(client, paper):
    html = client.get("/").text

    assert 'rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml"' in html
    assert 'rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png"' in html
