"""Counting posts per reader's address without storing the address (reader forms' spam guard).

A form (기사 제보, 뉴스레터 구독) counts each post in Django's cache under a keyed hash of the
address, so the address itself is kept nowhere; with the cache down the limit is off.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

HOUR = 60 * 60


def _key(scope: str, address: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256
    ).hexdigest()
    return f"sinmun:{scope}:posts:{digest[:32]}"


def over_hourly_limit(address: str, *, scope: str, limit: int) -> bool:
    """Count one post from `address` under `scope`; True if it is over `limit` this hour."""
    key = _key(scope, address)
    cache.add(key, 0, timeout=HOUR)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=HOUR)
        count = 1
    return count > limit
