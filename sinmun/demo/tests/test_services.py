"""The demo paper a new user sees after `make demo`, loaded twice."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from sinmun.articles.models import ArticleKind, ArticlePage, Correction, ReadCount
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
        Reporter.objects.count(),
        ReadCount.objects.count(),
    )
    second = services.load_demo(now=now, photo_size=(480, 270))
    assert second.created == 0
    assert second.existing == first.created
    assert (
        ArticlePage.objects.count(),
        Reporter.objects.count(),
        ReadCount.objects.count(),
    ) == counts

    response = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert "가람일보" in response.content.decode()


def test_seed_demo_command_prints_the_admin_login(capsys):
    call_command("seed_demo", "--photo-size", "320x180")
    out = capsys.readouterr().out
    assert "Demo paper ready" in out
    assert "http://127.0.0.1:8000/admin/" in out
    assert "admin / password sinmun-demo" in out
