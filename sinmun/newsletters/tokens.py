"""Signed links in the letters: confirming an address (expires) and leaving (does not).

Both carry the subscriber's id signed with SECRET_KEY (django.core.signing), so a link
cannot be made up for someone else's address, and no token is stored.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "sinmun.newsletters.confirm"
UNSUBSCRIBE_SALT = "sinmun.newsletters.unsubscribe"
# Longer tokens are not ours: they are refused before any signature is checked.
MAX_LENGTH = 200


class Expired(Exception):
    pass


class Invalid(Exception):
    pass


def confirm_token(subscriber) -> str:
    # The address is part of the token: a link sent to an old address confirms nothing.
    return signing.dumps({"s": subscriber.pk, "e": subscriber.email}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> tuple[int, str]:
    """Return (subscriber id, address) of a confirmation token; raise Expired or Invalid."""
    if len(token) > MAX_LENGTH:
        raise Invalid
    try:
        data = signing.loads(
            token,
            salt=CONFIRM_SALT,
            max_age=settings.SINMUN_NEWSLETTER_CONFIRM_MAX_AGE_SECONDS,
        )
    except signing.SignatureExpired:
        raise Expired from None
    except signing.BadSignature:
        raise Invalid from None
    try:
        return int(data["s"]), str(data["e"])
    except (KeyError, TypeError, ValueError):
        raise Invalid from None


def unsubscribe_token(subscriber_id: int) -> str:
    # No expiry: a letter read a year later must still let its reader leave.
    return signing.dumps(subscriber_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int:
    """Return the subscriber id of an unsubscribe token; raise Invalid."""
    if len(token) > MAX_LENGTH:
        raise Invalid
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise Invalid from None
    if not isinstance(value, int):
        raise Invalid
    return value
