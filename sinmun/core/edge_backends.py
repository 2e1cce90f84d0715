"""A `wagtail.contrib.frontend_cache` backend for Varnish with xkey (surrogate-key) purges.

Wagtail's `HTTPBackend` purges one URL per request and only logs a failure; this one also
purges by key (`xkey-purge: a12 front`, vmod xkey, docs/deploy.md) and raises, so the purge
task can retry. Fastly-style surrogate keys work the same way with another header name.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger(__name__)


class PurgeFailed(Exception):
    pass


class XkeyBackend(HTTPBackend):
    """Purge Varnish by surrogate key (hard by default: a withdrawn story is never served stale)."""

    #: keys per purge request: Varnish limits a request header's length (http_req_hdr_len).
    KEYS_PER_REQUEST = 300

    def __init__(self, params):
        params = dict(params)
        self.header = params.pop("HEADER", "xkey-purge")
        self.timeout = float(params.pop("TIMEOUT", 2))
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def purge_keys(self, keys: list[str]) -> None:
        for start in range(0, len(keys), self.KEYS_PER_REQUEST):
            chunk = " ".join(keys[start : start + self.KEYS_PER_REQUEST])
            self._send(
                PurgeRequest(self.location + "/", headers={self.header: chunk}), chunk
            )

    def purge(self, url) -> None:
        parts = urlsplit(url)
        target = urlunsplit(
            [self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, ""]
        )
        self._send(PurgeRequest(target, headers={"Host": parts.netloc}), url)

    def _send(self, request: Request, what: str) -> None:
        try:
            with urlopen(request, timeout=self.timeout) as response:
                response.read()
        except HTTPError as exc:
            raise PurgeFailed(
                f"{self.location} answered {exc.code} to purge {what}"
            ) from exc
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PurgeFailed(
                f"{self.location} unreachable to purge {what}: {reason}"
            ) from exc
