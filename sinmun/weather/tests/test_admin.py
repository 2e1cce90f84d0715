from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from sinmun.weather.models import FetchLog, Station
from sinmun.weather.tests.conftest import HOUR, NOW
from sinmun.weather.tests.factories import observe

pytestmark = pytest.mark.django_db


def test_stations_are_listed_in_ticker_order_and_editable(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_weather_station:list"))
    assert response.status_code == 200
    html = response.text
    assert html.index("동두천") < html.index("서울") < html.index("거제")
    station = Station.objects.get(number=108)
    edit = admin_client.get(
        reverse("wagtailsnippets_weather_station:edit", args=[station.pk])
    )
    assert edit.status_code == 200


def test_stations_can_be_reordered(admin_client):
    busan = Station.objects.get(number=159)
    response = admin_client.post(
        reverse("wagtailsnippets_weather_station:reorder", args=[busan.pk])
        + "?position=0"
    )
    assert response.status_code == 200
    assert Station.objects.first() == busan


def test_fetch_log_is_listed_with_its_message_and_read_only(admin_client):
    FetchLog.objects.create(
        started_at=NOW,
        source="api",
        status="failed",
        message="KMA answered HTTP 403: 활용신청",
    )
    response = admin_client.get(reverse("wagtailsnippets_weather_fetchlog:list"))
    assert response.status_code == 200
    assert "KMA answered HTTP 403: 활용신청" in response.text
    assert reverse("wagtailsnippets_weather_fetchlog:add") not in response.text
    add = admin_client.get(reverse("wagtailsnippets_weather_fetchlog:add"))
    assert add.status_code in (302, 403)
    log = FetchLog.objects.get()
    inspect = admin_client.get(
        reverse("wagtailsnippets_weather_fetchlog:inspect", args=[log.pk])
    )
    assert inspect.status_code == 200
    delete = admin_client.post(
        reverse("wagtailsnippets_weather_fetchlog:delete", args=[log.pk])
    )
    assert delete.status_code in (302, 403)
    assert FetchLog.objects.filter(pk=log.pk).exists()


def test_observations_are_listed_read_only(admin_client):
    observation = observe(108, HOUR, 8.4, "구름조금")
    response = admin_client.get(reverse("wagtailsnippets_weather_observation:list"))
    assert response.status_code == 200
    assert "구름조금" in response.text
    edit = admin_client.post(
        reverse("wagtailsnippets_weather_observation:edit", args=[observation.pk]),
        {"temperature": "30.0"},
    )
    assert edit.status_code in (302, 403)
    observation.refresh_from_db()
    assert observation.temperature == 8.4


def test_editor_with_view_permission_sees_the_fetch_log(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw-0123456789")
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_fetchlog"),
    )
    client.force_login(editor)
    assert (
        client.get(reverse("wagtailsnippets_weather_fetchlog:list")).status_code == 200
    )


def test_dashboard_shows_last_success_and_why_the_last_fetch_failed(admin_client):
    FetchLog.objects.create(started_at=NOW, source="api", status="ok", stored=16)
    FetchLog.objects.create(
        started_at=NOW + timedelta(minutes=10),
        source="api",
        status="failed",
        message="Could not reach KMA: timed out",
    )
    html = admin_client.get(reverse("wagtailadmin_home")).text
    assert "2026.11.27 14:12" in html
    assert "Could not reach KMA: timed out" in html


def test_dashboard_says_when_the_job_never_ran(admin_client):
    assert "fetch_weather" in admin_client.get(reverse("wagtailadmin_home")).text
