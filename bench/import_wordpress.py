"""Time `manage.py import_wordpress` on a generated WXR export (issue 18: >= 50 stories/s).

    .venv/bin/python -m bench.import_wordpress --stories 500

Builds an export of N published posts (Gutenberg paragraphs, a subheading, two categories,
tags, one approved comment) with the tests' WXR writer, imports it into a scratch SQLite
database with the search index updated inline (the immediate task backend), then imports it
a second time (every item unchanged). Prints stories/s for both runs.
"""

import argparse
import tempfile
import time
from io import StringIO
from pathlib import Path

from bench import setup_scratch_sqlite


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
    body = "\n".join(
        f"<!-- wp:paragraph --><p>가람시는 {n}일 시청에서 시내버스 노선 개편 설명회를 열고 "
        f"시민 의견을 들었다고 밝혔다.</p><!-- /wp:paragraph -->"
        for n in range(8)
    )
    body += "<!-- wp:heading --><h2>주요 내용</h2><!-- /wp:heading -->"
    items = [
        item(
            1000 + n,
            f"가람시 소식 {n}번째: 읍면 순회 간담회",
            body,
            slug=f"news-{n}",
            categories=[("society", "사회"), ("education", "교육")],
            tags=["가람시", f"태그{n % 20}"],
            comments=COMMENT,
        )
        for n in range(args.stories)
    ]
    with tempfile.TemporaryDirectory() as directory:
        wxr = Path(directory) / "export.xml"
        wxr.write_text(export(*items), encoding="utf-8")
        for run in ("first", "second"):
            started = time.monotonic()
            call_command(
                "import_wordpress", str(wxr), stdout=StringIO(), stderr=StringIO()
            )
            seconds = time.monotonic() - started
            print(
                f"{run} run: {args.stories} stories in {seconds:.1f} s, "
                f"{args.stories / seconds:.1f} stories/s"
            )


if __name__ == "__main__":
    main()
