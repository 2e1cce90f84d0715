"""The newsroom's screens: Wagtail's admin, in Korean, for articles and sections."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_article_edit_screen_is_korean(admin_client, paper, reporter):
    article = make_article(
        paper.sections["society"], reporters=[reporter], subtitle="첫 부제\n둘째 부제"
    )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "제목",
        "부제",
        "기자",
        "대표 사진",
        "본문",
        "정정·반론·추후보도",
        "초안 저장",
    ):
        assert label in html


def test_an_editor_files_an_article_through_the_admin(admin_client, paper, reporter):
    section = paper.sections["society"]
    data = nested_form_data(
        {
            "title": "가람천 산책로, 야간 조명 설치 완료",
            "slug": "garamcheon-lights",
            "subtitle": "총 2.4㎞ 구간\n다음 달부터 밤 11시까지 점등",
            "kind": "news",
            "origin": "own",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text("<p>가람시는 가람천 산책로에 조명을 설치했다.</p>"),
                    )
                ]
            ),
            "bylines": inline_formset([{"reporter": reporter.pk}]),
            "corrections": inline_formset([]),
            "tags": "가람천, 산책로",
        }
    )
    url = reverse(
        "wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="garamcheon-lights")
    assert not article.live  # saved as a draft
    assert article.subtitle_lines == ["총 2.4㎞ 구간", "다음 달부터 밤 11시까지 점등"]
    assert [b.reporter for b in article.bylines.all()] == [reporter]
    assert sorted(t.name for t in article.tags.all()) == ["가람천", "산책로"]


def huge_headline_form(title: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "huge",
            "kind": "news",
            "origin": "own",
            "body": streamfield([]),
            "bylines": inline_formset([]),
            "corrections": inline_formset([]),
        }
    )


def test_a_huge_headline_gets_a_form_error_not_a_500(admin_client, paper):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["articles", "articlepage", paper.sections["society"].pk],
    )
    response = admin_client.post(
        url, huge_headline_form("가" * 300_000)
    )  # 0.9 MB of UTF-8
    assert response.status_code == 200  # the form again, with its error
    assert "255" in response.content.decode()  # the length limit is named
    assert not ArticlePage.objects.filter(slug="huge").exists()


def test_a_body_over_the_upload_limit_is_a_400_not_a_500(admin_client, paper):
    admin_client.raise_request_exception = False
    url = reverse(
        "wagtailadmin_pages:add",
        args=["articles", "articlepage", paper.sections["society"].pk],
    )
    response = admin_client.post(
        url, huge_headline_form("가" * 1_000_000)
    )  # 3 MB of UTF-8
    assert response.status_code == 400
    assert not ArticlePage.objects.filter(slug="huge").exists()


def test_add_form_fills_in_the_slug_from_the_headline(admin_client, paper):
    """The headline is a TitleFieldPanel, so the slug (on the 홍보 tab) follows it.

    With a plain FieldPanel the slug stayed empty and every new story failed with
    "필수 작성 항목입니다" on a tab the reporter was not looking at.
    """
    society = paper.sections["society"]
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", society.pk])
    )
    html = response.content.decode()
    title = re.search(r'<input type="text" name="title"[^>]*>', html).group(0)
    assert 'data-controller="w-sync"' in title
    assert "#id_slug" in title


@pytest.mark.parametrize(
    ("field_class", "widget_class", "value"),
    [
        (
            forms.DateTimeField,
            AdminDateTimeInput,
            datetime(2026, 3, 1, 6, 30, tzinfo=ZoneInfo("Asia/Seoul")),
        ),
        (forms.DateField, AdminDateInput, date(2026, 3, 1)),
    ],
)
def test_admin_date_picker_format_is_read_back(field_class, widget_class, value):
    """What the admin's date picker writes (WAGTAIL_*_FORMAT) the Korean form must parse.

    "Y.m.d H:i" (template syntax) was shown by the picker and refused by the form
    ("올바른 날짜/시각을 입력하세요"), so no story could be scheduled and no correction dated.
    """
    with translation.override("ko"), timezone.override("Asia/Seoul"):
        field = field_class(widget=widget_class())
        text = field.widget.format_value(value)
        assert text[:4] == "2026"
        assert field.clean(text) == value
