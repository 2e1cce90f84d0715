"""Content-Security-Policy violation reports: read, rate-limit, log."""

import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger("sinmun.csp")

# The report fields worth keeping, in both formats: report-uri's "csp-report" (kebab-case)
# and the Reporting API's "body" (camelCase).
FIELDS = {
    "document-uri": "documentURL",
    "violated-directive": "effectiveDirective",
    "blocked-uri": "blockedURL",
    "source-file": "sourceFile",
    "line-number": "lineNumber",
}


def parse(body: bytes) -> list[dict] | None:
    """Return the reports in `body` (report-uri or Reporting API JSON), or None if none."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]
    if isinstance(data, list):
        reports = [
            _from_reporting_api(item["body"])
            for item in data
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
        return reports or None
    return None


def _from_reporting_api(body: dict) -> dict:
    return {kebab: body.get(camel) for kebab, camel in FIELDS.items()}


def allowed(address: str) -> bool:
    """Count one report from `address`; False past the limit for this minute."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"sinmun:csp-reports:{address}:{minute}"
    if cache.add(key, 1, timeout=60):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        return True
    return count is None or count <= settings.SINMUN_CSP_REPORTS_PER_MINUTE


def log(report: dict) -> None:
    # %r quotes and escapes whatever a browser (or anyone) sent: no forged log lines.
    values = {field: str(report.get(field, ""))[:300] for field in FIELDS}
    logger.warning(
        "CSP violation: %r blocked %r on %r (%r line %r)",
        values["violated-directive"],
        values["blocked-uri"],
        values["document-uri"],
        values["source-file"],
        values["line-number"],
    )
