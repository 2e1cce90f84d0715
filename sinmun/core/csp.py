"""The Content-Security-Policy of every response (django-csp 4; docs/decisions/0007).

Reader pages get one policy for everyone: no nonce, no inline script, so a page the edge
keeps for an hour carries a header that is right for every reader. The paper's third
parties (ads, analytics) come from the site settings (NewspaperSettings), not from code.
The admin gets the reader policy with Wagtail's needs on top (SINMUN_CSP_ADMIN_DIRECTIVES).
"""

import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# An https origin, optionally with a leading wildcard label and a path: what a CSP source
# expression may be here. Quotes, semicolons and spaces could smuggle in a directive.
SOURCE = re.compile(
    r"^https://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(/[^\s;,'\"]*)?$"
)
URL = re.compile(r"^https://[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?/[^\s'\"<>]*$")

# Site-settings field -> the directive its sources are added to.
SOURCE_FIELDS = {
    "external_script_sources": "script-src",
    "external_img_sources": "img-src",
    "external_connect_sources": "connect-src",
    "external_frame_sources": "frame-src",
}


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_sources(text: str) -> None:
    """Refuse anything but https origins, one a line (https://ads.example.com)."""
    for line in lines(text):
        if not SOURCE.match(line.lower()):
            raise ValidationError(
                _(
                    "“%(line)s” is not an https address such as https://ads.example.com. "
                    "Write one address a line, without quotes or semicolons."
                ),
                params={"line": line[:100]},
            )


def validate_script_urls(text: str) -> None:
    """Refuse anything but https script addresses, one a line."""
    for line in lines(text):
        if not URL.match(line.lower()):
            raise ValidationError(
                _(
                    "“%(line)s” is not the https address of a script, such as "
                    "https://ads.example.com/tag.js. Write one address a line."
                ),
                params={"line": line[:100]},
            )


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def site_sources(paper) -> dict[str, list[str]]:
    """Return the sources the paper's site settings add, by directive."""
    added: dict[str, list[str]] = {}
    scripts = [origin(url) for url in lines(paper.external_scripts)]
    if scripts:
        added["script-src"] = scripts
    for field, directive in SOURCE_FIELDS.items():
        sources = lines(getattr(paper, field))
        if sources:
            added.setdefault(directive, []).extend(sources)
    return {d: list(dict.fromkeys(s)) for d, s in added.items()}


def is_admin(request) -> bool:
    return request.path_info.startswith("/admin/")


def is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with the admin's policy and the paper's third parties."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if is_admin(request):
            directives.update(settings.SINMUN_CSP_ADMIN_DIRECTIVES)
        elif is_html(response) and response.status_code < 500:
            for directive, sources in self.paper_sources(request).items():
                directives[directive] = [*directives.get(directive, []), *sources]
        return PolicyParts(
            config=directives, update=parts.update, replace=parts.replace, nonce=None
        )

    @staticmethod
    def paper_sources(request) -> dict[str, list[str]]:
        # The page has just read the settings (title, footer): this is a cached object.
        from wagtail.models import Site

        from sinmun.core.models import NewspaperSettings

        if Site.find_for_request(request) is None:
            return {}
        return site_sources(NewspaperSettings.for_request(request))
