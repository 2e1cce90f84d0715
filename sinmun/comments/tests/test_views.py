"""The thread's pages (public, at the edge) and the reader's forms (private), end to end."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from sinmun.articles.tests.factories import make_article
from sinmun.comments.models import (
    ClosedStory,
    Comment,
    CommentStatus,
    ModerationMode,
    SectionModeration,
)
from sinmun.comments.tests.factories import make_comment, make_reader
from sinmun.core import edge
from sinmun.migration.models import ImportedComment, ImportRecord, ImportSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(paper):
    return make_article(
        paper.sections["society/incidents"], title="가람시장 화재, 점포 12곳 피해"
    )


@pytest.fixture
def reader(db):
    return make_reader()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_article_page_is_the_same_for_everyone_and_points_to_its_thread(
    client, story
):
    response = client.get(f"/news/{story.pk}")
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "s-maxage=60" in response["Cache-Control"]
    text = response.text
    assert f'data-comments-src="/news/{story.pk}/comments/list"' in text
    assert f'href="/news/{story.pk}/comments/"' in text
    assert "js/comments.js" in text
    assert "csrfmiddlewaretoken" not in text


def test_the_article_page_looks_the_same_to_a_signed_in_reader(client, story, reader):
    anonymous = client.get(f"/news/{story.pk}")
    reader_view = signed_in(reader).get(f"/news/{story.pk}")
    assert reader_view["Cache-Control"] == anonymous["Cache-Control"]
    assert not reader_view.cookies


@pytest.mark.parametrize("suffix", ["comments/", "comments/list"])
def test_the_thread_is_public_with_the_story_comment_key_and_no_cookie(
    client, story, reader, suffix
):
    make_comment(story, reader, text="빠른 복구를 바랍니다.")
    response = client.get(f"/news/{story.pk}/{suffix}")
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert edge.comments(story.pk) in response[edge.KEY_HEADER].split()
    assert "빠른 복구를 바랍니다." in response.text


def test_the_thread_shows_imported_comments_with_their_author_and_time(client, story):
    record = ImportRecord.objects.create(
        source=ImportSource.WORDPRESS, kind="post", source_id="41", page=story
    )
    ImportedComment.objects.create(
        record=record,
        source_id="7",
        author="옛독자",
        text="예전 사이트에서 남긴 글",
        posted_at="2019-05-01T09:00:00+09:00",
    )
    text = client.get(f"/news/{story.pk}/comments/list").text
    assert "옛독자" in text
    assert "예전 사이트에서 남긴 글" in text
    assert "2019.05.01 09:00" in text  # Korea time, as everywhere on the site
    assert "이전 사이트" in text


def test_the_thread_stays_within_its_query_budget(
    client, story, reader, django_assert_max_num_queries
):
    for n in range(20):
        top = make_comment(story, reader, text=f"{n}번째 의견")
        make_comment(story, reader, parent=top, text="답글")
    with django_assert_max_num_queries(8):
        response = client.get(f"/news/{story.pk}/comments/list")
    assert response.text.count('class="comment"') == 40


def test_writing_needs_a_reader_sign_in(client, story):
    response = client.get(f"/news/{story.pk}/comments/new")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_reader_posts_and_the_comment_waits_in_a_pre_moderated_section(story, reader):
    client = signed_in(reader)
    form = client.get(f"/news/{story.pk}/comments/new")
    assert "private" in form["Cache-Control"]
    assert "csrfmiddlewaretoken" in form.text
    response = client.post(
        f"/news/{story.pk}/comments/new",
        {"author_name": "가람시민", "text": "상인들 힘내세요"},
        follow=True,
    )
    assert "검토" in response.text
    assert Comment.objects.get().status == CommentStatus.PENDING
    assert "상인들 힘내세요" not in Client().get(f"/news/{story.pk}/comments/list").text


def test_a_reader_posts_and_the_comment_shows_in_a_post_moderated_section(
    paper, story, reader
):
    SectionModeration.objects.create(
        section=paper.sections["society"], mode=ModerationMode.POST
    )
    signed_in(reader).post(
        f"/news/{story.pk}/comments/new",
        {"author_name": "가람시민", "text": "상인들 힘내세요"},
    )
    assert "상인들 힘내세요" in Client().get(f"/news/{story.pk}/comments/list").text


def test_a_closed_story_refuses_a_post_and_says_so(client, story, reader):
    ClosedStory.objects.create(article=story)
    response = signed_in(reader).post(
        f"/news/{story.pk}/comments/new", {"author_name": "가람시민", "text": "의견"}
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()
    assert "닫" in client.get(f"/news/{story.pk}/comments/list").text


def test_a_newsroom_account_cannot_comment(story, django_user_model):
    staff = django_user_model.objects.create(username="desk", is_staff=False)
    staff.groups.add(Group.objects.get_or_create(name="데스크")[0])
    response = signed_in(staff).post(
        f"/news/{story.pk}/comments/new", {"author_name": "데스크", "text": "의견"}
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_the_report_button_records_one_report(story, reader):
    comment = make_comment(story, reader)
    other = signed_in(make_reader("other@garamilbo.example"))
    assert other.get(f"/comments/{comment.pk}/report").status_code == 200
    other.post(f"/comments/{comment.pk}/report")
    response = other.post(f"/comments/{comment.pk}/report")
    assert "이미" in response.text
    comment.refresh_from_db()
    assert comment.report_count == 1


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/accounts/signup/", "/accounts/login/code/"]
)
def test_the_sign_in_pages_are_private_korean_and_never_at_the_edge(
    client, paper, path
):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert edge.KEY_HEADER not in response
    assert "가람일보" in response.text  # the paper's own masthead
    assert "로그인" in response.text or "가입" in response.text


def _code(message) -> str:
    """The sign-in code on a line of its own in the e-mail (allauth writes ABCD-EFGH)."""
    return re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE).group(1)


def test_a_new_reader_signs_up_with_an_e_mailed_code_and_comments(client, story):
    response = client.post(
        "/accounts/signup/", {"email": "new-reader@garamilbo.example"}, follow=True
    )
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert "가람일보" in mail.outbox[0].body  # the paper's name, not the host's
    code = _code(mail.outbox[0])
    response = client.post("/accounts/confirm-email/", {"code": code}, follow=True)
    assert response.wsgi_request.user.is_authenticated
    user = response.wsgi_request.user
    assert not user.is_staff
    assert not user.has_usable_password()
    assert client.get("/admin/").status_code == 302  # a reader never gets the admin
    client.post(
        f"/news/{story.pk}/comments/new",
        {"author_name": "새독자", "text": "첫 댓글입니다"},
    )
    assert Comment.objects.get().reader == user


def test_a_reader_signs_in_again_with_a_code(client, reader):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=reader, email=reader.email, verified=True, primary=True
    )
    client.post("/accounts/login/code/", {"email": reader.email})
    code = _code(mail.outbox[0])
    response = client.post("/accounts/login/code/confirm/", {"code": code}, follow=True)
    assert response.wsgi_request.user == reader


def test_a_newsroom_account_never_signs_in_by_code(client, django_user_model):
    from allauth.account.models import EmailAddress

    staff = django_user_model.objects.create(
        username="chief", email="chief@garamilbo.example", is_staff=True
    )
    EmailAddress.objects.create(
        user=staff, email=staff.email, verified=True, primary=True
    )
    client.post("/accounts/login/code/", {"email": staff.email})
    code = _code(mail.outbox[0])
    response = client.post("/accounts/login/code/confirm/", {"code": code}, follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "관리자 화면" in response.text
