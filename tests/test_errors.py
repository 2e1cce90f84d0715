"""Errors readers may see: short, Korean, and never a traceback."""

from django.test import RequestFactory

from sinmun.core.views import server_error


def test_server_error_page_is_small_korean_and_leaks_nothing(settings):
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert len(response.content) < 5_000
    assert "일시적인 오류" in html
    for leak in ("Traceback", "SECRET_KEY", "SELECT", 'File "'):
        assert leak not in html


def test_hostile_paths_are_404_not_500(client, paper):
    for path in (
        "/news/99999999999999999999",
        "/%00",
        "/tags/%ED%95/",
        "/reporters/<script>/",
        "/society/?page=%00",
    ):
        response = client.get(path, follow=True)
        assert response.status_code in (200, 404), path
