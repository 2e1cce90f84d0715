import pytest
from django.core.exceptions import ValidationError

from sinmun.tips.tests.factories import PDF_BYTES, jpeg_bytes, png_bytes, upload
from sinmun.tips.validators import check_attachment

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("현장.jpg", jpeg_bytes(), "image/jpeg"),
        ("현장.JPEG", jpeg_bytes(), "image/jpeg"),
        ("캡처.png", png_bytes(), "image/png"),
        # A phone that saved a PNG as .jpg: still a photo, stored as what it is.
        ("캡처.jpg", png_bytes(), "image/png"),
        ("공문.pdf", PDF_BYTES, "application/pdf"),
    ],
)
def test_photos_and_pdfs_are_recognised_by_their_content(name, content, expected):
    assert (
        check_attachment(upload(name, content), max_bytes=MB).content_type == expected
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("사진.jpg", b"MZ\x90\x00 this is a program, not a photo"),
        ("문서.pdf", b"<html><script>alert(1)</script></html>"),
        ("메모.txt", b"plain text"),
        ("공문.hwp", PDF_BYTES),  # a PDF under another name is not accepted as .hwp
        ("사진.jpg", PDF_BYTES),  # named as a photo, but a PDF
        ("잘린사진.jpg", jpeg_bytes()[:40]),
    ],
)
def test_anything_else_is_refused_with_a_korean_message(name, content):
    with pytest.raises(ValidationError) as error:
        check_attachment(upload(name, content), max_bytes=MB)
    assert name in error.value.messages[0]
    assert error.value.code == "wrong_type"


def test_a_file_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError) as error:
        check_attachment(upload("큰사진.jpg", jpeg_bytes() + b"\0" * MB), max_bytes=MB)
    assert error.value.code == "too_large"
    message = error.value.messages[0]
    assert "큰사진.jpg" in message
    assert "너무 큽니다" in message
    assert "1.0" in message
