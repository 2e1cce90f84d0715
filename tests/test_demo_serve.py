"""`make demo`'s server (bin/demo-serve) as a reader meets it (issue #21, item 6).

DEBUG is off: a missing page is the paper's own 404 and a failing one its 500 page, never
Django's debug page; static files and photos are still served.
"""

import os
import signal
import subprocess

import pytest
import requests
from django.conf import settings

from sinmun.core.tests.processes import SharedDatabase, free_port, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_serves_the_papers_own_error_pages_and_its_static_files(
    paper, tmp_path
):
    database = SharedDatabase.of_test_database(tmp_path)
    port = free_port()
    log = (tmp_path / "demo.log").open("ab")
    server = subprocess.Popen(
        ["bin/demo-serve", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": database.url,
            "no_proxy": "127.0.0.1,localhost",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the server and its scheduler
    )
    base = f"http://127.0.0.1:{port}"

    def answers():
        try:
            return requests.get(base + "/", timeout=5)
        except requests.ConnectionError:
            return None

    try:
        front = wait_for(answers, what="bin/demo-serve")
        assert front.status_code == 200
        missing = requests.get(base + "/no-such-story/", timeout=10)
        css = requests.get(base + "/static/css/sinmun.css", timeout=10)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

    assert missing.status_code == 404
    assert (
        "페이지를 찾을 수 없습니다" in missing.text or "Page not found" in missing.text
    )
    assert (
        paper.settings.name in missing.text
    )  # the paper's masthead, not Django's page
    assert "DEBUG = True" not in missing.text
    assert "URLconf" not in missing.text
    assert css.status_code == 200
    assert "text/css" in css.headers["content-type"]
