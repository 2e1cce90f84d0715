"""Gzip for what every reader sees alike, when no edge compresses in front of the app."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, has_vary_header


def shared_alike(request, response) -> bool:
    """Whether `response` is the same for every reader: public, no cookie, no personal data.

    `cache.make_public` marks such responses (the edge keeps them for everyone); the admin,
    previews, forms with a CSRF token and anything that sets a cookie never are.
    """
    if response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    if has_vary_header(response, "Cookie") or request.META.get(
        "CSRF_COOKIE_NEEDS_UPDATE"
    ):
        return False
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return "public" in directives and not directives & {
        "private",
        "no-store",
        "no-cache",
    }


class PublicGZipMiddleware(GZipMiddleware):
    """Compress public pages, feeds and sitemaps; leave everything else as it is.

    BREACH recovers a secret from compressed sizes when a response holds the secret next
    to text an attacker chose (a search query). Public responses hold no secret, no CSRF
    token and no session, so compressing them leaks nothing; the admin and forms, which
    do hold tokens, go out uncompressed. Django also pads each gzip stream with random
    bytes (Heal The Breach). Static files are precompressed by WhiteNoise's
    CompressedManifestStaticFilesStorage and never reach this middleware (streaming).
    """

    def process_response(self, request, response):
        if not settings.SINMUN_COMPRESS_PAGES or not shared_alike(request, response):
            return response
        return super().process_response(request, response)
