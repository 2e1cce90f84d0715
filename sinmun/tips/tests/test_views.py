"""The public tip form: what it takes, what it refuses, and that nothing about it is cached."""

import pytest
from django.core import mail
from django.test import Client

from sinmun.articles.tests.factories import make_article
from sinmun.tips import spam
from sinmun.tips.models import Tip
from sinmun.tips.tests.factories import PDF_BYTES, jpeg_bytes, upload

URL = "/tips/"


@pytest.fixture
def quick(settings):
    """No wait between serving the form and posting it (a test types fast)."""
    settings.SINMUN_TIP_MIN_SECONDS = 0
    settings.SINMUN_TIP_NOTIFY_EMAILS = ["desk@garamilbo.example"]


def fields(**overrides):
    data = {
        "title": "가람시장 앞 싱크홀",
        "body": "오늘 아침 7시쯤 가람시장 정문 앞 도로에 지름 1m 구멍이 생겼습니다.",
        "name": "이도윤",
        "phone": "010-9876-5432",
        "email": "",
        "consent": "on",
        "started": spam.make_token(),
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_the_form_page_is_private_and_never_at_the_edge(client, paper):
    response = client.get(URL)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "xkey" not in response
    assert "Surrogate-Control" not in response
    assert "csrfmiddlewaretoken" in response.text
    text = response.text
    for words in (
        "수집·이용 목적",
        "수집 항목",
        "보유 기간",
        "365일",
        "동의를 거부할 권리",
    ):
        assert words in text


def test_a_tip_is_stored_with_its_files_privately_and_the_desk_is_emailed(
    client, paper, quick, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            fields(
                attachments=[
                    upload("싱크홀.jpg", jpeg_bytes(), "image/jpeg"),
                    upload("민원.pdf", PDF_BYTES, "application/pdf"),
                ]
            ),
        )
    assert response.status_code == 302
    assert response["Location"] == "/tips/thanks/"
    tip = Tip.objects.get()
    assert tip.title == "가람시장 앞 싱크홀"
    assert tip.phone == "010-9876-5432"
    assert tip.status == "new"
    assert tip.assignee is None
    assert (tip.delete_after - tip.received_at).days == 365
    files = list(tip.attachments.all())
    assert [(f.original_name, f.content_type) for f in files] == [
        ("싱크홀.jpg", "image/jpeg"),
        ("민원.pdf", "application/pdf"),
    ]
    stored = [settings.SINMUN_PRIVATE_MEDIA_ROOT / f.file.name for f in files]
    assert all(path.is_file() for path in stored)
    assert not any(str(path).startswith(str(settings.MEDIA_ROOT)) for path in stored)
    assert "싱크홀.jpg" not in files[0].file.name  # a random name on disk
    [message] = mail.outbox
    assert message.to == ["desk@garamilbo.example"]
    assert "가람시장 앞 싱크홀" in message.subject
    assert f"/admin/tips/edit/{tip.pk}/" in message.body
    assert "010-9876-5432" not in message.body
    assert "이도윤" not in message.body


def test_a_tip_from_an_article_names_the_story(client, paper, quick):
    story = make_article(paper.sections["society"], title="가람시, 하수관로 정비 착수")
    page = client.get(f"{URL}?article={story.pk}")
    assert "가람시, 하수관로 정비 착수" in page.text
    client.post(URL, fields(article=str(story.pk)))
    assert Tip.objects.get().article_id == story.pk


def test_a_mistyped_attachment_is_refused_and_the_text_is_kept(client, paper, quick):
    response = client.post(
        URL,
        fields(
            attachments=[upload("현장사진.jpg", b"MZ\x90\x00not a photo", "image/jpeg")]
        ),
    )
    assert response.status_code == 400
    assert Tip.objects.count() == 0
    text = response.text
    assert "“현장사진.jpg” 파일은 사진(JPG, PNG, GIF, WEBP)이나 PDF가 아닙니다" in text
    assert "가람시장 앞 싱크홀" in text
    assert "지름 1m 구멍" in text
    assert "010-9876-5432" in text
    assert (
        'name="consent" checked' in text
        or "checked" in response.context["form"]["consent"].as_widget()
    )
    assert "파일은 다시 첨부해 주세요" in text


def test_an_oversized_attachment_is_refused_and_the_text_is_kept(
    client, paper, quick, settings
):
    settings.SINMUN_TIP_MAX_FILE_BYTES = 50_000
    response = client.post(
        URL,
        fields(
            attachments=[
                upload("큰사진.jpg", jpeg_bytes(size=(1600, 1200)) + b"\0" * 60_000)
            ]
        ),
    )
    assert response.status_code == 400
    assert "“큰사진.jpg” 파일이 너무 큽니다" in response.text
    assert "지름 1m 구멍" in response.text
    assert Tip.objects.count() == 0


def test_too_many_files_are_refused(client, paper, quick, settings):
    settings.SINMUN_TIP_MAX_FILES = 2
    photos = [upload(f"사진{i}.jpg", jpeg_bytes()) for i in range(3)]
    response = client.post(URL, fields(attachments=photos))
    assert "파일은 2개까지 첨부할 수 있습니다" in response.text
    assert Tip.objects.count() == 0


def test_consent_and_a_way_to_reach_the_tipster_are_required(client, paper, quick):
    response = client.post(URL, fields(consent="", phone="", email=""))
    assert response.status_code == 400
    assert "동의하셔야 제보를 접수할 수 있습니다" in response.text
    assert "전화번호나 이메일 주소" in response.text
    assert Tip.objects.count() == 0


def test_the_honeypot_looks_like_success_and_stores_nothing(client, paper, quick):
    response = client.post(URL, fields(homepage="http://spam.example"))
    assert response.status_code == 302
    assert Tip.objects.count() == 0
    assert mail.outbox == []


def test_a_post_without_the_signed_time_or_too_soon_is_refused_with_the_text_kept(
    client, paper, settings
):
    settings.SINMUN_TIP_MIN_SECONDS = 3
    forged = client.post(URL, fields(started="12345"))
    assert forged.status_code == 400
    assert "지름 1m 구멍" in forged.text
    assert "다시 보내 주세요" in forged.text
    too_soon = client.post(URL, fields(started=spam.make_token()))
    assert too_soon.status_code == 400
    assert "너무 빨리" in too_soon.text
    late = client.post(URL, fields(started=spam.make_token(now=1.0)))
    assert late.status_code == 400
    assert "오래" in late.text
    assert Tip.objects.count() == 0


def test_posts_from_one_address_are_limited_per_hour(client, paper, quick, settings):
    settings.SINMUN_TIP_POSTS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, fields()).status_code == 302
    refused = client.post(URL, fields(title="세 번째 제보"))
    assert refused.status_code == 429
    assert "한 시간 뒤에" in refused.text
    assert "세 번째 제보" in refused.text
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(URL, fields()).status_code == 302
    assert Tip.objects.count() == 3


def test_csrf_is_enforced(paper, quick):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, fields()).status_code == 403
    page = strict.get(URL)
    token = page.cookies["csrftoken"].value
    response = strict.post(URL, fields(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Tip.objects.count() == 1


def test_the_thanks_page_is_private(client, paper):
    response = client.get("/tips/thanks/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "제보해 주셔서 감사합니다" in response.text
