"""Lighthouse's accessibility audit of the running demo (make demo) on every reader page
type it can find, as a phone and as a desktop. Prints each score and every failed audit;
exits 1 unless every page scores 100.

.venv/bin/python bin/lighthouse.py [http://127.0.0.1:8000]

Lighthouse (pinned in tests/node/, installed by `make a11y-deps`) drives Debian's Chromium,
one headless browser for all the runs. The suite's page checks (tests/test_page_checks.py)
run axe-core, the engine behind most of Lighthouse's audits, on every page type; this adds
Lighthouse's own scoring and its few audits beyond axe.
"""

import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "var" / "node" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
FORM_FACTORS = {"phone": [], "desktop": ["--preset=desktop"]}


KINDS = {  # page type -> the first link of this shape on the pages read
    "article": r"/news/\d+",
    "reporter": r"/reporters/[^/\"]+/",
    "columnist": r"/columnists/[^/\"]+/",
    "series": r"/series/[^/\"]+/",
    "tag": r"/tags/[^/\"]+/",
}


FORMATS = {
    "photo-gallery": "[포토]",
    "video": "[영상]",
    "live": "[실시간]",
}  # headline marks
LISTS = ("/", "/society/", "/economy/", "/politics/", "/culture/", "/region/")


def formats(base: str) -> dict[str, str]:
    """The first story of each big-news format linked from the front and section pages."""
    found = {}
    for path in LISTS:
        html = urllib.request.urlopen(base + path).read().decode()
        for link, text in re.findall(
            r'<a href="(/news/\d+)"[^>]*>(.*?)</a>', html, re.S
        ):
            headline = re.sub(r"<[^>]+>", "", text).strip()
            for name, mark in FORMATS.items():
                if headline.startswith(mark) and name not in found:
                    found[name] = link
    return found


def page_types(base: str) -> dict[str, str]:
    """Each public page type's address, found by following the demo's own links: the front
    page, the opinion section and the first few stories they link to."""
    read, found = [], {}
    opinion = urllib.request.urlopen(base + "/opinion/").read().decode()
    for link in re.findall(r'href="(/news/\d+)"', opinion):
        if "/columnists/" in urllib.request.urlopen(base + link).read().decode():
            found["column"] = link  # a story with a columnist's byline
            break
    queue = ["/", *found.values()]
    while queue and len(read) < 12 and len(found) < len(KINDS) + 1:
        path = queue.pop(0)
        html = urllib.request.urlopen(base + path).read().decode()
        read.append(path)
        for name, pattern in KINDS.items():
            links = re.findall(f'href="({pattern})"', html)
            if links and name not in found:
                found[name] = links[0]
        queue += re.findall(r'href="(/news/\d+)"', html)[:4]
    return {
        "front": "/",
        "section": "/society/",
        "subsection": "/society/incidents/",
        **found,
        **formats(base),
        "comments": found["article"] + "/comments/",
        "reader-sign-in": "/accounts/login/",
        "search": "/search/?q=" + quote("축제"),
        "search-form": "/search/",
        "tip-form": "/tips/",
        "newsletter": "/newsletter/",
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def audit(url: str, port: int, flags: list[str], out: Path) -> tuple[float, list[str]]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--port={port}",
            "--only-categories=accessibility",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            *flags,
        ],
        check=True,
        timeout=180,
    )
    report = json.loads(out.read_text())
    failed = [
        f"{key}: {result['title']}"
        for key, result in report["audits"].items()
        if result.get("scoreDisplayMode") in ("binary", "numeric")
        and result.get("score") is not None
        and result["score"] < 1
    ]
    return report["categories"]["accessibility"]["score"] or 0.0, failed


def main() -> int:
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make a11y-deps`.")
    port = free_port()
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):  # until the browser listens
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version")
                    break
                except OSError:
                    time.sleep(0.1)
            below = 0
            out = Path(profile) / "report.json"
            for name, path in page_types(base).items():
                for factor, flags in FORM_FACTORS.items():
                    score, failed = audit(base + path, port, flags, out)
                    below += score < 1
                    print(f"{round(score * 100):>4}  {factor:<8} {name:<14} {path}")
                    for line in failed:
                        print(f"        {line}")
        finally:
            browser.terminate()
            browser.wait(timeout=10)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
