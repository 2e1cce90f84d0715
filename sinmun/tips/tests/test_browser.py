"""End to end in Chromium: a reader sends a tip from a story, the desk gets mail through a
real SMTP server and reads the tip in the admin; nobody else can."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from sinmun.articles.tests.factories import make_article
from sinmun.tips.models import Tip
from sinmun.tips.tests.factories import (
    ADMINISTRATOR,
    DESK,
    PDF_BYTES,
    REPORTER,
    make_user,
)
from tests.browser import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT = 15_000
TITLE = "가람천 둑길 옹벽 균열"
BODY = "가람천 둑길 300m 지점 옹벽에 손가락이 들어갈 만한 금이 갔습니다. 오늘 오후 3시에 봤습니다."


@pytest.fixture
def tip_settings(settings):
    settings.SINMUN_TIP_MIN_SECONDS = 0
    settings.SINMUN_TIP_NOTIFY_EMAILS = ["desk@garamilbo.example"]
    return settings


def new_page(browser, **options):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="ko-KR", **options
    )
    context.set_default_timeout(TIMEOUT)
    return context.new_page()


def files(tmp_path):
    photo = tmp_path / "옹벽.jpg"
    Image.new("RGB", (800, 600), (120, 120, 110)).save(photo, "JPEG", quality=80)
    pdf = tmp_path / "민원접수증.pdf"
    pdf.write_bytes(PDF_BYTES)
    fake = tmp_path / "현장.jpg"
    fake.write_bytes(b"#!/bin/sh\necho this is not a photo\n")
    return photo, pdf, fake


def fill_tip(page):
    page.get_by_label("제목").fill(TITLE)
    page.get_by_label("제보 내용").fill(BODY)
    page.get_by_label("이름").fill("최서윤")
    page.get_by_label("휴대전화").fill("010-3456-7890")
    page.get_by_label("위와 같이 개인정보를 수집·이용하는 데 동의합니다.").check()


def expect_kept(page):
    assert page.get_by_label("제목").input_value() == TITLE
    assert page.get_by_label("제보 내용").input_value() == BODY
    assert page.get_by_label("휴대전화").input_value() == "010-3456-7890"
    assert page.get_by_label(
        "위와 같이 개인정보를 수집·이용하는 데 동의합니다."
    ).is_checked()


def log_in(browser, live_server, username):
    page = new_page(browser)
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("pw-" + username)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    return page


def test_a_reader_sends_a_tip_and_only_the_desk_reads_it(
    live_server, paper, reporter, tip_settings, smtp_catcher, tmp_path
):
    story = make_article(
        paper.sections["society"], title="가람천 정비 사업 착공", reporters=[reporter]
    )
    make_user("desk1", DESK)
    make_user("jihoon", REPORTER)
    make_user("manager", ADMINISTRATOR)
    photo, pdf, fake = files(tmp_path)
    with chromium() as browser:
        reader = new_page(browser)
        reader.goto(f"{live_server.url}/news/{story.pk}")
        reader.locator(".tip-invite").get_by_role("link", name="기사 제보").click()
        reader.wait_for_url(re.compile(rf"/tips/\?article={story.pk}$"))
        assert "가람천 정비 사업 착공" in reader.locator(".tip-article").inner_text()

        # A file that only pretends to be a photo: refused, everything typed is still there.
        fill_tip(reader)
        reader.get_by_label("사진·문서 첨부").set_input_files([str(fake)])
        reader.get_by_role("button", name="제보하기").click()
        error = reader.locator(".tip-field.has-error .error")
        assert (
            "“현장.jpg” 파일은 사진(JPG, PNG, GIF, WEBP)이나 PDF가 아닙니다"
            in error.inner_text()
        )
        assert "파일은 다시 첨부해 주세요" in reader.locator("#tip-errors").inner_text()
        expect_kept(reader)
        assert Tip.objects.count() == 0

        reader.get_by_label("사진·문서 첨부").set_input_files([str(photo), str(pdf)])
        reader.get_by_role("button", name="제보하기").click()
        reader.wait_for_url(live_server.url + "/tips/thanks/")
        assert "제보해 주셔서 감사합니다" in reader.locator("h1").inner_text()
        assert reader.context.cookies() == [
            c for c in reader.context.cookies() if c["name"] == "csrftoken"
        ]

        tip = Tip.objects.get()
        assert (tip.title, tip.article_id) == (TITLE, story.pk)
        assert sorted(a.original_name for a in tip.attachments.all()) == [
            "민원접수증.pdf",
            "옹벽.jpg",
        ]
        [message] = smtp_catcher.messages
        assert message["To"] == "desk@garamilbo.example"
        assert str(message["Subject"]).strip() == f"[기사 제보] {TITLE}"
        text = message.get_content()
        assert f"/admin/tips/edit/{tip.pk}/" in text
        assert "010-3456-7890" not in text

        # The desk reads it and downloads the photo.
        desk = log_in(browser, live_server, "desk1")
        desk.get_by_role("link", name="독자 제보").first.click()
        desk.get_by_role("link", name=TITLE).click()
        # The edit view may still be arriving when the click returns: wait for its text.
        expect(desk.locator("main")).to_contain_text("010-3456-7890", timeout=20_000)
        with desk.expect_download() as download:
            desk.get_by_role("link", name="옹벽.jpg").click()
        assert download.value.suggested_filename == "옹벽.jpg"
        assert download.value.path().read_bytes() == photo.read_bytes()

        # A reporter it is not assigned to, the site administrator and a reader see nothing.
        for username in ("jihoon", "manager"):
            other = log_in(browser, live_server, username)
            other.goto(f"{live_server.url}/admin/tips/edit/{tip.pk}/")
            assert TITLE not in other.content()
            other.goto(f"{live_server.url}/admin/tips/")
            assert TITLE not in other.content()
        anonymous = new_page(browser)
        anonymous.goto(f"{live_server.url}/admin/tips/edit/{tip.pk}/")
        assert "/admin/login/" in anonymous.url
        assert TITLE not in anonymous.content()
        attachment = tip.attachments.first()
        response = anonymous.request.get(
            f"{live_server.url}/admin/tips/attachments/{attachment.pk}/",
            max_redirects=0,
        )
        assert response.status == 302
        for path in (
            f"/media/{attachment.file.name}",
            f"/media/tips/{attachment.file.name}",
        ):
            assert anonymous.request.get(live_server.url + path).status == 404


def test_an_oversized_photo_is_refused_before_and_after_sending(
    live_server, paper, tip_settings, tmp_path
):
    tip_settings.SINMUN_TIP_MAX_FILE_BYTES = 20_000
    big = tmp_path / "큰사진.jpg"
    Image.effect_noise((900, 700), 80).convert("RGB").save(big, "JPEG", quality=95)
    assert big.stat().st_size > 20_000
    with chromium() as browser:
        # With scripts: said as soon as the file is chosen; the form is not sent.
        page = new_page(browser)
        page.goto(live_server.url + "/")
        page.locator(".masthead").get_by_role("link", name="기사 제보").click()
        page.wait_for_url(live_server.url + "/tips/")
        fill_tip(page)
        page.get_by_label("사진·문서 첨부").set_input_files([str(big)])
        notice = page.locator(".tip-file-error")
        assert "“큰사진.jpg” 파일이 너무 큽니다" in notice.inner_text()
        page.get_by_role("button", name="제보하기").click()
        assert page.url == live_server.url + "/tips/"
        expect_kept(page)

        # Without scripts the server refuses it, with the same kind of message.
        plain = new_page(browser, java_script_enabled=False)
        plain.goto(live_server.url + "/tips/")
        fill_tip(plain)
        plain.get_by_label("사진·문서 첨부").set_input_files([str(big)])
        plain.get_by_role("button", name="제보하기").click()
        plain.wait_for_load_state()
        assert (
            "“큰사진.jpg” 파일이 너무 큽니다"
            in plain.locator(".tip-field.has-error").inner_text()
        )
        expect_kept(plain)
    assert Tip.objects.count() == 0
