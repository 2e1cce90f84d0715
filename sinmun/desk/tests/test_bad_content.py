"""Bad content never breaks a story: a deleted photo, a crafted rich-text link, raw HTML."""

import json

import pytest
from django.urls import reverse

from sinmun.articles.models import ArticlePage
from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.desk.services import REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.forms import article_edit_data

pytestmark = pytest.mark.django_db


def views_of(client, story):
    """(public page, draft view, editor) answers for `story`."""
    return (
        client.get(story.url),
        client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk])),
        client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])),
    )


def test_a_deleted_photo_leaves_the_story_readable(client, paper):
    photo = make_photo(title="시의회 본회의장", caption="본회의가 열리고 있다.")
    story = make_article(
        paper.sections["society"],
        title="시의회 본회의 개회",
        lead_image=photo,
        body=[
            {"type": "photo", "value": {"image": photo.pk, "caption": ""}},
            {"type": "paragraph", "value": "<p>본회의가 열렸다.</p>"},
        ],
    )
    photo.delete()
    client.force_login(make_user("boss", is_superuser=True))

    public, draft, editor = views_of(client, ArticlePage.objects.get(pk=story.pk))

    assert (public.status_code, draft.status_code, editor.status_code) == (
        200,
        200,
        200,
    )
    page = public.content.decode()
    assert "본회의가 열렸다." in page
    assert "본회의가 열리고 있다." not in page
    assert "<figure" not in page.split("본회의가 열렸다.")[0].split("<article")[-1]


def crafted_link_body():
    return [
        {
            "type": "paragraph",
            "value": '<p>자세한 내용은 <a linktype="page" id="abc">관련 기사</a>에.</p>',
        }
    ]


def test_a_stored_link_with_a_bad_page_id_renders(client, paper):
    story = make_article(
        paper.sections["society"], title="링크가 깨진 기사", body=crafted_link_body()
    )
    client.force_login(make_user("boss", is_superuser=True))

    public, draft, editor = views_of(client, story)

    assert (public.status_code, draft.status_code, editor.status_code) == (
        200,
        200,
        200,
    )
    assert "관련 기사" in public.content.decode()
    assert 'href="abc"' not in public.content.decode()


def draftail(link_id):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "관련 기사",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": link_id}}
            },
        }
    )


@pytest.mark.parametrize(
    "raw",
    [
        draftail("abc"),
        draftail(["1"]),
        "<p>그냥 <b>HTML</b></p>",
        "{not json",
        "[1, 2]",
    ],
    ids=["link-id-abc", "link-id-list", "raw-html", "broken-json", "json-list"],
)
def test_bad_rich_text_from_the_editor_is_a_form_error(client, paper, raw):
    reporter = make_user("reporter", REPORTER)
    story = make_article(paper.sections["society"], title="초고", publish=False)
    ArticlePage.objects.filter(pk=story.pk).update(owner=reporter)
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = article_edit_data(client.get(url).content.decode(), story)
    data["body-0-value"] = raw
    data["title"] = "초고 (고침)"

    response = client.post(url, data)

    assert response.status_code == 200
    story.refresh_from_db()
    assert story.latest_revision.as_object().title == "초고"
