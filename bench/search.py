"""Benchmark Korean search: index build rate, query p50/p95, index size, analyser memory.

    make bench-search        # or: .venv/bin/python -m bench.search --sizes 10000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sinmun_bench_search .venv/bin/python -m bench.search

Articles are generated from a pool of Korean news sentences that is analysed by Kiwi once;
each article is a headline and six body sentences drawn from the pool, so the build rate
measures index insertion (Kiwi's own rate, ~160 articles/s/core, is reported apart). The
index rows are written in bulk for a stand-in indexed model (newsroom.Reporter), and
queries run through the real Korean backend (`get_search_backend().search()`), relevance
ranked, top 10.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time

PLACES = [
    "가람시",
    "청주시",
    "솔내읍",
    "너른면",
    "은빛동",
    "가람중앙시장",
    "가람대학교",
    "충청북도교육청",
    "가람의료원",
    "가람천",
]
TOPICS = [
    "시내버스 노선",
    "국화 축제",
    "작은 학교 예산",
    "전통시장 화재",
    "도서관 리모델링",
    "청년 임대주택",
    "상수도 요금",
    "한파특보",
    "교통사고 예방",
    "관광객 유치",
    "사과 농가 지원",
    "재활용 분리배출",
]
VERBS = [
    "개편한다고 밝혔다",
    "개최했다",
    "확대하기로 했다",
    "조사하고 있다",
    "마치고 다시 열었다",
    "모집한다",
    "인상하기로 결정했다",
    "주의를 당부했다",
    "추진한다",
    "지원하기로 했다",
]
EXTRA = [
    "주민들은 크게 반겼다",
    "시의회는 예산을 심사했다",
    "관계자는 계획을 설명했다",
    "전문가들은 우려를 나타냈다",
    "다음 달부터 시행된다",
]
QUERIES = [
    "청주시가",
    "가람시는",
    "축제를",
    "개최했다",
    "시내버스 노선",
    "도서관이",
    "교육청은",
    "화재가",
    "임대주택을 모집한",
    "한파특보",
    "사과 농가에",
    "관광객이",
    "상수도 요금이",
    "교통사고가",
    "가람대학교",
    "가람중앙시장에서",
    "은빛동 주민",
    "재활용 분리배출을",
    "예산을 심사한",
    "너른면의 사과",
]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences(rng: random.Random, n: int) -> list[str]:
    return [
        f"{rng.choice(PLACES)}{rng.choice(['는', '가', '의', '에서'])} {rng.choice(TOPICS)}{rng.choice(['을', '를', '에', '도'])} {rng.choice(VERBS)}. {rng.choice(EXTRA)}."
        for _ in range(n)
    ]


def setup(database_url: str | None):
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/sinmun-bench-search.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sinmun.settings.test"
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' ENCODING 'UTF8'"
            )
    else:
        path = url.split("sqlite:///", 1)[1]
        if os.path.exists(path):
            os.remove(path)
    before = rss_mb()
    import django

    started = time.monotonic()
    django.setup()  # SearchConfig.ready loads Kiwi
    load_seconds = time.monotonic() - started
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return rss_mb() - before, load_seconds


def build(size: int, pool, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from sinmun.newsroom.models import Reporter

    Reporter.objects.all().delete()
    content_type = ContentType.objects.get_for_model(Reporter)
    started = time.monotonic()
    batch = 2000
    with transaction.atomic():
        for start in range(0, size, batch):
            count = min(batch, size - start)
            reporters = Reporter.objects.bulk_create(
                [
                    Reporter(
                        name=f"r{start + i}",
                        slug=f"r{start + i}",
                        email=f"r{start + i}@example.invalid",
                    )
                    for i in range(count)
                ]
            )
            rows = []
            for reporter in reporters:
                title = rng.choice(pool)
                body = [rng.choice(pool) for _ in range(6)]
                main = " ".join(title[0] + [t for b in body for t in b[0]])
                extras = " ".join(title[1] + [t for b in body for t in b[1]])
                rows.append(
                    (
                        content_type.pk,
                        str(reporter.pk),
                        " ".join(title[0]) + "\n" + " ".join(title[1]),
                        main + "\n" + extras,
                    )
                )
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.executemany(
                        "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, body, autocomplete, title_norm, title_text, body_text) "
                        "VALUES (%s, %s, setweight(to_tsvector('simple', %s), 'A'), to_tsvector('simple', %s), ''::tsvector, 1.0, '', '')",
                        rows,
                    )
                else:
                    cursor.executemany(
                        "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, body, autocomplete, title_norm) VALUES (%s, %s, %s, %s, '', 1.0)",
                        rows,
                    )
    elapsed = time.monotonic() - started
    return size / elapsed


def index_size_mb() -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
            return cursor.fetchone()[0] / 1e6
        cursor.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%'"
        )
        value = cursor.fetchone()[0]
        return (value or 0) / 1e6


def query_times(n: int, rng) -> list[float]:
    from modelsearch.backends import get_search_backend

    from sinmun.newsroom.models import Reporter

    backend = get_search_backend()
    times = []
    for i in range(n):
        query = (
            QUERIES[i % len(QUERIES)]
            if i < len(QUERIES)
            else rng.choice(QUERIES) + " " + rng.choice(TOPICS).split()[0]
        )
        started = time.monotonic()
        list(backend.search(query, Reporter.objects.all())[:10])
        times.append((time.monotonic() - started) * 1000)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    memory, load = setup(args.database_url)
    from django.db import connection

    from sinmun.search.analysis import analyser

    rng = random.Random(5)
    kiwi = analyser()
    texts = sentences(rng, 3000)
    started = time.monotonic()
    pool = [(a.main, a.extras) for a in (kiwi.analyse(t) for t in texts)]
    kiwi_rate = sum(map(len, texts)) / (time.monotonic() - started)
    print(f"database: {connection.vendor}; analyser {kiwi.version}")
    print(
        f"analyser: load {load:.1f} s, RSS delta {memory:.0f} MB, {kiwi_rate:,.0f} chars/s"
    )
    for size in args.sizes:
        rate = build(size, pool, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # What autovacuum does after a bulk load: statistics and visibility map.
                cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
        query_times(20, rng)  # warm
        times = sorted(query_times(args.queries, rng))
        p50 = statistics.median(times)
        p95 = times[round(0.95 * (len(times) - 1))]
        print(
            f"{size:>7} articles: build {rate:,.0f} articles/s, index {index_size_mb():.0f} MB, query p50 {p50:.1f} ms, p95 {p95:.1f} ms ({args.queries} queries)"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
