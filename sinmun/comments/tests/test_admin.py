"""The desk's comment admin: who may review, the bulk decisions, closing a story."""

import pytest
from django.test import Client

from sinmun.articles.tests.factories import make_article
from sinmun.comments.models import ClosedStory, Comment, CommentStatus
from sinmun.comments.tests.factories import make_comment, make_reader
from sinmun.tips.tests.factories import ADMINISTRATOR, CHIEF, DESK, REPORTER, make_user

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/queue/"


@pytest.fixture
def story(paper):
    return make_article(
        paper.sections["society"], title="가람시장 화재, 점포 12곳 피해"
    )


def as_user(username, *roles):
    client = Client()
    client.force_login(make_user(username, *roles))
    return client


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.mark.parametrize("roles", [(DESK,), (CHIEF,)])
def test_the_desk_reviews_comments_in_bulk(story, roles):
    reader = make_reader()
    waiting = [
        make_comment(story, reader, status=CommentStatus.PENDING, text=f"의견 {n}")
        for n in range(3)
    ]
    client = as_user("desk1", *roles)
    listing = client.get(QUEUE)
    assert listing.status_code == 200
    assert "의견 0" in listing.text
    ids = "&".join(f"id={c.pk}" for c in waiting[:2])
    url = f"/admin/bulk/comments/comment/approve_comments/?{ids}"
    assert client.get(url).status_code == 200
    client.post(url)
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        CommentStatus.APPROVED,
        CommentStatus.APPROVED,
        CommentStatus.PENDING,
    ]
    client.post(f"/admin/bulk/comments/comment/hide_comments/?id={waiting[0].pk}")
    waiting[0].refresh_from_db()
    assert waiting[0].status == CommentStatus.HIDDEN


@pytest.mark.parametrize("roles", [(REPORTER,), (ADMINISTRATOR,)])
def test_reporters_and_administrators_do_not_moderate(story, roles):
    comment = make_comment(story, make_reader(), status=CommentStatus.PENDING)
    client = as_user("someone", *roles)
    assert refused(client.get(QUEUE))
    client.post(f"/admin/bulk/comments/comment/approve_comments/?id={comment.pk}")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert refused(client.post(f"/admin/comments/toggle/{story.pk}/"))


def test_the_desk_closes_and_reopens_a_story(story):
    client = as_user("desk1", DESK)
    assert client.get(f"/admin/comments/toggle/{story.pk}/").status_code == 200
    client.post(f"/admin/comments/toggle/{story.pk}/")
    assert ClosedStory.objects.filter(article=story).exists()
    client.post(f"/admin/comments/toggle/{story.pk}/")
    assert not ClosedStory.objects.filter(article=story).exists()


def test_a_reader_never_opens_the_admin(story):
    client = Client()
    client.force_login(make_reader())
    assert client.get("/admin/").status_code == 302
    assert client.get(QUEUE).status_code == 302
