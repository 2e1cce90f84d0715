"""Measure the origin when Redis dies or hangs, and when PostgreSQL restarts (issue 22, item 7).

    .venv/bin/python -m bench.faults --database-url postgres://postgres@127.0.0.1:5432/sinmun_bench_faults --seed
    .venv/bin/python -m bench.faults --database-url postgres://postgres@127.0.0.1:5440/sinmun_bench_faults \\
        --seed --pg-restart 15/faults

gunicorn (2 sync workers, production settings) serves the paper on 127.0.0.1 against a
spare redis-server of its own; wrk (Debian `wrk`) loads the article page and the front page
with Redis alive, killed (-9) and hung (SIGSTOP). In this process the same settings count
queries and Redis round trips per article page. With --pg-restart CLUSTER, a second run
restarts that PostgreSQL cluster (never the shared one: make one with
`pg_createcluster 15 faults --port 5440 --start`) under a steady stream of requests and
reports the statuses before, during and after. Everything stays on 127.0.0.1.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PORT = 8011


def environment(database_url: str, redis_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="sinmun.settings.production",
        DJANGO_SECRET_KEY="bench-faults-" + "f" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SINMUN_SSL_REDIRECT="0",
        SINMUN_MEDIA_ROOT=str(ROOT / "var" / "bench-faults-media"),
    )
    return env


def seed(env: dict) -> None:
    manage = [str(BIN / "python"), "manage.py"]
    for args in (["migrate", "--no-input", "-v0"], ["seed_demo"], ["fetch_weather"]):
        subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(env: dict, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "sinmun.wsgi:application",
            "--workers=2",
            f"--bind=127.0.0.1:{PORT}",
            "--preload",
            "--timeout=30",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
            return process
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    process.kill()
    raise RuntimeError(f"gunicorn did not answer; see {log}")


def wrk(url: str, seconds: int = 10) -> dict:
    out = subprocess.run(
        ["wrk", "-t1", "-c32", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    p99 = re.search(r"99%\s+(\S+)", out)
    return {
        "rps": rps,
        "p99": p99.group(1) if p99 else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def per_page(url: str) -> dict:
    """Return queries and Redis round trips of one request for `url`, in this process."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    connection.close()  # this process's connection may predate a PostgreSQL restart
    breaker = cache.breaker
    client = Client()
    attempts, skipped = breaker.attempts, breaker.skipped
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return {
        "status": status,
        "queries": len(queries),
        "redis_round_trips": breaker.attempts - attempts,
        "skipped_by_breaker": breaker.skipped - skipped,
    }


def log_lines(log: Path) -> int:
    return len(log.read_text(errors="replace").splitlines())


def redis_faults(env: dict, server, article: str, log: Path) -> dict:
    results = {}
    gunicorn = start_gunicorn(env, log)
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(3):
            for path in (article, "/"):
                urllib.request.urlopen(base + path, timeout=10).read()
        per_page(article)
        results["alive"] = {
            "article": wrk(base + article),
            "front": wrk(base + "/"),
            "per_article_request": per_page(article),
        }
        server.kill()
        before = log_lines(log)
        per_page(article)  # opens this process's breaker
        results["dead"] = {
            "article": wrk(base + article),
            "front": wrk(base + "/"),
            "per_article_request": per_page(article),
            "log_lines_in_20s": log_lines(log) - before,
        }
        server.start()
        time.sleep(6)  # one cooldown: the breakers close at their next probe
        for path in (article, "/"):
            urllib.request.urlopen(base + path, timeout=10).read()
        server.hang()
        before = log_lines(log)
        results["hung"] = {
            "article": wrk(base + article),
            "front": wrk(base + "/"),
            "log_lines_in_20s": log_lines(log) - before,
        }
        server.resume()
        time.sleep(6)
        results["back"] = {"article": wrk(base + article, seconds=5)}
        results["back"]["per_article_request"] = per_page(article)
    finally:
        if server.process and server.process.poll() is None:
            server.resume()
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    return results


def pg_restart(env: dict, cluster: str, article: str, log: Path) -> dict:
    """Restart `cluster` ("15/faults") while a client requests the article every 20 ms."""
    version, name = cluster.split("/")
    gunicorn = start_gunicorn(env, log)
    url = f"http://127.0.0.1:{PORT}{article}"
    samples: list[tuple[float, int, bytes]] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            started = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    samples.append((started, response.status, b""))
            except urllib.error.HTTPError as error:
                samples.append((started, error.code, error.read()))
            except OSError:
                samples.append((started, 0, b""))
            time.sleep(0.02)

    try:
        thread = threading.Thread(target=reader)
        thread.start()
        time.sleep(3)
        down_at = time.monotonic()
        subprocess.run(
            ["pg_ctlcluster", version, name, "restart", "-m", "fast"], check=True
        )
        up_at = time.monotonic()
        time.sleep(5)
        stop.set()
        thread.join()
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    errors = [(t, s, body) for t, s, body in samples if s != 200]
    after = [s for t, s, _ in samples if t >= up_at + 1]
    bodies = {body for _, s, body in errors if s == 500}
    return {
        "requests": len(samples),
        "non_200": len(errors),
        "statuses": sorted({s for _, s, _ in errors}),
        "first_error_after_restart_began_s": round(errors[0][0] - down_at, 3)
        if errors
        else None,
        "last_error_before_up_s": round(up_at - errors[-1][0], 3) if errors else None,
        "restart_took_s": round(up_at - down_at, 3),
        "after_up_plus_1s": {"requests": len(after), "non_200": after.count(500)},
        "500_bodies_are_the_static_page": all(
            "일시적인 오류".encode() in b and b"Traceback" not in b for b in bodies
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seed", action="store_true", help="migrate and load the demo")
    parser.add_argument("--pg-restart", metavar="CLUSTER", help="e.g. 15/faults")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from sinmun.core.tests.redis_server import RedisServer

    server = RedisServer().start()
    env = environment(args.database_url, server.url)
    os.environ.update(env)
    log = ROOT / "var" / "bench-faults-gunicorn.log"
    log.parent.mkdir(exist_ok=True)
    try:
        if args.seed:
            seed(env)
        subprocess.run(  # production settings serve hashed static files
            [str(BIN / "python"), "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        import django

        django.setup()
        from sinmun.articles.models import ArticlePage

        article = ArticlePage.objects.live().order_by("-pk").first().permalink_path
        report = {"article": article}
        if args.pg_restart:
            report["pg_restart"] = pg_restart(env, args.pg_restart, article, log)
            sys.stdout.write(json.dumps(report["pg_restart"]) + "\n")
            sys.stdout.flush()
        report["redis"] = redis_faults(env, server, article, log)
    finally:
        server.remove()
    sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
