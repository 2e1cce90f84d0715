"""Spam protection without a third-party service: a signed time token, a honeypot, a rate limit.

- The form carries the time it was served, signed with SECRET_KEY: a post without it, with a
  forged one, or sooner than `SINMUN_TIP_MIN_SECONDS` after the form was served is not a person
  typing a tip. An expired token (`SINMUN_TIP_FORM_MAX_AGE_SECONDS`) asks for a resend and
  keeps the text.
- A field people never see (`homepage`) that form-filling robots fill in.
- At most `SINMUN_TIP_POSTS_PER_HOUR` posts an hour from one address, counted in Django's
  cache under a keyed hash of the address, so the address itself is stored nowhere.
"""

import time

from django.conf import settings
from django.core import signing

from sinmun.core import ratelimit

SALT = "sinmun.tips.form"


class TokenProblem:
    MISSING = "missing"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"


def make_token(*, now: float | None = None) -> str:
    return signing.dumps({"t": now if now is not None else time.time()}, salt=SALT)


def check_token(token: str, *, now: float | None = None) -> str | None:
    """Return None for a good token, else a `TokenProblem`."""
    now = now if now is not None else time.time()
    try:
        served = float(signing.loads(token, salt=SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return TokenProblem.MISSING
    if now - served > settings.SINMUN_TIP_FORM_MAX_AGE_SECONDS:
        return TokenProblem.EXPIRED
    if now - served < settings.SINMUN_TIP_MIN_SECONDS:
        return TokenProblem.TOO_FAST
    return None


def over_limit(address: str) -> bool:
    """Count one post from `address`; True if it is over the hourly limit."""
    return ratelimit.over_hourly_limit(
        address, scope="tips", limit=settings.SINMUN_TIP_POSTS_PER_HOUR
    )
