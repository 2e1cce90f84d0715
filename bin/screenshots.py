"""Screenshot the running demo (make demo): front, article and search pages at desktop
and phone widths into docs/screenshots/.

.venv/bin/python bin/screenshots.py [http://127.0.0.1:8000]
"""

import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import chromium

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
WIDTHS = {"desktop": 1280, "mobile": 390}
SEARCH_QUERY = "미술관에서 개막했다"  # particles and endings: finds 미술관 … 개막


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    front = urllib.request.urlopen(base + "/").read().decode()
    article = re.search(r'<a href="(/news/\d+)"', front).group(1)
    with chromium() as browser:
        for kind, width in WIDTHS.items():
            for name, path in (
                ("front", "/"),
                ("article", article),
                ("search", "/search/?q=" + quote(SEARCH_QUERY)),
            ):
                page = browser.new_page(
                    viewport={"width": width, "height": 900}, is_mobile=width < 600
                )
                page.goto(base + path, wait_until="networkidle")
                # Scroll once through the page so that lazily loaded photos are in the shot.
                height = page.evaluate("document.body.scrollHeight")
                for y in range(0, height, 600):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    page.wait_for_timeout(30)
                page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(OUT / f"{name}-{kind}.png"), full_page=True)
                page.close()


if __name__ == "__main__":
    main()
