"""Time `manage.py import_wordpress` on a generated WXR export (issue 18: >= 50 stories/s).

    .venv/bin/python -m bench.import_wordpress --stories 500

Builds an export of N published posts (Gutenberg paragraphs, a subheading, two categories,
tags, one approved comment) with the tests' WXR writer, imports it into a scratch SQLite
database with the search index updated inline (the immediate task backend), then imports it
a second time (every item unchanged). Prints stories/s for both runs, and the ratio to a
reference measured in the same run: Kiwi analysing each story's text once.
"""

import argparse
import tempfile
import time
from io import StringIO
from pathlib import Path

from bench import kiwi, setup_scratch_sqlite


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=500)
    args = parser.parse_args()
    setup_scratch_sqlite("import-wordpress")
    from django.core.management import call_command

    from sinmun.frontpage.tests.factories import make_paper
    from sinmun.migration.tests.test_import_wordpress import COMMENT, export, item

    call_command("migrate", verbosity=0)
    make_paper()
    places = ["시청", "읍사무소", "주민센터", "도서관", "체육관", "복지관", "보건소"]
    topics = [
        "시내버스 노선 개편",
        "하천 정비",
        "도서관 확충",
        "청년 일자리",
        "경로당 난방비",
    ]

    def body(n: int) -> str:
        # Every story's text is its own (numbers, places and topics vary), as in a real
        # archive: the importer analyses each text once and cannot reuse another's.
        text = "\n".join(
            f"<!-- wp:paragraph --><p>가람시는 {n}일 {places[(n + k) % 7]}에서 "
            f"{topics[(n * 3 + k) % 5]} 설명회를 {k + 1}차례 열고 시민 {n * 10 + k}명의 "
            f"의견을 들었다고 밝혔다.</p><!-- /wp:paragraph -->"
            for k in range(8)
        )
        return text + "<!-- wp:heading --><h2>주요 내용</h2><!-- /wp:heading -->"

    items = [
        item(
            1000 + n,
            f"가람시 소식 {n}번째: 읍면 순회 간담회",
            body(n),
            slug=f"news-{n}",
            categories=[("society", "사회"), ("education", "교육")],
            tags=["가람시", f"태그{n % 20}"],
            comments=COMMENT,
        )
        for n in range(args.stories)
    ]
    # The reference, measured in the same run: Kiwi analysing each story's text once,
    # which any import that indexes for Korean search must pay.
    from sinmun.migration.body import to_blocks

    texts = [
        f"가람시 소식 {n}번째: 읍면 순회 간담회\n"
        + "\n".join(b.text for b in to_blocks(body(n)))
        for n in range(args.stories)
    ]
    floor = kiwi.analysis_seconds(texts)
    print(
        f"reference: Kiwi analyses {args.stories} stories' text once in {floor:.1f} s, "
        f"{args.stories / floor:.1f} stories/s"
    )
    with tempfile.TemporaryDirectory() as directory:
        wxr = Path(directory) / "export.xml"
        wxr.write_text(export(*items), encoding="utf-8")
        for run in ("first", "second"):
            started = time.monotonic()
            call_command(
                "import_wordpress",
                str(wxr),
                "--no-download",
                stdout=StringIO(),
                stderr=StringIO(),
            )
            seconds = time.monotonic() - started
            print(
                f"{run} run: {args.stories} stories in {seconds:.1f} s, "
                f"{args.stories / seconds:.1f} stories/s, "
                f"{seconds / floor:.2f}x the reference"
            )


if __name__ == "__main__":
    main()
