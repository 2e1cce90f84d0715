"""The production stack side by side, in one run (`make bench-stack`).

    .venv/bin/python -m bench.stack [--rounds 3] [--seconds 10] [--publishes 5]
                                    [--no-postgres-restart]

Brings the stack up (`bin/stack up`, harmless when it is up), then measures with wrk
(`-t1 -c32`, bounded by `-d`, 127.0.0.1 only), in interleaved rounds:

- nginx serving the article page's bytes as a static file (unprivileged, a temporary config
  on 127.0.0.1:8090), the cached article and front page at the edge (Varnish, :8080), and the
  article and front page at the origin (:8001); medians, p99 and the edge/nginx ratio;
- publish-to-visible at the edge: a new headline published with Wagtail's API until it shows
  on the article, the front page and /rss/ (median of several publishes);
- faults under load: the stack's own Redis (127.0.0.1:6380) hung with SIGSTOP, then stopped
  and started; and the shared PostgreSQL restarted (skip with --no-postgres-restart, it
  disturbs everything else using it). During each, the edge is loaded with every warmed
  page while their surrogate keys are soft-purged every 0.5 s, so the edge keeps asking the
  origin; non-2xx and 5xx are counted at the edge and at the origin.

The figures replace the "production stack" section of docs/benchmarks.md.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "var" / "stack"
EDGE = "http://127.0.0.1:8080"
ORIGIN = "http://127.0.0.1:8001"
NGINX_PORT = 8090
DOC = ROOT / "docs" / "benchmarks.md"
DOC_START = "<!-- bench-stack:start -->"
DOC_END = "<!-- bench-stack:end -->"
MARK = "BENCH-STACK"

# wrk counts every response by status when a Lua `response` is defined: only the fault runs
# pay for it.
COUNTING_SCRIPT = """
local threads = {}
local paths = {%(paths)s}
function setup(thread) table.insert(threads, thread) end
function init(args) n5xx = 0; n_other = 0; i = 0 end
function request()
  i = i %% #paths + 1
  return wrk.format(nil, paths[i])
end
function response(status, headers, body)
  if status >= 500 then n5xx = n5xx + 1
  elseif status >= 400 then n_other = n_other + 1 end
end
function done(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("n5xx"); b = b + t:get("n_other") end
  io.write(string.format("COUNTS %%d %%d\\n", a, b))
end
"""


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def get(url: str, headers: dict | None = None) -> tuple[int, Message | dict, bytes]:
    """GET `url`; the headers answer `.get(name)` in any case (granian sends lower case)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except (urllib.error.URLError, OSError):
        return 0, {}, b""


def purge(header: str, keys: str) -> int:
    request = urllib.request.Request(EDGE + "/", method="PURGE", headers={header: keys})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


# What a browser (and Varnish, asking the origin) sends: every target is asked the same way.
# Without it the edge would unzip its stored copy for every request, which no reader costs.
READER = {"Accept-Encoding": "gzip"}


def wrk(
    url: str, seconds: int, connections: int = 32, script: str | None = None
) -> dict:
    """Run wrk against `url` (127.0.0.1 only) as a reader's browser asks, and return its figures."""
    assert url.startswith("http://127.0.0.1:"), url
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += [
        arg for name, value in READER.items() for arg in ("-H", f"{name}: {value}")
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        if script:
            lua.write(script)
            command += ["-s", lua.name]
    try:
        out = subprocess.run(
            [*command, url], capture_output=True, text=True, check=True
        ).stdout
    finally:
        os.unlink(lua.name)
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p99_ms": milliseconds(re.search(r"\n\s+99%\s+(\S+)", out).group(1)),
        "non_2xx": int(m.group(1)) if (m := re.search(r"Non-2xx.*?(\d+)", out)) else 0,
        "socket_errors": sum(
            int(n)
            for n in re.findall(
                r"(?:connect|read|write|timeout) (\d+)", out.split("Socket errors:")[-1]
            )
        )
        if "Socket errors:" in out
        else 0,
    }
    if m := re.search(r"COUNTS (\d+) (\d+)", out):
        figures["5xx"], figures["4xx"] = int(m.group(1)), int(m.group(2))
    return figures


def stack(*args: str) -> str:
    return subprocess.run(
        ["bin/stack", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def django(code: str) -> dict:
    """Run `code` in the stack's `manage.py shell`; return the JSON it prints after MARK."""
    out = stack("manage", "shell", "-c", code)
    line = next(line for line in out.splitlines() if line.startswith(MARK))
    return json.loads(line[len(MARK) :])


# --- runs inside the stack's Django (manage.py shell) -------------------------------------


def publish_rounds(publishes: int) -> None:
    """Publish `publishes` new headlines on the newest story; print seconds until visible."""
    from sinmun.articles.models import ArticlePage

    page = ArticlePage.objects.live().order_by("-first_published_at").first()
    original = page.title
    paths = [f"/news/{page.pk}", "/", "/rss/"]
    rounds = []
    try:
        for n in range(publishes):
            headline = f"벤치 {n + 1}차 새 제목 {time.strftime('%H%M%S')}"
            page.title = headline
            page.save_revision().publish()
            rounds.append(_seconds_until_visible(paths, headline.encode()))
    finally:
        page.title = original
        page.save_revision().publish()
    sys.stdout.write(MARK + json.dumps({"paths": paths, "rounds": rounds}) + "\n")


def _seconds_until_visible(paths: list[str], needle: bytes) -> dict:
    started = time.monotonic()
    seen: dict[str, float | None] = {}

    def poll(path: str) -> None:
        while time.monotonic() - started < 10:
            if needle in get(EDGE + path)[2]:
                seen[path] = round(time.monotonic() - started, 4)
                return
            time.sleep(0.005)
        seen[path] = None

    threads = [threading.Thread(target=poll, args=(p,)) for p in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seen


# --- the measurements ---------------------------------------------------------------------


class Nginx:
    """nginx serving `body` as /article from a temporary directory, unprivileged.

    `body` is the page as the edge sends it to a reader (gzip), sent with the same
    Content-Encoding: the same bytes on the wire.
    """

    def __init__(self, body: bytes, encoding: str = ""):
        self.dir = Path(tempfile.mkdtemp(prefix="sinmun-bench-nginx-"))
        (self.dir / "www").mkdir()
        (self.dir / "www" / "article.html").write_bytes(body)
        self.dir.chmod(0o755)
        (self.dir / "nginx.conf").write_text(
            f"""
worker_processes 2;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type text/html;
    client_body_temp_path {self.dir}/tmp;
    server {{
        listen 127.0.0.1:{NGINX_PORT};
        root {self.dir}/www;
        location = /article {{ {f"add_header Content-Encoding {encoding};" if encoding else ""} try_files /article.html =404; }}
    }}
}}
"""
        )

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                "nginx",
                "-p",
                str(self.dir),
                "-c",
                str(self.dir / "nginx.conf"),
                "-e",
                str(self.dir / "error.log"),
                "-g",
                "daemon off;",
            ]
        )
        for _ in range(100):
            if get(f"http://127.0.0.1:{NGINX_PORT}/article")[0] == 200:
                return self
            time.sleep(0.1)
        raise SystemExit("nginx did not start; see " + str(self.dir / "error.log"))

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def side_by_side(article: str, rounds: int, seconds: int) -> dict:
    status, headers, body = get(EDGE + article, READER)
    assert status == 200, f"{article} answered {status} at the edge"
    targets = {
        "nginx: the article as a static file": f"http://127.0.0.1:{NGINX_PORT}/article",
        "edge: the article (cached)": EDGE + article,
        "edge: the front page (cached)": EDGE + "/",
        "origin: the article": ORIGIN + article,
        "origin: the front page": ORIGIN + "/",
    }
    cache_status = {}
    for name, url in targets.items():
        if url.startswith(EDGE):
            get(url, READER)
            cache_status[name] = get(url, READER)[1].get("X-Cache", "?")
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    with Nginx(body, encoding=headers.get("Content-Encoding", "")):
        for n in range(rounds):
            for name, url in targets.items():
                get(url, READER)
                runs[name].append(wrk(url, seconds))
                say(
                    f"  round {n + 1} {name}: {runs[name][-1]['rps']:.0f} req/s, "
                    f"p99 {runs[name][-1]['p99_ms']:.1f} ms"
                )
    summary = {
        name: {
            "rps": statistics.median(r["rps"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "rounds": [round(r["rps"]) for r in results],
            "non_2xx": sum(r["non_2xx"] + r["socket_errors"] for r in results),
        }
        for name, results in runs.items()
    }
    return {
        "bytes": len(body),
        "encoding": headers.get("Content-Encoding", "identity"),
        "cache_status": cache_status,
        "targets": summary,
    }


def warmed_keys(paths: list[str]) -> str:
    """Warm every path at the edge; return all the surrogate keys they carry."""
    keys: set[str] = set()
    for path in paths:
        get(EDGE + path)
        keys |= set(
            get(EDGE + path, {"X-Sinmun-Debug": "1"})[1].get("xkey", "").split()
        )
    return " ".join(sorted(keys))


def under_load(
    fault,
    paths: list[str],
    keys: str,
    article: str,
    seconds: int,
    fault_at: float = 2.0,
) -> dict:
    """Load the edge (every path) and the origin (the article) while `fault()` runs."""
    script = COUNTING_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)}
    results: dict[str, dict] = {}
    stop_purging = threading.Event()

    def load(name: str, url: str, lua: str) -> None:
        results[name] = wrk(url, seconds, connections=16, script=lua)

    def soft_purges() -> None:
        while keys and not stop_purging.wait(0.5):
            purge("xkey-softpurge", keys)

    origin_script = COUNTING_SCRIPT % {"paths": json.dumps(article)}
    threads = [
        threading.Thread(target=load, args=("edge", EDGE + "/", script)),
        threading.Thread(target=load, args=("origin", ORIGIN + "/", origin_script)),
        threading.Thread(target=soft_purges),
    ]
    for thread in threads:
        thread.start()
    time.sleep(fault_at)
    notes = fault()
    for thread in threads[:2]:
        thread.join()
    stop_purging.set()
    threads[2].join()
    return {**results, **(notes or {})}


def pid(name: str) -> int:
    return int((STACK / f"{name}.pid").read_text())


def redis_hung() -> dict:
    redis = pid("redis")
    os.kill(redis, signal.SIGSTOP)
    time.sleep(4)
    os.kill(redis, signal.SIGCONT)
    return {"fault": "Redis hung (SIGSTOP) for 4 s"}


def redis_stopped() -> dict:
    stack("stop", "redis")
    time.sleep(4)
    stack("start", "redis")
    return {"fault": "Redis stopped for 4 s, then started"}


def postgres_restarted() -> dict:
    major = sorted(
        os.listdir("/etc/postgresql"), key=lambda v: [int(x) for x in v.split(".")]
    )[-1]
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", major, "main", "restart"],
        check=True,
    )
    return {
        "fault": f"PostgreSQL {major} restarted",
        "restart_seconds": round(time.monotonic() - started, 2),
    }


def recovery(article: str, web_pid: int) -> dict:
    """Seconds until the origin serves the article again, and whether the app restarted."""
    started = time.monotonic()
    while time.monotonic() - started < 60:
        if get(ORIGIN + article)[0] == 200:
            break
        time.sleep(0.1)
    return {
        "origin_recovered_after_s": round(time.monotonic() - started, 2),
        "origin_status_after": get(ORIGIN + article)[0],
        "app_server_restarted": pid("web") != web_pid,
    }


def markdown(results: dict) -> str:
    side = results["side_by_side"]
    nginx = side["targets"]["nginx: the article as a static file"]["rps"]
    lines = [
        DOC_START,
        f"## Production stack ({results['when']}), `make bench-stack`",
        "",
        f"wrk `-t1 -c32 -d{results['seconds']}s`, {results['rounds']} interleaved rounds "
        f"on this 2-core machine (load average {results['load']} at the start), the demo "
        f"paper on PostgreSQL + Redis, app server: {results['app_server']}. Every target "
        "is asked as a browser (and Varnish, of the origin) asks: `Accept-Encoding: gzip`. "
        f"The article page is {side['bytes']:,} bytes as the edge sends it "
        f"({side.get('encoding', 'identity')}); nginx serves the same bytes as a static file.",
        "",
        "| what | req/s (median) | rounds | p99 ms | × nginx | errors |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, t in side["targets"].items():
        lines.append(
            f"| {name} | {t['rps']:,.0f} | {' / '.join(f'{r:,}' for r in t['rounds'])} "
            f"| {t['p99_ms']:.1f} | {t['rps'] / nginx:.2f} | {t['non_2xx']} |"
        )
    lines += [
        "",
        "Edge cache status when measured: "
        + ", ".join(f"{k.split(': ')[1]} {v}" for k, v in side["cache_status"].items())
        + ".",
        "",
    ]
    published = results["publish_to_visible"]
    if published:
        per_path = {
            path: [r[path] for r in published["rounds"]] for path in published["paths"]
        }
        lines += [
            f"Publish to visible at the edge ({len(published['rounds'])} publishes with "
            "`save_revision().publish()`, timed from its return):",
            "",
            "| page | median s | max s |",
            "|---|---:|---:|",
        ]
        for path, seconds in per_path.items():
            seen = [s for s in seconds if s is not None]
            label = "the article" if path.startswith("/news/") else path
            if len(seen) < len(seconds):
                lines.append(
                    f"| {label} | not seen within 10 s in {len(seconds) - len(seen)} | |"
                )
            else:
                lines.append(
                    f"| {label} | {statistics.median(seen):.3f} | {max(seen):.3f} |"
                )
        lines.append("")
    lines += [
        "Faults under load (edge: every warmed page, keys soft-purged every 0.5 s so the "
        "edge keeps asking the origin; origin: the article; wrk -c16 each, "
        f"{results['seconds']} s, fault after 2 s):",
        "",
        "| fault | edge req/s | edge 5xx | edge other errors | origin req/s | origin 5xx | origin other errors | after |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in results["faults"]:
        e, o = run["edge"], run["origin"]
        after = []
        if "origin_recovered_after_s" in run:
            after.append(
                f"origin {run['origin_status_after']} after {run['origin_recovered_after_s']} s"
            )
            after.append(
                "app restarted" if run["app_server_restarted"] else "no app restart"
            )
        if "restart_seconds" in run:
            after.append(f"restart took {run['restart_seconds']} s")
        lines.append(
            f"| {run['fault']} | {e['rps']:,.0f} | {e['5xx']} | "
            f"{e['4xx'] + e['socket_errors']} | {o['rps']:,.0f} | {o['5xx']} | "
            f"{o['4xx'] + o['socket_errors']} | {'; '.join(after)} |"
        )
    lines += [
        "",
        "Other errors are 4xx and wrk socket errors (timeouts after 2 s, resets). "
        "Compare ratios, not absolute req/s, across runs on a shared machine.",
        DOC_END,
    ]
    return "\n".join(lines)


def write_doc(section: str) -> None:
    text = DOC.read_text()
    if DOC_START in text:
        before, rest = text.split(DOC_START, 1)
        after = rest.split(DOC_END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOC.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--no-postgres-restart", action="store_true")
    parser.add_argument(
        "--no-doc", action="store_true", help="print, don't write docs/"
    )
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"Install {tool} first: apt-get install wrk nginx-light")

    say("bench-stack: bin/stack up")
    stack("up")
    story = django(
        "from sinmun.articles.models import ArticlePage; import json; "
        "from sinmun.sections.models import SectionPage; "
        "ids = list(ArticlePage.objects.live().order_by('-first_published_at')"
        ".values_list('pk', flat=True)[:60]); "
        "sections = [s.get_url() for s in SectionPage.objects.live()]; "
        f"print('{MARK}' + json.dumps({{'ids': ids, 'sections': sections}}))"
    )
    article = f"/news/{story['ids'][0]}"
    paths = ["/", "/rss/", *story["sections"], *(f"/news/{pk}" for pk in story["ids"])]
    results = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load": f"{os.getloadavg()[0]:.1f}",
        "rounds": args.rounds,
        "seconds": args.seconds,
        "app_server": re.search(
            r"exec \"\$venv/bin/(\w+)\"", (ROOT / "deploy" / "run").read_text()
        ).group(1)
        + ", 2 workers",
    }
    say(f"bench-stack: side by side, {article}")
    results["side_by_side"] = side_by_side(article, args.rounds, args.seconds)

    say(f"bench-stack: publish to visible, {args.publishes} publishes")
    results["publish_to_visible"] = django(
        f"from bench.stack import publish_rounds; publish_rounds({args.publishes})"
    )

    say("bench-stack: faults under load")
    keys = warmed_keys(paths)
    faults = [redis_hung, redis_stopped]
    if not args.no_postgres_restart:
        faults.append(postgres_restarted)
    results["faults"] = []
    for fault in faults:
        web_pid = pid("web")
        run = under_load(fault, paths, keys, article, args.seconds)
        run.update(recovery(article, web_pid))
        say(f"  {run['fault']}: edge {run['edge']}, origin {run['origin']}")
        results["faults"].append(run)
        for path in paths:
            get(EDGE + path)

    section = markdown(results)
    say(section)
    RESULTS = ROOT / "bench" / "results"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stack.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False)
    )
    if not args.no_doc:
        write_doc(section)
        say(f"bench-stack: wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
