from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from sinmun.tips.models import Tip
from sinmun.tips.tests.factories import PDF_BYTES, make_tip


def test_tips_past_their_retention_are_deleted_with_their_files(db):
    old = make_tip(
        title="작년 제보",
        received_at=timezone.now() - timedelta(days=400),
        files=[("공문.pdf", PDF_BYTES, "application/pdf")],
    )
    path = settings.SINMUN_PRIVATE_MEDIA_ROOT / old.attachments.get().file.name
    kept = make_tip(
        title="지난달 제보", received_at=timezone.now() - timedelta(days=30)
    )
    assert path.is_file()
    call_command("delete_expired_tips", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Tip.objects.all()) == [kept]
    assert not path.exists()


def test_the_scheduler_runs_the_retention_job_hourly():
    assert settings.SINMUN_SCHEDULED_JOBS["delete_expired_tips"] == 3600
