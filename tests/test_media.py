"""Uploaded photos are served by the app under production-like settings (DEBUG off)."""

import logging
from email.utils import formatdate

import pytest
from django.conf import settings

from sinmun.articles.tests.factories import make_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo():
    assert settings.DEBUG is False
    return make_photo()


def test_original_and_rendition_are_served_with_an_image_type_and_edge_caching(
    client, photo
):
    rendition = photo.get_rendition("fill-320x180")
    for url in (photo.file.url, rendition.url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8")  # JPEG
        assert "public" in response["Cache-Control"]
        assert (
            f"max-age={settings.SINMUN_MEDIA_CACHE_SECONDS}"
            in (response["Cache-Control"])
        )
        assert response["Last-Modified"]
        assert not response.cookies


def test_unchanged_file_answers_304(client, photo):
    first = client.get(photo.file.url)
    again = client.get(
        photo.file.url, headers={"if-modified-since": first["Last-Modified"]}
    )
    assert again.status_code == 304
    assert not again.content
    older = client.get(
        photo.file.url, headers={"if-modified-since": formatdate(0, usegmt=True)}
    )
    assert older.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/media/../sinmun/settings/base.py",
        "/media/%2e%2e/sinmun/settings/base.py",
        "/media/original_images/../../../etc/passwd",
        "/media//etc/passwd",
        "/media/%2Fetc%2Fpasswd",
        "/media/..%5c..%5cetc%5cpasswd",
        "/media/original_images/.hidden",
    ],
)
def test_paths_outside_media_root_are_404(client, paper, photo, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.content
    assert b"SECRET_KEY" not in response.content


def test_directories_are_not_listed(client, paper, photo):
    for url in ("/media/", "/media/original_images/", "/media/images/"):
        assert client.get(url).status_code == 404


def test_missing_file_is_a_plain_404(client, paper, caplog):
    caplog.set_level(logging.WARNING)
    response = client.get("/media/original_images/none.jpg")
    assert response.status_code == 404
    assert "Traceback" not in response.text
    assert not [r for r in caplog.records if r.exc_info]


def test_document_files_are_not_served_directly(client, paper):
    """Documents go through Wagtail's serve view, which checks privacy, never /media/."""
    target = settings.MEDIA_ROOT / "documents" / "report.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"%PDF-1.4 private")
    assert client.get("/media/documents/report.pdf").status_code == 404
