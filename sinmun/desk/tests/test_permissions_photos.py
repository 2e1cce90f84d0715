"""Photos by role × action × whose photo and whether a published story shows it.

Part of the permission matrix (test_permissions.py): anything allowed that is not marked
here fails, and no refusal is a 500.
"""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection, ReferenceIndex

from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.desk.services import ADMINISTRATOR, CHIEF, DESK, REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.images.models import Photo

pytestmark = pytest.mark.django_db

ROLES = (REPORTER, DESK, CHIEF, ADMINISTRATOR)
KINDS = ("own", "own_published", "other", "other_published")
EDITORS = frozenset({DESK, CHIEF})
EVERYONE = frozenset({REPORTER, DESK, CHIEF})
ONLY_CHIEF = frozenset({CHIEF})
PHOTO_POLICY = {
    "edit": {"own": EVERYONE, **dict.fromkeys(KINDS[1:], EDITORS)},
    "replace": {"own": EVERYONE, **dict.fromkeys(KINDS[1:], EDITORS)},
    "delete": dict.fromkeys(KINDS, ONLY_CHIEF),
    "bulk_delete": dict.fromkeys(KINDS, ONLY_CHIEF),
    "bulk_add_tags": {
        "own": EVERYONE,
        **dict.fromkeys(KINDS[1:], EDITORS),
    },
}


def photo_for(kind, actor, paper):
    owner = actor if kind.startswith("own") else make_user("photographer", REPORTER)
    photo = make_photo(title="시의회 본회의장", caption="본회의가 열리고 있다.")
    Photo.objects.filter(pk=photo.pk).update(uploaded_by_user=owner)
    photo.refresh_from_db()
    if kind.endswith("published"):
        story = make_article(
            paper.sections["society"],
            title="시의회 본회의 개회",
            body=[{"type": "photo", "value": {"image": photo.pk, "caption": ""}}],
        )
        assert story.live
        ReferenceIndex.create_or_update_for_object(story)
    return photo


def png(name="new.png", colour="#a33"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (50, 40), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def attempt(action, client, photo):
    """Try `action` on `photo`; return (HTTP status, database changed)."""
    edit = reverse("wagtailimages:edit", args=[photo.pk])
    form = {
        "title": photo.title,
        "caption": photo.caption,
        "credit": photo.credit,
        "collection": photo.collection_id,
        "tags": "",
    }
    bulk = lambda kind: (  # noqa: E731
        reverse("wagtail_bulk_action", args=["images", "photo", kind])
        + f"?id={photo.pk}&next=/admin/images/"
    )
    if action == "edit":
        r = client.post(edit, {**form, "caption": "다른 장면이다."})
        photo.refresh_from_db()
        return r.status_code, photo.caption == "다른 장면이다."
    if action == "replace":
        before = photo.file.name
        r = client.post(edit, {**form, "file": png()})
        photo.refresh_from_db()
        return r.status_code, photo.file.name != before
    if action == "delete":
        r = client.post(reverse("wagtailimages:delete", args=[photo.pk]))
        return r.status_code, not Photo.objects.filter(pk=photo.pk).exists()
    if action == "bulk_delete":
        r = client.post(bulk("delete"))
        return r.status_code, not Photo.objects.filter(pk=photo.pk).exists()
    if action == "bulk_add_tags":
        r = client.post(bulk("add_tags"), {"tags": "본회의"})
        return r.status_code, photo.tags.filter(name="본회의").exists()
    raise AssertionError(action)


CASES = [(r, a, k) for r in ROLES for a in PHOTO_POLICY for k in KINDS]


@pytest.mark.parametrize(("role", "action", "kind"), CASES)
def test_photo_permission_matrix(client, paper, role, action, kind):
    actor = make_user("actor", role)
    photo = photo_for(kind, actor, paper)
    client.force_login(actor)
    expected = role in PHOTO_POLICY[action][kind]

    status, changed = attempt(action, client, photo)

    assert status < 500, f"{role} {action} ({kind}) answered {status}"
    if expected:
        assert status == 302, f"{role} should be able to {action} ({kind})"
        assert changed, f"{role} {action} ({kind}) answered but changed nothing"
    else:
        assert not changed, f"UNEXPECTED ALLOW: {role} could {action} ({kind})"
        assert status in (302, 403) or action.startswith("bulk_")


def gif_bytes() -> bytes:
    buffer = io.BytesIO()
    frames = [PILImage.new("RGB", (200, 150), c) for c in ("#123", "#456", "#789")]
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
@pytest.mark.parametrize("view", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_a_truncated_gif_is_a_form_error(client, paper, view, cut):
    client.force_login(make_user("reporter", REPORTER))
    data = gif_bytes()
    truncated = data[: int(len(data) * cut)]

    upload = SimpleUploadedFile("cut.gif", truncated, "image/gif")
    field = "files[]" if view.endswith("multiple") else "file"
    response = client.post(
        reverse(view),
        {
            "title": "잘린 사진",
            field: upload,
            "collection": Collection.get_first_root_node().pk,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code in (200, 400)
    assert not Photo.objects.exists()
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        text = str(json.loads(text))
    assert "이미지 파일이 손상되었거나" in text


def test_a_whole_gif_uploads(client, paper):
    client.force_login(make_user("reporter", REPORTER))
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "움직이는 사진",
            "file": SimpleUploadedFile("whole.gif", gif_bytes(), "image/gif"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert Photo.objects.get().title == "움직이는 사진"


def test_an_uploaded_photo_is_stored_under_a_random_name(client, paper):
    client.force_login(make_user("reporter", REPORTER))
    for _ in range(2):
        client.post(
            reverse("wagtailimages:add"),
            {
                "title": "엠바고 보도사진",
                "file": png("embargo-minister-kim.png"),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    names = [p.file.name for p in Photo.objects.all()]
    assert len(set(names)) == 2
    for name in names:
        assert name.startswith("original_images/")
        assert name.endswith(".png")
        assert "embargo" not in name
        assert "minister" not in name
        assert len(name.removeprefix("original_images/").removesuffix(".png")) >= 20
    rendition = Photo.objects.first().get_rendition("width-40")
    assert "embargo" not in rendition.url
