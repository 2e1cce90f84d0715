"""Content-Security-Policy on every reader page type and on the admin (docs/decisions/0007)."""

import json
import logging
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache

from sinmun.articles.tests.factories import make_article, make_photo
from sinmun.core.models import NewspaperSettings
from sinmun.newsroom.tests.factories import ColumnistFactory, ColumnSeriesFactory
from tests.browser import chromium

pytestmark = pytest.mark.django_db
KST = ZoneInfo("Asia/Seoul")


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (
            part.split() for part in header.split(";") if part.strip()
        )
    }


@pytest.fixture
def reader_pages(paper, reporter):
    """One address of every reader page type."""
    columnist = ColumnistFactory(name="김민정", slug="kim-minjung")
    series = ColumnSeriesFactory(title="가람 산책", slug="garam-walk")
    story = make_article(
        paper.sections["society"],
        title="가람시, 시내버스 노선 18개 조정",
        reporters=[reporter],
        lead_image=make_photo(),
        tags=["버스"],
    )
    make_article(
        paper.sections["politics"],
        title="[가람 산책] 골목의 봄",
        kind="column",
        columnist=columnist,
        series=series,
    )
    return {
        "front": "/",
        "section": "/society/",
        "article": f"/news/{story.pk}",
        "reporter": f"/reporters/{reporter.slug}/",
        "columnist": "/columnists/kim-minjung/",
        "series": "/series/garam-walk/",
        "tag": "/tags/버스/",
        "search": "/search/?q=버스",
        "not found": "/no-such-page/",
    }


def test_every_reader_page_type_has_a_strict_policy(client, reader_pages):
    for kind, url in reader_pages.items():
        response = client.get(url)
        assert response.status_code == (404 if kind == "not found" else 200), kind
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], kind
        assert policy["script-src"] == ["'self'"], kind
        assert policy["object-src"] == ["'none'"], kind
        assert policy["frame-ancestors"] == ["'self'"], kind
        assert policy["report-uri"] == ["/csp-report"], kind
        assert "nonce-" not in response["Content-Security-Policy"], kind
        # Cacheable and alike for everyone: no cookie, no per-reader value.
        assert not response.cookies, kind
        assert (
            client.get(url)["Content-Security-Policy"]
            == response["Content-Security-Policy"]
        )


def test_reader_pages_have_no_inline_script(client, reader_pages):
    for kind, url in reader_pages.items():
        html = client.get(url).content.decode()
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            if 'type="application/ld+json"' in attrs:
                continue  # structured data, not run (CSP does not apply to data blocks)
            assert "src=" in attrs, (kind, attrs)
            assert not body.strip(), (kind, body[:80])
        assert not re.search(r"\son[a-z]+=", html), kind
        assert "javascript:" not in html, kind


def test_feeds_and_json_get_the_base_policy(client, paper):
    assert "default-src 'self'" in client.get("/rss/")["Content-Security-Policy"]


def test_the_admin_gets_its_own_policy(client):
    policy = directives(client.get("/admin/login/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_papers_third_parties_come_from_the_site_settings(client, paper, reporter):
    settings_row = NewspaperSettings.objects.get()
    settings_row.external_scripts = "https://ads.example.com/tag.js"
    settings_row.external_img_sources = "https://pixel.example.net"
    settings_row.external_connect_sources = "https://collect.example.net"
    settings_row.full_clean()
    settings_row.save()
    response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "https://ads.example.com"]
    assert "https://pixel.example.net" in policy["img-src"]
    assert policy["connect-src"] == ["'self'", "https://collect.example.net"]
    assert '<script src="https://ads.example.com/tag.js" async></script>' in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "value",
    [
        "'unsafe-inline'",
        "https://ads.example.com; script-src *",
        "http://ads.example.com",
        "*",
        "data:",
        "https://ads.example.com 'unsafe-eval'",
    ],
)
def test_a_source_that_would_loosen_the_policy_is_refused(paper, value):
    from django.core.exceptions import ValidationError

    settings_row = NewspaperSettings.objects.get()
    settings_row.external_script_sources = value
    with pytest.raises(ValidationError) as error:
        settings_row.full_clean()
    assert "external_script_sources" in error.value.message_dict


def test_a_violation_report_is_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://garam.example/news/1",
            "violated-directive": "script-src-elem",
            "blocked-uri": "https://evil.example/x.js\nFAKE LINE",
        }
    }
    with caplog.at_level(logging.WARNING, logger="sinmun.csp"):
        response = client.post(
            "/csp-report", json.dumps(report), content_type="application/csp-report"
        )
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    [line] = [r.getMessage() for r in caplog.records if r.name == "sinmun.csp"]
    assert "script-src-elem" in line
    assert "\n" not in line  # the reporter's newline cannot forge a log line


def test_reporting_api_reports_are_logged_too(client, caplog):
    body = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://garam.example/",
                "effectiveDirective": "img-src",
                "blockedURL": "https://tracker.example/p.gif",
            },
        }
    ]
    with caplog.at_level(logging.WARNING, logger="sinmun.csp"):
        response = client.post(
            "/csp-report", json.dumps(body), content_type="application/reports+json"
        )
    assert response.status_code == 204
    assert any("tracker.example" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[]", b'{"csp-report": 3}', b"\xff\xfe", b"[1, 2]", b"null"],
)
def test_a_bad_report_is_a_400_never_a_500(client, body):
    response = client.post("/csp-report", body, content_type="application/csp-report")
    assert response.status_code == 400


def test_a_huge_report_is_refused(client):
    response = client.post(
        "/csp-report", b"{" + b" " * 100_000 + b"}", content_type="application/json"
    )
    assert response.status_code == 400


def test_reports_are_rate_limited_per_address(client, caplog, settings):
    settings.SINMUN_CSP_REPORTS_PER_MINUTE = 5
    report = json.dumps({"csp-report": {"violated-directive": "img-src"}})
    cache.clear()
    # One minute's window, however slowly the machine posts (a new minute is a new count).
    with (
        time_machine.travel(datetime(2026, 5, 2, 10, 0, 5, tzinfo=KST), tick=False),
        caplog.at_level(logging.WARNING, logger="sinmun.csp"),
    ):
        for _ in range(20):
            response = client.post(
                "/csp-report", report, content_type="application/csp-report"
            )
            assert response.status_code == 204
        client.post(
            "/csp-report",
            report,
            content_type="application/csp-report",
            REMOTE_ADDR="192.0.2.8",
        )
    assert len([r for r in caplog.records if r.name == "sinmun.csp"]) == 6


def test_a_get_is_refused(client):
    assert client.get("/csp-report").status_code == 405


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_browser_finds_no_csp_violation_and_no_inline_script(
    live_server, reader_pages
):
    with chromium() as browser:
        page = browser.new_page()
        # Devtools' init scripts are not subject to the page's policy.
        page.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        violations = []
        page.on(
            "console",
            lambda m: (
                violations.append(m.text)
                if "Content Security Policy" in m.text
                or "Content-Security-Policy" in m.text
                else None
            ),
        )
        for kind, url in reader_pages.items():
            page.goto(live_server.url + url)
            page.wait_for_load_state("networkidle")
            found = page.evaluate(
                """() => {
                    const events = window.__cspViolations || [];
                    const inline = [...document.scripts].filter(
                        s => !s.src && s.type !== 'application/ld+json').length;
                    return {inline, events};
                }"""
            )
            assert found["inline"] == 0, kind
            assert found["events"] == [], kind
        assert violations == []
