"""The weekly origin report: the law wants at least 30% own reporting every week."""

from datetime import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from sinmun.articles import selectors
from sinmun.articles.models import ArticleOrigin
from sinmun.articles.selectors import KST, OriginWeek
from sinmun.articles.tests.factories import make_article
from sinmun.users.models import User

pytestmark = pytest.mark.django_db

REPORT = reverse("origin_report")
# A Wednesday noon in Korea; its week runs from Monday 2026-11-23 to Sunday 2026-11-29.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=KST)


def staff(username, *codenames):
    user = User.objects.create_user(username, password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return User.objects.get(pk=user.pk)  # fresh permission cache


def publish(section, when, origin, n=1):
    for i in range(n):
        make_article(section, title=f"{origin} {i}", origin=origin, published_at=when)


def test_an_article_at_sunday_2330_kst_counts_in_that_week(paper):
    society = paper.sections["society"]
    publish(society, datetime(2026, 11, 22, 23, 30, tzinfo=KST), ArticleOrigin.OWN)
    publish(society, datetime(2026, 11, 23, 0, 10, tzinfo=KST), ArticleOrigin.WIRE)
    this_week, last_week, *_ = selectors.origin_weeks(now=NOW)
    assert this_week.starts_on.isoformat() == "2026-11-23"
    assert this_week.is_current
    assert this_week.counts == {ArticleOrigin.WIRE: 1}
    assert last_week.starts_on.isoformat() == "2026-11-16"
    assert last_week.ends_on.isoformat() == "2026-11-22"
    assert last_week.counts == {ArticleOrigin.OWN: 1}


def test_twelve_weeks_newest_first_and_drafts_not_counted(paper):
    society = paper.sections["society"]
    make_article(society, title="초안", publish=False)
    publish(society, datetime(2026, 9, 1, 9, 0, tzinfo=KST), ArticleOrigin.OWN)
    weeks = selectors.origin_weeks(now=NOW)
    assert len(weeks) == 12
    assert [w.starts_on for w in weeks] == sorted(
        (w.starts_on for w in weeks), reverse=True
    )
    assert weeks[-1].starts_on.isoformat() == "2026-09-07"
    assert sum(w.total for w in weeks) == 0  # 9월 1일 is older than 12 weeks


def test_share_of_own_reporting_and_the_minimum():
    exactly = OriginWeek(
        starts_on=NOW.date(),
        counts={
            ArticleOrigin.OWN: 3,
            ArticleOrigin.WIRE: 5,
            ArticleOrigin.PRESS_RELEASE: 2,
        },
    )
    assert exactly.total == 10
    assert exactly.own_share == 30
    assert not exactly.is_below_minimum
    under = OriginWeek(
        starts_on=NOW.date(),
        counts={ArticleOrigin.OWN: 2, ArticleOrigin.PRESS_RELEASE: 5},
    )
    assert round(under.own_share, 1) == 28.6
    assert under.is_below_minimum
    empty = OriginWeek(starts_on=NOW.date(), counts={})
    assert empty.own_share is None
    assert empty.is_below_minimum  # the law also wants new articles every week
    assert [count for _label, count in under.by_origin] == [2, 5, 0, 0]


def test_report_warns_about_weeks_under_30_percent(client, paper):
    society = paper.sections["society"]
    this_week = selectors.week_start(datetime.now(KST))
    monday = datetime.combine(this_week, datetime.min.time(), tzinfo=KST)
    publish(society, monday.replace(hour=9), ArticleOrigin.OWN, n=1)
    publish(society, monday.replace(hour=10), ArticleOrigin.PRESS_RELEASE, n=3)
    client.force_login(staff("chief", "view_origin_report"))
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.text
    row = html[
        html.index('class="origin-week') : html.index(
            "</tr>", html.index('class="origin-week')
        )
    ]
    assert "is-below-minimum" in row
    assert "25.0%" in row
    assert f"{this_week:%Y.%m.%d}" in row


def test_report_needs_its_permission(client, paper):
    client.force_login(staff("reporter"))
    denied = client.get(REPORT)  # Wagtail sends the user home with a message
    assert denied.status_code == 302
    assert denied.url == reverse("wagtailadmin_home")
    assert client.get(REPORT, {"export": "csv"}).status_code == 302
    menu = client.get(reverse("wagtailadmin_home")).text
    assert REPORT not in menu
    assert "desk-own-share" not in menu

    client.force_login(staff("chief", "view_origin_report"))
    assert client.get(REPORT).status_code == 200
    home = client.get(reverse("wagtailadmin_home")).text
    assert REPORT in home
    assert 'id="desk-own-share' in home


def test_report_exports_a_spreadsheet(client, paper):
    publish(paper.sections["society"], datetime.now(KST), ArticleOrigin.OWN)
    client.force_login(staff("chief", "view_origin_report"))
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 13
    assert lines[1].endswith(",1,1,100.0")
