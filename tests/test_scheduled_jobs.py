"""The shipped jobs under a real scheduler process: a hanging KMA holds nothing else up."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from pytest_httpserver import HTTPServer

from sinmun.articles.tests.factories import make_article
from sinmun.core.tests.processes import SharedDatabase, start_scheduler, stop, wait_for
from sinmun.weather.tests.conftest import API_KEY, FakeKma
from sinmun.weather.tests.factories import seed_stations


@pytest.fixture
def hanging_kma():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    kma = FakeKma(server)
    kma.hang(60)
    yield kma
    kma.finish()
    server.clear()
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_a_hanging_kma_does_not_hold_up_scheduled_publishing(
    paper, hanging_kma, tmp_path
):
    go_live = timezone.now() - timedelta(minutes=1)
    # The desk scheduled the story an hour ago, for a minute ago.
    with time_machine.travel(go_live - timedelta(hours=1), tick=True):
        story = make_article(
            paper.sections["society"],
            title="가람시 예산안 엠바고 해제",
            publish=False,
            go_live_at=go_live,
        )
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    seed_stations()
    database = SharedDatabase.of_test_database(tmp_path)
    log = tmp_path / "scheduler.log"

    def live() -> bool:
        rows = database.rows(
            "SELECT live FROM wagtailcore_page WHERE id = %s", (story.pk,)
        )
        return bool(rows[0][0])

    def weather_lease():
        return database.lease("fetch_weather") or {}

    process = start_scheduler(
        database,
        "--job",
        "fetch_weather",
        "--job",
        "publish_scheduled",
        log=log,
        SINMUN_KMA_API_KEY=API_KEY,
        SINMUN_KMA_API_URL=hanging_kma.url,
    )
    try:
        assert hanging_kma.hanging.wait(90), log.read_text()
        wait_for(live, timeout=90, what="the due story to go live")
        # fetch_weather started first and is still waiting on KMA.
        lease = weather_lease()
        assert lease["holder"], log.read_text()
        assert lease["finished"] is None
        assert hanging_kma.in_flight >= 1
    finally:
        stop(process)
    text = log.read_text()
    assert text.index("job fetch_weather started") < text.index(
        "job publish_scheduled started"
    )
