"""Reader pages against a small and a large archive on PostgreSQL: does anything grow with it?

    make bench-archive     # builds both archives if missing, then measures
    .venv/bin/python -m bench.archive --small 1000 --large 300000 [--rebuild]

Each archive is its own PostgreSQL database (`sinmun_archive_<count>` on
127.0.0.1:5432, or --database-prefix), holding the demo paper plus stories from
`manage.py generate_archive` up to the count. Pages are requested with Django's test
client under the test settings (local-memory cache, so no shared Redis hides the
database's cost): warm (caches filled, what readers get between publishes) and cold (the
cache emptied before every request, what the origin does after a publish or for a
crawler's first visit). The report gives median milliseconds, queries, and the large/small
ratio; the rounds alternate between the two databases so that a busy machine slows both.
It also names any query that uses OFFSET beyond one page or counts a whole listing.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEEP_OFFSET = re.compile(r"\bOFFSET\s+(\d+)", re.IGNORECASE)
COUNT = re.compile(r"SELECT COUNT\(\*\)", re.IGNORECASE)


def database_url(prefix: str, count: int) -> str:
    return f"{prefix}_{count}"


def build(url: str, count: int, *, rebuild: bool) -> None:
    """Create the archive database with `count` stories unless it is already there."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and not rebuild:
            return
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "sinmun.settings.dev",
    }
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [*manage, "seed_demo", "--photo-size", "480x270"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    env_count = (
        subprocess.run(
            [
                *manage,
                "shell",
                "--no-imports",
                "-c",
                "from sinmun.articles.models import ArticlePage; print(ArticlePage.objects.count())",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        or "0"
    )
    missing = count - int(env_count)
    if missing > 0:
        subprocess.run(
            [*manage, "generate_archive", "--count", str(missing), "--batch", "2000"],
            env=env,
            check=True,
        )


# -- inside one database ------------------------------------------------------------------


def pages() -> list[tuple[str, str]]:
    """Return (name, url) of every page measured, chosen the same way in both archives."""
    from django.conf import settings
    from django.db.models import Count
    from django.test import Client
    from taggit.models import Tag

    from sinmun.articles.models import ArticlePage
    from sinmun.newsroom.models import Reporter
    from sinmun.sections.models import SectionPage

    section = SectionPage.objects.live().get(slug="society", depth=3)
    # The story in the middle of the archive's ids: neither the newest nor the first.
    ids = ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True)
    middle = ids[len(ids) // 2]
    reporter = Reporter.objects.get(slug="park-jihoon")
    tag = (
        Tag.objects.annotate(n=Count("articles_articletag_items"))
        .order_by("-n", "pk")
        .first()
    )
    first_page = Client().get(section.url)
    html = first_page.content.decode()
    last = re.search(r'<a[^>]*rel="last"[^>]*href="([^"]+)"', html) or re.search(
        r'<a[^>]*href="([^"]+)"[^>]*rel="last"', html
    )
    if last:
        last_url = section.url + last.group(1).replace("&amp;", "&")
    else:  # the numbered pagination before keyset pages: compute the last number
        count = ArticlePage.objects.live().descendant_of(section).count()
        last_url = (
            f"{section.url}?page={-(-count // settings.SINMUN_LISTING_PAGE_SIZE)}"
        )
    index = Client().get("/sitemap.xml").content.decode()
    article_maps = re.findall(r"<loc>[^<]*(/sitemap-articles[^<]*)</loc>", index)
    article_maps = [u.replace("&amp;", "&") for u in article_maps] or [
        "/sitemap-articles.xml"
    ]
    return [
        ("article", f"/news/{middle}"),
        ("section page 1", section.url),
        ("section last page", last_url),
        ("reporter", reporter.get_absolute_url()),
        ("tag", f"/tags/{tag.slug}/"),
        ("sitemap index", "/sitemap.xml"),
        ("article sitemap, first", article_maps[0]),
        ("article sitemap, last", article_maps[-1]),
        ("Google News sitemap", "/sitemap-news.xml"),
        ("RSS", "/rss/"),
        ("search 가람시", "/search/?q=가람시"),
        ("search 예산안 심사", "/search/?q=예산안+심사"),
    ]


def measure_here(requests: int, cold_requests: int) -> dict:
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from sinmun.articles.models import ArticlePage

    client = Client()
    results = {"stories": ArticlePage.objects.live().count(), "pages": {}}
    for name, url in pages():
        client.get(url)
        queries: list[str] = []

        def count(execute, sql, params, many, context):
            queries.append(sql)  # noqa: B023 - read right after this request
            return execute(sql, params, many, context)

        cache.clear()
        with connection.execute_wrapper(count):
            response = client.get(url)
        cold_queries = list(queries)
        queries.clear()
        with connection.execute_wrapper(count):
            client.get(url)
        warm_queries = len(queries)
        cold, warm = [], []
        for _ in range(cold_requests):
            cache.clear()
            started = time.perf_counter()
            client.get(url)
            cold.append((time.perf_counter() - started) * 1000)
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            warm.append((time.perf_counter() - started) * 1000)
        offsets = [int(n) for sql in cold_queries for n in DEEP_OFFSET.findall(sql)]
        results["pages"][name] = {
            "url": url,
            "status": response.status_code,
            "bytes": len(response.content),
            "cold_queries": len(cold_queries),
            "warm_queries": warm_queries,
            "cold_ms": cold,
            "warm_ms": warm,
            "max_offset": max(offsets, default=0),
            "counts": sum(1 for sql in cold_queries if COUNT.search(sql)),
        }
    return results


# -- the report ---------------------------------------------------------------------------


def run_one(url: str, requests: int, cold_requests: int, *, code: Path = ROOT) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "sinmun.settings.test",
    }
    env.pop("REDIS_URL", None)
    out = subprocess.run(
        [
            PYTHON,
            "-m",
            "bench.archive",
            "--measure",
            "--requests",
            str(requests),
            "--cold-requests",
            str(cold_requests),
        ],
        env={**env, "PYTHONPATH": str(code)},
        cwd=code,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def merge(runs: list[dict]) -> dict:
    merged = {"stories": runs[0]["stories"], "pages": {}}
    for run in runs:
        for name, page in run["pages"].items():
            into = merged["pages"].setdefault(
                name, {**page, "cold_ms": [], "warm_ms": []}
            )
            into["cold_ms"] += page["cold_ms"]
            into["warm_ms"] += page["warm_ms"]
    return merged


def report(small: dict, large: dict) -> str:
    lines = [
        f"stories: {small['stories']:,} (small) and {large['stories']:,} (large); "
        "median ms, queries cold/warm",
        "",
        "| page | small cold | large cold | × | small warm | large warm | × | queries (large) | deepest OFFSET, COUNTs (large) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in small["pages"].items():
        big = large["pages"][name]
        sc, lc = statistics.median(s["cold_ms"]), statistics.median(big["cold_ms"])
        sw, lw = statistics.median(s["warm_ms"]), statistics.median(big["warm_ms"])
        status = "" if big["status"] == 200 else f" ({big['status']})"
        lines.append(
            f"| {name}{status} | {sc:.1f} | {lc:.1f} | {lc / sc:.2f} | {sw:.1f} | {lw:.1f} "
            f"| {lw / sw:.2f} | {big['cold_queries']}/{big['warm_queries']} "
            f"| {big['max_offset']}, {big['counts']} |"
        )
    return "\n".join(lines)


RESULTS = ROOT / "bench" / "results"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=300_000)
    parser.add_argument(
        "--database-prefix",
        default="postgres://postgres@127.0.0.1:5432/sinmun_archive",
        help="database URL without the trailing _<count>",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="regenerate both archives"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20, help="warm, per round")
    parser.add_argument("--cold-requests", type=int, default=5, help="cold, per round")
    parser.add_argument(
        "--only",
        choices=["small", "large"],
        help="measure one archive and keep its figures in bench/results/ for a later report",
    )
    parser.add_argument(
        "--label", default="current", help="name of the figures kept in bench/results/"
    )
    parser.add_argument(
        "--code",
        type=Path,
        default=ROOT,
        help="measure the sinmun found in this folder (an export of an older commit, "
        "with this script copied into its bench/), to compare before and after",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure_here(args.requests, args.cold_requests)))
        return 0
    sizes = {"small": args.small, "large": args.large}
    wanted = [args.only] if args.only else ["small", "large"]
    urls = {name: database_url(args.database_prefix, sizes[name]) for name in wanted}
    for name, url in urls.items():
        build(url, sizes[name], rebuild=args.rebuild)
    runs: dict[str, list] = {name: [] for name in urls}
    for _ in range(args.rounds):
        for name, url in urls.items():
            runs[name].append(
                run_one(url, args.requests, args.cold_requests, code=args.code)
            )
    RESULTS.mkdir(exist_ok=True)
    merged = {}
    for name in ("small", "large"):
        saved = RESULTS / f"archive-{args.label}-{sizes[name]}.json"
        if runs.get(name):
            merged[name] = merge(runs[name])
            saved.write_text(json.dumps(merged[name], ensure_ascii=False))
        elif saved.exists():
            merged[name] = json.loads(saved.read_text())
    if len(merged) == 2:
        print(report(merged["small"], merged["large"]))
    else:
        print(
            f"kept {args.label} figures for {', '.join(merged)}; run the other size to report"
        )
    failures = [
        name
        for result in merged.values()
        for name, page in result["pages"].items()
        if page["status"] >= 500
    ]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
