"""Who reads the reports that list every story's state (issue 20, item 8)."""

import logging

import pytest
from django.urls import reverse

from sinmun.articles.tests.factories import make_article
from sinmun.desk import services
from sinmun.desk.middleware import NEWSROOM_REPORTS
from sinmun.desk.tests.factories import make_user

pytestmark = pytest.mark.django_db

REPORTS = sorted(reverse(name) for name in NEWSROOM_REPORTS)


@pytest.fixture
def draft(paper):
    return make_article(
        paper.sections["society"],
        title="[엠바고] 가람시 새 청사 부지 발표",
        publish=False,
    )


@pytest.mark.parametrize("url", REPORTS)
def test_a_reporter_is_refused_and_the_refusal_logged(client, draft, url, caplog):
    client.force_login(make_user("jihoon", services.REPORTER))
    with caplog.at_level(logging.WARNING, logger="sinmun.security"):
        response = client.get(url)
    assert response.status_code == 403
    assert "엠바고" not in response.content.decode()
    assert "jihoon" in caplog.text


@pytest.mark.parametrize("url", REPORTS)
@pytest.mark.parametrize("role", [services.DESK, services.CHIEF])
def test_the_desk_and_the_chief_read_them(client, draft, url, role):
    client.force_login(make_user("editor", role))
    assert client.get(url).status_code == 200


def test_the_reports_menu_leaves_them_out_for_a_reporter(client, draft):
    client.force_login(make_user("jihoon", services.REPORTER))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    for url in REPORTS:
        assert f'"{url}"' not in html
    client.force_login(make_user("editor", services.DESK))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert any(f'"{url}"' in html for url in REPORTS)


def test_a_paper_can_let_its_reporters_read_them(client, draft, settings):
    settings.SINMUN_REPORTERS_SEE_NEWSROOM_REPORTS = True
    client.force_login(make_user("jihoon", services.REPORTER))
    for url in REPORTS:
        assert client.get(url).status_code == 200


def test_the_managers_account_role_does_not_read_them(client, draft):
    client.force_login(make_user("manager", services.ADMINISTRATOR))
    assert client.get(REPORTS[0]).status_code == 403
