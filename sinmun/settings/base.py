"""Settings shared by every environment.

Everything lives here: environment variables switch features on, and the defaults are safe
and embedded (SQLite, local-memory cache). ``production`` only tightens.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "sinmun"

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "sinmun.core",
    "sinmun.users",
    "sinmun.search",
    "sinmun.images",
    "sinmun.newsroom",
    "sinmun.articles",
    "sinmun.sections",
    "sinmun.frontpage",
    "sinmun.syndication",
    "sinmun.weather",
    "sinmun.desk",
    "sinmun.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sinmun.urls"
WSGI_APPLICATION = "sinmun.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sinmun.sections.context_processors.sections",
                "sinmun.weather.context_processors.weather",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers keep reading while an editor saves; IMMEDIATE takes the write lock
    # at BEGIN so two writers queue instead of failing with "database is locked";
    # synchronous=FULL because an acknowledged save must survive a crash.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "sinmun",
            "OPTIONS": {
                # A down or hung Redis must cost a page its cache, not the reader a 500.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions stay in the database so that losing Redis never logs the newsroom out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean"))]
TIME_ZONE = "Asia/Seoul"  # shown to readers; values are stored in UTC
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ko", "한국어")]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("SINMUN_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "sinmun"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.Photo"
WAGTAILIMAGES_EXTENSIONS = [
    "gif",
    "jpg",
    "jpeg",
    "png",
    "webp",
]  # no SVG from reporters
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "hwp",
    "hwpx",
    "docx",
    "xlsx",
    "pptx",
    "txt",
    "csv",
    "zip",
]
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Python strftime syntax, and one of the (Korean) locale's *_INPUT_FORMATS: the admin's date
# picker writes this format and the form must read it back.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
# Korean search: Kiwi morphemes on SQLite FTS5 or PostgreSQL (sinmun/search). Pages are
# indexed by a task on publish/unpublish (core.BasePage.search_auto_update); photos,
# documents and people are indexed on save, as Wagtail does by default.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sinmun.search.backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"sinmun": {"level": os.environ.get("SINMUN_LOG_LEVEL", "INFO")}},
}

# sinmun's own settings (documented in docs/settings.md)
SINMUN_LISTING_PAGE_SIZE = 20
# Periodic jobs run by `manage.py run_scheduler`: management command -> interval in seconds.
SINMUN_SCHEDULED_JOBS = {"publish_scheduled": 60, "fetch_weather": 600}
SINMUN_JOB_LEASE_SECONDS = 15 * 60
SINMUN_PREVIEW_LENGTH = 120
# Public pages: browsers keep a minute; a shared cache (CDN) may serve a stale copy
# while it refetches, and for a day if the origin is down (RFC 5861).
SINMUN_PUBLIC_CACHE_SECONDS = 60
SINMUN_SHARED_CACHE_SECONDS = 60
SINMUN_MOST_READ_DAYS = 3
SINMUN_BOX_CACHE_SECONDS = 30

# Search (docs/settings.md)
SINMUN_SEARCH_PRELOAD_ANALYSER = True
SINMUN_SEARCH_MAX_QUERY_LENGTH = 200
SINMUN_SEARCH_RANK_WINDOW = 1000
SINMUN_NEAR_DUPLICATE_THRESHOLD = 0.8
SINMUN_NEAR_DUPLICATE_DAYS = 30

# Weather ticker (KMA API Hub surface observations; docs/settings.md)
SINMUN_KMA_API_KEY = os.environ.get("SINMUN_KMA_API_KEY", "")
SINMUN_KMA_API_URL = "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php"
SINMUN_KMA_BACKFILL_URL = "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm3.php"
SINMUN_KMA_TIMEOUT_SECONDS = 5
SINMUN_KMA_RETRIES = 2
SINMUN_KMA_BACKOFF_SECONDS = 1.0
SINMUN_KMA_BREAKER_THRESHOLD = 3
SINMUN_KMA_BREAKER_COOLDOWN_SECONDS = 30 * 60
SINMUN_WEATHER_STALE_AFTER_SECONDS = 3 * 60 * 60
SINMUN_WEATHER_TICKER_CACHE_SECONDS = 60
SINMUN_WEATHER_ESTIMATE_OBSCURATION = False

# Feeds, sitemaps and IndexNow (docs/settings.md)
SINMUN_FEED_LENGTH = 30
SINMUN_SITEMAP_LIMIT = 1000
SINMUN_SITEMAP_INDEX_LIMIT = 50_000
SINMUN_INDEXNOW_KEY = os.environ.get("SINMUN_INDEXNOW_KEY", "")
SINMUN_INDEXNOW_ENDPOINTS = [
    "https://searchadvisor.naver.com/indexnow",
    "https://api.indexnow.org/indexnow",
]
SINMUN_INDEXNOW_TIMEOUT_SECONDS = 5
SINMUN_INDEXNOW_RETRIES = 2
SINMUN_INDEXNOW_BACKOFF_SECONDS = 1.0

# ArticlePage replaces Page's title SearchField with a KoreanSearchField of the same name
# (sinmun/search/fields.py koreanize), which Wagtail's check cannot tell from a missing one.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
