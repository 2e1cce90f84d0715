"""Time `manage.py import_legacy` on generated saved pages (issue 18: >= 20 pages/s).

    .venv/bin/python -m bench.import_legacy --pages 300

Writes N article pages of the tests' three template generations (table/EUC-KR, div/EUC-KR,
HTML5/UTF-8, in turn; six paragraphs, a photo, tags, boxes and ads around the story) to a
temporary folder, then: reads every page without storing it (the reader alone), imports the
folder into a scratch SQLite database with the search index updated inline (the immediate
task backend), and imports it a second time (every page unchanged). Prints pages/s for each,
and the ratio to a reference measured in the same run: Kiwi analysing each page's headline
and body once, which any import that indexes for Korean search must pay (as in
bench.import_wordpress), so runs on a busy machine can be compared.
"""

import argparse
import tempfile
import time
from dataclasses import replace
from io import StringIO
from pathlib import Path

from bench import kiwi, setup_scratch_sqlite


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    setup_scratch_sqlite("import-legacy")
    from django.core.management import call_command

    from sinmun.frontpage.tests.factories import make_paper
    from sinmun.migration import legacy
    from sinmun.migration.tests import legacy_pages as pages

    call_command("migrate", verbosity=0)
    make_paper()
    templates = [
        (pages.FLOOD, pages.table_page, "euc-kr", "cp949"),
        (pages.MARKET, pages.div_page, "euc-kr", "cp949"),
        (pages.COLUMN, pages.html5_page, "utf-8", "utf-8"),
    ]
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        for n in range(args.pages):
            story, template, charset, encoding = templates[n % 3]
            story = replace(
                story,
                idxno=100000 + n,
                title=f"{story.title} ({n}호)",
                paragraphs=[f"{p} 가람시 {n}번째 소식이다." for p in story.paragraphs]
                + story.paragraphs[1:3],
            )
            name = f"articleView.html?idxno={story.idxno}.html"
            (folder / name).write_bytes(template(story, charset).encode(encoding))
        files = sorted(folder.iterdir())
        started = time.monotonic()
        read = [
            legacy.read(path.read_bytes(), base_url=pages.SITE, name=path.name)
            for path in files
        ]
        seconds = time.monotonic() - started
        print(
            f"read only: {len(files)} pages in {seconds:.1f} s, "
            f"{len(files) / seconds:.1f} pages/s"
        )
        texts = [
            page.story.title + "\n" + "\n".join(b.text for b in page.story.body)
            for page in read
        ]
        floor = kiwi.analysis_seconds(texts)
        print(
            f"reference: Kiwi analyses {len(texts)} pages' text once in {floor:.1f} s, "
            f"{len(texts) / floor:.1f} pages/s"
        )
        for run in ("first", "second"):
            started = time.monotonic()
            call_command(
                "import_legacy",
                str(folder),
                "--base-url",
                pages.SITE,
                stdout=StringIO(),
                stderr=StringIO(),
            )
            seconds = time.monotonic() - started
            print(
                f"{run} run: {len(files)} pages in {seconds:.1f} s, "
                f"{len(files) / seconds:.1f} pages/s, "
                f"{seconds / floor:.2f}x the reference"
            )


if __name__ == "__main__":
    main()
