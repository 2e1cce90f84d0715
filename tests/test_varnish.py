"""The shipped edge (deploy/varnish/sinmun.vcl) in front of the real app.

Runs Debian's varnishd with the VCL and the parameters `deploy/run edge` uses, its backend
pointed at pytest-django's live server, and checks what readers get: public pages cached with
their surrogate keys, the newsroom passed through, a publish or an unpublish visible at once,
and the last good copy when the origin cannot be reached.
"""

import gzip
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from sinmun.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(settings.BASE_DIR)
VCL = ROOT / "deploy" / "varnish" / "sinmun.vcl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vcl_for(port: int) -> str:
    text = VCL.read_text()
    assert '.port = "8001";' in text
    return text.replace('.port = "8001";', f'.port = "{port}";')


class Edge:
    def __init__(self, backend_port: int):
        self.dir = Path(tempfile.mkdtemp(prefix="sinmun-test-edge-"))
        self.dir.chmod(0o755)  # varnishd's jailed child reads its workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loaded = 0
        (self.dir / "sinmun.vcl").write_text(vcl_for(backend_port))
        # The same tuning as production: deploy/run edge's -p options.
        params = re.findall(r"-p (\S+)", (ROOT / "deploy" / "run").read_text())
        subprocess.run(
            [
                "varnishd",
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(self.dir / "sinmun.vcl"),
            ]
            + [
                "-n",
                str(self.dir / "work"),
                "-s",
                "malloc,32m",
                "-P",
                str(self.dir / "pid"),
            ]
            + [arg for p in params for arg in ("-p", p)],
            check=True,
            capture_output=True,
        )
        for _ in range(100):
            if self.get("/robots.txt")[0]:
                break
            time.sleep(0.05)

    def admin(self, *args: str) -> str:
        return subprocess.run(
            ["varnishadm", "-n", str(self.dir / "work"), *args],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def use_backend(self, port: int) -> None:
        """Load the VCL again with another backend port; the cache is kept."""
        self.loaded += 1
        path = self.dir / f"sinmun{self.loaded}.vcl"
        path.write_text(vcl_for(port))
        self.admin("vcl.load", f"v{self.loaded}", str(path))
        self.admin("vcl.use", f"v{self.loaded}")

    def get(self, path: str, **headers: str) -> tuple[int, dict, str]:
        return self.request("GET", path, headers)

    def request(self, method: str, path: str, headers: dict) -> tuple[int, dict, str]:
        request = urllib.request.Request(
            self.url + path, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()
        except (urllib.error.URLError, OSError):
            return 0, {}, ""

    def stop(self) -> None:
        pid = int((self.dir / "pid").read_text())
        subprocess.run(["kill", "-TERM", str(pid)], check=False)
        for _ in range(100):
            try:
                Path(f"/proc/{pid}").stat()
            except FileNotFoundError:
                break
            time.sleep(0.05)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def module_edge(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    edge = Edge(port)
    edge.backend_port = port
    yield edge
    edge.stop()


@pytest.fixture
def edge(module_edge, settings):
    """The edge, emptied, with the app purging it (as SINMUN_EDGE_URL does in production)."""
    module_edge.admin("ban", "req.url ~ .")
    module_edge.use_backend(module_edge.backend_port)
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "sinmun.core.edge_backends.XkeyBackend",
            "LOCATION": module_edge.url,
        }
    }
    return module_edge


def debug(edge: Edge, path: str, **headers: str) -> tuple[int, dict, str]:
    return edge.get(path, **{"X-Sinmun-Debug": "1", **headers})


def test_public_page_is_cached_with_its_keys_and_without_cookies(edge, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    path = f"/news/{story.pk}"

    first = debug(edge, path, Cookie="sessionid=abc; csrftoken=def")
    second = debug(edge, path, Cookie="sessionid=other")
    plain = edge.get(path)

    assert first[0] == second[0] == 200
    assert (first[1]["X-Cache"], second[1]["X-Cache"]) == ("MISS", "HIT")
    assert f"a{story.pk}" in second[1]["xkey"].split()
    assert "public" in second[1]["Cache-Control"]
    assert "Surrogate-Control" not in second[1]
    assert "Set-Cookie" not in second[1]
    assert "xkey" not in plain[1]
    assert plain[1]["X-Cache"] == "HIT"


def test_newsroom_and_posts_pass_through_uncached(edge, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])

    admin = [debug(edge, "/admin/login/", Cookie="sessionid=abc") for _ in range(2)]
    read = edge.request("POST", f"/news/{story.pk}/read", {})

    assert [r[1]["X-Cache"] for r in admin] == ["PASS", "PASS"]
    assert all("xkey" not in r[1] for r in admin)
    assert (read[0], read[1]["X-Cache"]) == (204, "PASS")


def test_published_headline_shows_on_the_article_and_front_page_at_once(
    edge, paper, reporter
):
    story = make_article(paper.sections["society"], reporters=[reporter])
    paths = [f"/news/{story.pk}", "/"]
    for path in paths:
        edge.get(path)
    assert [edge.get(path)[1]["X-Cache"] for path in paths] == ["HIT", "HIT"]

    story.title = "가람시의회, 시내버스 노선 조정안 의결"
    story.save_revision().publish()

    for path in paths:
        status, _, body = edge.get(path)
        assert status == 200
        assert "가람시의회, 시내버스 노선 조정안 의결" in body


def test_unpublished_story_answers_404_at_once(edge, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    path = f"/news/{story.pk}"
    edge.get(path)
    assert edge.get(path)[1]["X-Cache"] == "HIT"

    story.unpublish()

    assert edge.get(path)[0] == 404


def test_unreachable_origin_serves_the_last_good_copy_unless_hard_purged(
    edge, paper, reporter
):
    story = make_article(paper.sections["society"], reporters=[reporter])
    path = f"/news/{story.pk}"
    edge.get(path)
    assert edge.get(path)[1]["X-Cache"] == "HIT"

    edge.use_backend(free_port())  # nothing listens there
    soft = edge.request("PURGE", "/", {"xkey-softpurge": f"a{story.pk}"})
    stale = edge.get(path)
    hard = edge.request("PURGE", "/", {"xkey-purge": f"a{story.pk}"})
    gone = edge.get(path)

    assert soft[0] == 200
    assert stale[0] == 200
    assert "가람시, 시내버스 노선 18개 조정" in stale[2]
    assert hard[0] == 200
    assert gone[0] == 503


def test_url_purge_drops_that_url_only(edge, paper, reporter):
    story = make_article(paper.sections["society"], reporters=[reporter])
    paths = [f"/news/{story.pk}", "/"]
    for path in paths:
        edge.get(path)

    purged = edge.request("PURGE", paths[0], {})

    assert purged[0] == 200
    assert [edge.get(path)[1]["X-Cache"] for path in paths] == ["MISS", "HIT"]


def test_gzip_from_the_app_is_cached_once_and_unzipped_for_plain_clients(
    edge, paper, reporter
):
    story = make_article(paper.sections["society"], reporters=[reporter])
    path = f"/news/{story.pk}"

    def fetch(**headers):
        request = urllib.request.Request(
            edge.url + path, headers={"X-Sinmun-Debug": "1", **headers}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return dict(response.headers), response.read()

    zipped_headers, zipped = fetch(**{"Accept-Encoding": "gzip"})
    plain_headers, plain = fetch()

    assert zipped_headers["Content-Encoding"] == "gzip"
    assert story.title in gzip.decompress(zipped).decode()
    assert "Accept-Encoding" in zipped_headers["Vary"]
    # One object at the edge: the plain reader is served from it, unzipped.
    assert (zipped_headers["X-Cache"], plain_headers["X-Cache"]) == ("MISS", "HIT")
    assert "Content-Encoding" not in plain_headers
    assert story.title in plain.decode()
