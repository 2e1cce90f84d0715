"""Settings for the test suite: fast hashing, plain static files, immediate tasks."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-" + "t" * 50
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
SINMUN_PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"  # noqa: F405
STORAGES["tips"]["OPTIONS"]["location"] = SINMUN_PRIVATE_MEDIA_ROOT  # noqa: F405
if not os.environ.get("REDIS_URL"):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests create and roll back sites all the time; the per-process site table is tested on its own.
SINMUN_SITE_CACHE_SECONDS = 0
# Serve static files from the app folders without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests that log into the admin as a superuser or an editor-in-chief are about something
# else; the two-factor tests (sinmun/users/tests) turn this back on.
SINMUN_2FA_REQUIRED = False
