"""Every public page type, checked as the Nu HTML checker and axe-core check them.

axe-core (WCAG 2.2 A/AA and best practices) runs in Debian's Chromium at a desktop and a
phone width; the Nu checker's jar validates each page's HTML in one run. Both come from
npm through `make a11y-deps` (var/node/), never at test time.
"""

import pytest
from django.template import loader

from tests.browser import chromium
from tests.pages import AXE, WIDTHS, every_page_type, nu_errors, require

pytestmark = pytest.mark.django_db(transaction=True)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def server_error_page() -> str:
    return loader.get_template("500.html").render()


def test_every_page_type_is_valid_html(client, paper, reporter, tmp_path):
    pages = every_page_type(paper, reporter)
    documents = {}
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), name
        documents[name] = response.text
    documents["server-error"] = server_error_page()

    assert nu_errors(documents, tmp_path) == {}


@pytest.mark.browser
def test_every_page_type_has_no_axe_violations_on_desktop_and_phone(
    live_server, paper, reporter
):
    pages = every_page_type(paper, reporter)
    axe = require(AXE).read_text()
    violations = {}
    with chromium() as browser:
        for width in WIDTHS:
            # axe is injected as a script of the test's own: the page's CSP (which
            # tests/test_csp.py checks) would block it.
            context = browser.new_context(
                viewport={"width": width, "height": 900},
                is_mobile=width < 600,
                bypass_csp=True,
            )
            page = context.new_page()
            for name, path in [*pages.items(), ("server-error", None)]:
                if path is None:
                    page.set_content(server_error_page())
                else:
                    page.goto(live_server.url + path)
                page.add_script_tag(content=axe)
                result = page.evaluate(
                    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                    AXE_TAGS,
                )
                found = {
                    v["id"]: [n["target"] for n in v["nodes"]]
                    for v in result["violations"]
                }
                if found:
                    violations[f"{name} at {width}px"] = found
            context.close()

    assert violations == {}
