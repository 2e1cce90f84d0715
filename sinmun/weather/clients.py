"""Where observations come from: KMA's API Hub, or the bundled sample when there is no key.

Only the standard library is used (urllib), so the feature adds no dependency. Every
message this module logs or raises has the API key removed, because the key travels in
the query string (``authKey=``) and URLs end up in error messages.
"""

import http.client
import logging
import os
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone

from sinmun.weather.breaker import CircuitBreaker
from sinmun.weather.models import Source
from sinmun.weather.parsing import (
    KST,
    ParsedBody,
    ParseError,
    describe_error_body,
    parse_observations,
)

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php"
DEFAULT_BACKFILL_URL = "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm3.php"
SAMPLE_FILE = Path(__file__).resolve().parent / "data" / "kma_sfctm2_sample.txt"
# 16 stations make about 5 KB; anything far larger is not a kma_sfctm2 answer.
MAX_BODY_BYTES = 2_000_000
BACKFILL_MAX = timedelta(days=31)  # kma_sfctm3.php answers at most 31 days per call
USER_AGENT = "sinmun-weather/1.0"
_KEY_IN_QUERY = re.compile(r"(?i)\b(authKey|serviceKey)=[^&\s'\"]*")


class SourceError(Exception):
    """Observations could not be had; the message is safe to log and to show editors."""


class SourceUnavailable(SourceError):
    """A failure that may pass: a timeout, a refused connection, HTTP 5xx or 429."""


class CircuitOpen(SourceError):
    """Calls to KMA are paused after repeated failures."""


class ObservationSource(Protocol):
    source: str

    def fetch_latest(self, stations: Sequence[int], *, now: datetime) -> ParsedBody:
        """Return the latest hourly rows for `stations`, or raise SourceError."""
        ...


def redact(text: str, secrets: Sequence[str] = ()) -> str:
    """Return `text` with API keys removed, both as query parameters and verbatim."""
    text = _KEY_IN_QUERY.sub(r"\1=[redacted]", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    return text


def api_key_from_settings() -> str:
    """Return the API Hub key: the setting if defined, else the environment variable."""
    key = getattr(settings, "SINMUN_KMA_API_KEY", None)
    if key is None:
        key = os.environ.get("SINMUN_KMA_API_KEY", "")
    return key.strip()


def source_from_settings() -> "ObservationSource":
    """Return the real client when an API key is configured, else the bundled sample."""
    key = api_key_from_settings()
    if not key:
        return SampleFileSource()
    return KmaApiHubClient(
        api_key=key,
        url=getattr(settings, "SINMUN_KMA_API_URL", DEFAULT_URL),
        backfill_url=getattr(settings, "SINMUN_KMA_BACKFILL_URL", DEFAULT_BACKFILL_URL),
        timeout=float(getattr(settings, "SINMUN_KMA_TIMEOUT_SECONDS", 5)),
        retries=int(getattr(settings, "SINMUN_KMA_RETRIES", 2)),
        backoff=float(getattr(settings, "SINMUN_KMA_BACKOFF_SECONDS", 1.0)),
        breaker=CircuitBreaker(
            "kma-api-hub",
            threshold=int(getattr(settings, "SINMUN_KMA_BREAKER_THRESHOLD", 3)),
            cooldown=timedelta(
                seconds=getattr(settings, "SINMUN_KMA_BREAKER_COOLDOWN_SECONDS", 1800)
            ),
        ),
    )


class KmaApiHubClient:
    """Fetch hourly ASOS observations from kma_sfctm2.php (and kma_sfctm3.php to backfill)."""

    source = Source.API

    def __init__(
        self,
        *,
        api_key: str,
        url: str = DEFAULT_URL,
        backfill_url: str = DEFAULT_BACKFILL_URL,
        timeout: float = 5.0,
        retries: int = 2,
        backoff: float = 1.0,
        breaker: CircuitBreaker | None = None,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ):
        self.api_key = api_key
        self.url = url
        self.backfill_url = backfill_url
        self.timeout = timeout
        self.retries = max(retries, 0)
        self.backoff = backoff
        self.breaker = breaker
        self.sleep = sleep
        self.jitter = jitter
        self._secrets = sorted(
            {
                api_key,
                urllib.parse.quote(api_key, safe=""),
                urllib.parse.quote_plus(api_key),
            },
            key=len,
            reverse=True,
        )
        self._opener = urllib.request.build_opener()

    def fetch_latest(self, stations: Sequence[int], *, now: datetime) -> ParsedBody:
        """Return the newest hour KMA has for `stations` (no `tm`: the latest available)."""
        return self._call(self.url, {"stn": _station_list(stations), "help": "0"})

    def fetch_period(
        self, stations: Sequence[int], *, start: datetime, end: datetime
    ) -> ParsedBody:
        """Return every hourly row for `stations` from `start` to `end` (at most 31 days)."""
        start = max(start, end - BACKFILL_MAX)
        return self._call(
            self.backfill_url,
            {
                "tm1": start.astimezone(KST).strftime("%Y%m%d%H00"),
                "tm2": end.astimezone(KST).strftime("%Y%m%d%H00"),
                "stn": _station_list(stations),
                "help": "0",
            },
        )

    def redact(self, text: str) -> str:
        return redact(text, self._secrets)

    def _call(self, url: str, params: dict[str, str]) -> ParsedBody:
        if self.breaker and (until := self.breaker.paused_until()):
            raise CircuitOpen(
                "KMA calls are paused after repeated failures; the next try is after "
                f"{timezone.localtime(until):%H:%M}."
            )
        query = urllib.parse.urlencode({**params, "authKey": self.api_key})
        full_url = f"{url}{'&' if '?' in url else '?'}{query}"
        try:
            parsed = self._with_retries(full_url)
        except SourceError as error:
            if self.breaker:
                self.breaker.record_failure()
            message = self.redact(str(error))
            logger.warning("KMA fetch failed: %s", message)
            raise type(error)(message) from None
        if self.breaker:
            self.breaker.record_success()
        return parsed

    def _with_retries(self, full_url: str) -> ParsedBody:
        for attempt in range(self.retries + 1):
            try:
                return self._attempt(full_url)
            except SourceUnavailable as error:
                if attempt == self.retries:
                    raise
                # Exponential backoff with jitter, so many sites do not retry in step.
                delay = self.backoff * 2**attempt * (0.5 + self.jitter() / 2)
                logger.info(
                    "KMA attempt %d failed (%s); retrying in %.1f s",
                    attempt + 1,
                    self.redact(str(error)),
                    delay,
                )
                self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(self, full_url: str) -> ParsedBody:
        body = self._get(full_url)
        try:
            return parse_observations(body)
        except ParseError as error:
            kind = SourceUnavailable if error.transient else SourceError
            raise kind(str(error)) from None

    def _get(self, full_url: str) -> bytes:
        request = urllib.request.Request(
            full_url, headers={"User-Agent": USER_AGENT, "Accept": "text/plain"}
        )
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return self._read(response, deadline)
        except urllib.error.HTTPError as error:
            raise self._http_error(error) from None
        except urllib.error.URLError as error:
            raise SourceUnavailable(f"Could not reach KMA: {error.reason}") from None
        except (TimeoutError, ConnectionError, http.client.HTTPException) as error:
            raise SourceUnavailable(
                f"Could not reach KMA: {type(error).__name__} {error}".strip()
            ) from None
        except (OSError, ValueError) as error:
            raise SourceError(
                f"Could not call KMA: {type(error).__name__} {error}"
            ) from None

    def _read(self, response, deadline: float) -> bytes:
        # The socket timeout bounds each read; the deadline bounds a server that drips.
        chunks, size = [], 0
        while chunk := response.read(65_536):
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise SourceError(
                    f"KMA sent more than {MAX_BODY_BYTES} bytes; ignored."
                )
            if time.monotonic() > deadline:
                raise SourceUnavailable(
                    f"KMA took longer than {self.timeout:g} s to answer."
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _http_error(self, error: urllib.error.HTTPError) -> SourceError:
        try:
            detail = describe_error_body(error.read(4_096))
        except (OSError, http.client.HTTPException):
            detail = ""
        finally:
            error.close()
        message = f"KMA answered HTTP {error.code}" + (f": {detail}" if detail else "")
        if error.code >= 500 or error.code == 429:
            return SourceUnavailable(message)
        if error.code in (401, 403):
            message += (
                " Check SINMUN_KMA_API_KEY and that this API is applied for (활용신청)."
            )
        return SourceError(message)


@dataclass
class SampleFileSource:
    """Read observations from the bundled sample, re-stamped to the latest full hour (KST)."""

    path: Path = SAMPLE_FILE
    source = Source.SAMPLE

    def fetch_latest(self, stations: Sequence[int], *, now: datetime) -> ParsedBody:
        """Return the sample's rows for `stations`, as if observed at the last full hour."""
        try:
            parsed = parse_observations(self.path.read_bytes())
        except OSError as error:
            raise SourceError(
                f"Could not read the weather sample {self.path.name}: {error.strerror}"
            ) from None
        except ParseError as error:
            raise SourceError(
                f"The weather sample {self.path.name} is malformed: {error}"
            ) from None
        wanted = set(stations)
        rows = [row for row in parsed.rows if row.station_number in wanted]
        if not rows:
            return ParsedBody(rows=[], rejected=parsed.rejected)
        hour = now.astimezone(KST).replace(minute=0, second=0, microsecond=0)
        shift = hour - max(row.observed_at for row in rows)
        return ParsedBody(
            rows=[replace(row, observed_at=row.observed_at + shift) for row in rows],
            rejected=parsed.rejected,
        )


def _station_list(stations: Sequence[int]) -> str:
    return ":".join(str(number) for number in stations)
