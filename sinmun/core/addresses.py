"""The address a request came from, as the edge saw it."""

from django.conf import settings


def client_address(request) -> str:
    """Return the client's address; behind the edge, the one the edge saw (X-Forwarded-For).

    Only a proxy in SINMUN_TRUSTED_PROXIES is believed, and only its own last entry: a
    client can put anything in the header, but not in what the edge appends. The read
    counter (articles.views) and the login throttle (django-axes) tell clients apart by it.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in settings.SINMUN_TRUSTED_PROXIES:
        return forwarded.rsplit(",", 1)[-1].strip()[:64]
    return remote
