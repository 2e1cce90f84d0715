"""/healthz, the load balancer's probe: 200 while pages can be served, 503 without a database.

Real parts in every state: a spare redis-server killed for the cache, rows in the task
queue's table, a weather observation, and a database connection to a closed port.
"""

import os
import socket
from contextlib import closing
from datetime import timedelta

import pytest
from django.db.utils import ConnectionHandler
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from sinmun.core import health
from sinmun.weather.tests.factories import observe, this_hour

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def queued_task(waited: timedelta) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        task_path="sinmun.articles.tasks.example",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status=TaskResultStatus.READY,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_healthy_app_answers_200_cheaply_without_cookies(
    client, django_assert_max_num_queries
):
    observe(159, this_hour(), 21.0)
    with django_assert_max_num_queries(4):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True}
    assert body["cache"]["ok"] is True
    assert body["cache"]["backend"] == (
        "redis" if os.environ.get("REDIS_URL") else "local-memory"
    )
    assert body["queue"] == {"ok": True, "ready": 0, "oldest_age_seconds": None}
    assert body["weather"]["ok"] is True
    assert body["weather"]["age_seconds"] < 3600


def test_dead_redis_is_degraded_not_down(client, redis_server, redis_cache):
    observe(159, this_hour(), 21.0)
    assert client.get("/healthz").json()["cache"] == {
        "ok": True,
        "backend": "redis",
        "breaker": "closed",
    }
    redis_server.kill()
    response = client.get("/healthz")
    assert response.status_code == 200  # Varnish keeps sending readers here
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"]["ok"] is False
    assert body["cache"]["breaker"] == "open"
    assert body["database"] == {"ok": True}


def test_a_task_waiting_too_long_and_old_weather_are_reported(client, settings):
    settings.SINMUN_HEALTH_QUEUE_MAX_AGE_SECONDS = 300
    queued_task(timedelta(seconds=30))
    queued_task(timedelta(minutes=20))
    observe(159, this_hour() - timedelta(days=1), 21.0)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["queue"]["ready"] == 2
    assert body["queue"]["ok"] is False
    assert 20 * 60 <= body["queue"]["oldest_age_seconds"] < 21 * 60
    assert body["weather"]["ok"] is False
    assert body["weather"]["age_seconds"] >= 24 * 3600


def test_no_weather_yet_is_degraded(client):
    body = client.get("/healthz").json()
    assert body["weather"] == {"ok": False, "age_seconds": None}
    assert body["status"] == "degraded"


def unreachable_databases() -> ConnectionHandler:
    """Return connections to a PostgreSQL port nothing listens on: a database that is down."""
    return ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": closed_port(),
                "NAME": "sinmun",
                "USER": "postgres",
                "OPTIONS": {"connect_timeout": 1},
            }
        }
    )


def test_unreachable_database_answers_503(client, monkeypatch):
    down = unreachable_databases()
    monkeypatch.setattr(health, "connections", down)
    try:
        response = client.get("/healthz")
    finally:
        down.close_all()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["database"] == {"ok": False, "error": "OperationalError"}
    assert "queue" not in body  # nothing else is asked of a database that is down
    assert "no-store" in response["Cache-Control"]
