"""The demo paper a new user sees after `make demo`, loaded twice."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from sinmun.articles.models import (
    ArticleKind,
    ArticlePage,
    Correction,
    LiveUpdate,
    ReadCount,
)
from sinmun.core.models import NewspaperSettings
from sinmun.demo import services
from sinmun.newsroom.models import Reporter
from sinmun.sections.models import SectionPage

pytestmark = pytest.mark.django_db


def test_demo_paper_is_complete_and_loading_it_again_changes_nothing(client):
    now = timezone.now()
    first = services.load_demo(now=now, photo_size=(480, 270))
    assert first.created >= 66
    news = ArticlePage.objects.live().exclude(kind=ArticleKind.COLUMN)
    columns = ArticlePage.objects.live().filter(kind=ArticleKind.COLUMN)
    assert SectionPage.objects.live().filter(depth=3).count() >= 6
    assert Reporter.objects.count() >= 6
    assert news.count() >= 60
    assert columns.count() >= 6
    assert columns.values("columnist").distinct().count() >= 2
    times = list(ArticlePage.objects.values_list("first_published_at", flat=True))
    assert min(times) >= now - timedelta(days=14)
    assert max(times) <= now
    assert ArticlePage.objects.filter(last_published_at__gt=now).count() == 0
    assert all(a.bylines.exists() for a in news)
    assert Correction.objects.filter(published_at__lte=now).count() == 1
    assert ReadCount.objects.exists()
    paper = NewspaperSettings.objects.get()
    assert paper.is_complete
    assert "00000" in paper.registration_number  # clearly fictional

    counts = (
        ArticlePage.objects.count(),
        LiveUpdate.objects.count(),
        Reporter.objects.count(),
        ReadCount.objects.count(),
    )
    second = services.load_demo(now=now, photo_size=(480, 270))
    assert second.created == 0
    assert second.existing == first.created
    assert (
        ArticlePage.objects.count(),
        LiveUpdate.objects.count(),
        Reporter.objects.count(),
        ReadCount.objects.count(),
    ) == counts

    response = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert "가람일보" in response.content.decode()

    # The business side: a house ad in every slot, a sponsored story, a 속보 banner.
    front = response.content.decode()
    assert services.BREAKING_NEWS in front
    sponsored = ArticlePage.objects.get(sponsorship="sponsored")
    story = client.get(sponsored.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    section = client.get("/culture/", HTTP_HOST="127.0.0.1:8000").content.decode()
    for position, (_name, text, _link) in services.HOUSE_ADS.items():
        page = section if position == "section_top" else story
        assert f'class="ad-slot ad-{position} ' in page, position
        assert text in page, position
    assert "이 기사는 가람시의 협찬으로 제작됐습니다." in story

    # The big-news formats: a photo gallery, a video story and a live page.
    photo_story = ArticlePage.objects.get(kind=ArticleKind.PHOTO)
    html = client.get(photo_story.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert html.count('class="gallery-item"') == 5
    video_story = ArticlePage.objects.get(slug="f-video-solnae-apple-harvest")
    html = client.get(video_story.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert 'class="video"' in html
    assert "<iframe" not in html
    live_story = ArticlePage.objects.get(kind=ArticleKind.LIVE)
    assert live_story.is_live_running
    assert live_story.live_updates.values("reporter").distinct().count() == 2
    assert max(u.published_at for u in live_story.live_updates.all()) <= now
    html = client.get(live_story.url, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert html.count('class="live-update"') == 5


def test_seed_demo_command_prints_the_admin_login(capsys, monkeypatch):
    # `make demo HOST=192.168.0.10:8080` passes HOST on; the address printed is that one.
    monkeypatch.setenv("HOST", "192.168.0.10:8080")
    call_command("seed_demo", "--photo-size", "320x180")
    out = capsys.readouterr().out
    assert "Demo paper ready" in out
    assert "http://192.168.0.10:8080/admin/" in out
    assert "127.0.0.1:8000" not in out
    assert "admin / password sinmun-demo" in out
    assert "sinmun-demo" in out
    for username in ("jihoon", "seoyeon", "desk", "chief", "manager"):
        assert username in out


def test_the_demo_newsroom_has_every_role_and_every_state(client):
    from wagtail.models import WorkflowState

    from sinmun.demo import newsroom
    from sinmun.desk import services as desk

    services.load_demo(photo_size=(320, 180))
    newsroom.ensure_staff()
    assert newsroom.ensure_desk_stories() == 3
    for role in (desk.REPORTER, desk.DESK, desk.CHIEF, desk.ADMINISTRATOR):
        assert Group.objects.get(name=role).user_set.exists(), role
    # Each account signs in with the printed password (through the sign-in page, so the
    # login throttle sees a request).
    for account in newsroom.STAFF:
        response = client.post(
            "/admin/login/",
            {"username": account.username, "password": newsroom.DEMO_PASSWORD},
        )
        assert response.status_code == 302, account.username
        client.logout()
    states = {a.slug: a for a in ArticlePage.objects.filter(slug__startswith="desk-")}
    draft = states["desk-draft-transfer-parking"]
    waiting = states["desk-waiting-rice-prices"]
    scheduled = states["desk-scheduled-library-hours"]
    assert not draft.live
    assert draft.current_workflow_state is None
    assert not waiting.live
    assert waiting.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not scheduled.live
    assert scheduled.get_latest_revision().approved_go_live_at > timezone.now()
    assert Correction.objects.exists()  # and a corrected story, from the demo paper
    # Nothing of theirs is public yet.
    assert client.get(f"/news/{scheduled.pk}").status_code == 404
    # The editor-in-chief's lineup: the council budget is the top story.
    assert newsroom.ensure_front_page_lineup()
    front = client.get("/", HTTP_HOST="127.0.0.1:8000").content.decode()
    top = ArticlePage.objects.get(slug=newsroom.LINEUP_TOP_STORY)
    lead = front[front.index('class="card card-lead"') :]
    assert lead.index(top.title) < lead.index("</article>")
    # Loading again makes nothing new.
    newsroom.ensure_staff()
    assert newsroom.ensure_desk_stories() == 0
    assert not newsroom.ensure_front_page_lineup()


def test_the_demo_desk_has_two_readers_tips_once(client):
    from sinmun.demo import newsroom, tips
    from sinmun.tips.models import Tip

    newsroom.ensure_staff()
    assert tips.ensure_demo_tips() == 2
    assert tips.ensure_demo_tips() == 0
    new, assigned = Tip.objects.order_by("-received_at")
    assert new.status == "new"
    assert new.attachments.get().content_type == "image/jpeg"
    assert assigned.assignee.username == "jihoon"
    client.force_login(assigned.assignee)
    listing = client.get("/admin/tips/").content.decode()
    assert assigned.title in listing
    assert new.title not in listing


def test_the_demo_story_has_readers_comments_once(client):
    from sinmun.comments.models import Comment
    from sinmun.demo import comments, services

    services.load_demo(photo_size=(320, 180))
    assert comments.ensure_demo_comments() == 5
    assert comments.ensure_demo_comments() == 0
    story = comments.demo_story()
    thread = client.get(f"/news/{story.pk}/comments/list").text
    assert "옛 독자 김씨" in thread  # from the former website
    assert "외곽 노선은 마을버스로" in thread  # a reply
    assert "정류장 이름도" not in thread  # waits for the desk
    assert Comment.objects.filter(status="pending").count() == 1
