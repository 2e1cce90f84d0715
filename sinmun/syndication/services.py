"""Telling search engines that pages changed (IndexNow: Naver, Bing and others)."""

import json
import logging
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)


def notify_indexnow(*, urls: list[str]) -> int:
    """POST `urls` to every configured IndexNow endpoint; return how many accepted them.

    One request per endpoint and site (IndexNow takes one host per request). Never raises:
    a search engine being down must not matter to the newsroom.
    """
    key = settings.SINMUN_INDEXNOW_KEY
    if not key or not urls:
        return 0
    by_site: dict[tuple[str, str], list[str]] = {}
    for url in urls:
        parts = urlsplit(url)
        by_site.setdefault((parts.scheme, parts.netloc), []).append(url)
    accepted = 0
    for (scheme, host), site_urls in by_site.items():
        payload = json.dumps(
            {
                "host": host,
                "key": key,
                "keyLocation": f"{scheme}://{host}/{key}.txt",
                "urlList": site_urls,
            }
        ).encode()
        for endpoint in settings.SINMUN_INDEXNOW_ENDPOINTS:
            if _post(endpoint, payload):
                accepted += 1
    return accepted


def _post(endpoint: str, payload: bytes) -> bool:
    attempts = 1 + settings.SINMUN_INDEXNOW_RETRIES
    for attempt in range(attempts):
        request = urllib.request.Request(
            endpoint,
            data=payload,
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(
                request, timeout=settings.SINMUN_INDEXNOW_TIMEOUT_SECONDS
            ) as response:
                if response.status in (200, 202):
                    return True
        except urllib.error.HTTPError as error:
            if error.code in (
                400,
                403,
                422,
            ):  # our request is wrong: retrying won't help
                logger.warning("IndexNow %s refused: HTTP %s", endpoint, error.code)
                return False
            logger.warning("IndexNow %s failed: HTTP %s", endpoint, error.code)
        except (OSError, ValueError) as error:
            logger.warning("IndexNow %s failed: %s", endpoint, error)
        if attempt + 1 < attempts:
            time.sleep(settings.SINMUN_INDEXNOW_BACKOFF_SECONDS * 2**attempt)
    return False
