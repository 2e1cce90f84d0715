"""Time every public page type against the demo paper, with Django's test client.

    make bench                      # or: .venv/bin/python -m bench.run --requests 200

Each page is requested once to warm caches and renditions, then `--requests` times. The
report gives wall-clock p50/p95, CPU time per request and the query count, and each page's
median as a ratio of a reference measured in the same run (a one-query 404 through the same
middleware), so figures from a noisy machine can still be compared.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(
    client, method: str, url: str, requests: int, *, cold: bool = False
) -> dict:
    """Time `requests` requests of `url`; with `cold`, empty the shared cache before each."""
    from django.core.cache import cache
    from django.db import connection

    call = getattr(client, method)
    response = call(url)  # warm: renditions, shared caches, template cache
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    if cold:
        cache.clear()
    with connection.execute_wrapper(count):
        response = call(url)
    walls, cpus = [], []
    for _ in range(requests):
        if cold:
            cache.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        call(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "p50_ms": statistics.median(walls),
        "p95_ms": percentile(walls, 0.95),
        "cpu_ms": statistics.median(cpus),
        "bytes": len(response.content),
    }


def pages() -> list[tuple[str, str, str]]:
    from taggit.models import Tag

    from sinmun.articles.models import ArticleKind, ArticlePage
    from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
    from sinmun.sections.models import SectionPage

    news = (
        ArticlePage.objects.live()
        .exclude(kind=ArticleKind.COLUMN)
        .order_by("-first_published_at")
        .first()
    )
    column = ArticlePage.objects.live().filter(kind=ArticleKind.COLUMN).first()
    top = SectionPage.objects.live().filter(depth=3).first()
    sub = SectionPage.objects.live().filter(depth=4).first()
    tag = Tag.objects.filter(articles_articletag_items__isnull=False).first()
    return [
        ("reference: one-query 404", "post", "/news/999999999/read"),
        ("front page", "get", "/"),
        ("section", "get", top.url),
        ("sub-section", "get", sub.url),
        ("section page 2", "get", top.url + "?page=2"),
        ("article", "get", news.url),
        ("column", "get", column.url),
        ("reporter", "get", Reporter.objects.first().get_absolute_url()),
        ("columnist", "get", Columnist.objects.first().get_absolute_url()),
        ("series", "get", ColumnSeries.objects.first().get_absolute_url()),
        ("tag", "get", f"/tags/{tag.slug}/"),
        ("404 page", "get", "/no-such-page/"),
    ]


def load_demo_paper() -> Path:
    """Set Django up on a throwaway SQLite database, load the demo paper; return the folder."""
    workdir = Path(tempfile.mkdtemp(prefix="sinmun-bench-"))
    os.environ["SINMUN_BENCH_DB"] = str(workdir / "bench.sqlite3")
    os.environ["SINMUN_BENCH_MEDIA"] = str(workdir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)  # the 404 reference would log every request
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"demo paper loaded into {workdir} in {time.perf_counter() - started:.1f} s")
    return workdir


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=200,
        help="timed requests per page (default 200)",
    )
    args = parser.parse_args()

    load_demo_paper()
    from django.test import Client

    client = Client()
    results = {}
    for name, method, url in pages():
        results[name] = {"url": url, **measure(client, method, url, args.requests)}
    # The render path with nothing shared: what the origin does after a publish or a purge.
    for name in ("front page", "section", "article"):
        url = results[name]["url"]
        results[f"{name}, cold cache"] = {
            "url": url,
            **measure(client, "get", url, max(args.requests // 4, 10), cold=True),
        }
    reference = results["reference: one-query 404"]["p50_ms"]
    print(
        f"\n{args.requests} requests per page, django.test.Client, SQLite, demo paper\n"
    )
    print(
        f"{'page':<26}{'status':>7}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}{'cpu ms':>9}{'x ref':>8}{'KB':>7}"
    )
    for name, r in results.items():
        r["ratio"] = r["p50_ms"] / reference
        print(
            f"{name:<26}{r['status']:>7}{r['queries']:>9}{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}"
            f"{r['cpu_ms']:>9.2f}{r['ratio']:>8.1f}{r['bytes'] / 1024:>7.1f}"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2)
    )
    failures = [n for n, r in results.items() if r["status"] >= 500]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
