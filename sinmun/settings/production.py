"""Production: PostgreSQL and Redis behind a CDN. Only tightens base; insists on secrets."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS"):
    if not os.environ.get(name):  # noqa: F405
        raise ImproperlyConfigured(
            f"Set the {name} environment variable for production."
        )

DEBUG = False
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[os.environ.get("SINMUN_TASKS_BACKEND", "database")]  # noqa: F405
    }
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SINMUN_SSL_REDIRECT", "1") == "1"  # noqa: F405
# The load balancer's probe speaks plain http to the app server; a 301 is not "healthy".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 12 * 60 * 60
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]  # noqa: F405
EMAIL_TIMEOUT = 5
TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
]
TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405
