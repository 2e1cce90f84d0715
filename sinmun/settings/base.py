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
    "sinmun.migration",
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
    "django_tasks_db",
    "rest_framework",
]

MIDDLEWARE = [
    # Outermost, so it sees the final response (and any cookie that got in).
    "sinmun.core.edge.SurrogateKeyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sinmun.core.sites.CurrentSiteMiddleware",
    "sinmun.migration.middleware.OldShortlinkMiddleware",
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
            # django-redis behind a circuit breaker (sinmun/core/cache_backends.py): a down
            # or hung Redis costs a page its cache, never the reader a 500 or a long wait.
            "BACKEND": "sinmun.core.cache_backends.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "sinmun",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# After a failed Redis call, no call tries Redis for this long (then one probe does).
SINMUN_CACHE_BREAKER_COOLDOWN_SECONDS = 5
# /healthz reports the queue degraded when a ready task has waited longer than this.
SINMUN_HEALTH_QUEUE_MAX_AGE_SECONDS = 300
# The app serves MEDIA_ROOT itself (one server); set 0 where nginx or object storage does.
SINMUN_SERVE_MEDIA = os.environ.get("SINMUN_SERVE_MEDIA", "1") == "1"
# Uploaded files and renditions never change under their name: browsers and the edge keep them.
SINMUN_MEDIA_CACHE_SECONDS = 24 * 60 * 60

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

# Background work (search indexing, edge purges, IndexNow). The immediate backend runs a task
# inside the request that queues it (the demo, tests); production queues it in the database
# for `manage.py db_worker` (django-tasks-db), so a publish never waits on the outside.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[os.environ.get("SINMUN_TASKS_BACKEND", "immediate")]
    }
}

# The edge (docs/deploy.md): Varnish with xkey at SINMUN_EDGE_URL, purged by surrogate key
# (sinmun.core.edge). A CDN can be added here with Wagtail's own backends
# (wagtail.contrib.frontend_cache: Cloudflare, CloudFront...), which are purged by URL.
WAGTAILFRONTENDCACHE = {}
if edge_url := os.environ.get("SINMUN_EDGE_URL"):
    WAGTAILFRONTENDCACHE["edge"] = {
        "BACKEND": "sinmun.core.edge_backends.XkeyBackend",
        "LOCATION": edge_url,
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"sinmun": {"level": os.environ.get("SINMUN_LOG_LEVEL", "INFO")}},
}

# sinmun's own settings (documented in docs/settings.md)
SINMUN_LISTING_PAGE_SIZE = 20
# Each process keeps which site a host name is for this long (core.sites).
SINMUN_SITE_CACHE_SECONDS = 60
# Periodic jobs run by `manage.py run_scheduler`: management command -> interval in seconds.
SINMUN_SCHEDULED_JOBS = {"publish_scheduled": 60, "fetch_weather": 600}
# A run's lease lasts this long and is renewed every sixth of it while the job runs, so a
# scheduler killed mid-run (kill -9, a lost server) blocks its job for at most this long.
SINMUN_JOB_LEASE_SECONDS = 30
SINMUN_PREVIEW_LENGTH = 120
# Public pages: browsers keep a minute; a shared cache (CDN) may serve a stale copy
# while it refetches, and for a day if the origin is down (RFC 5861).
SINMUN_PUBLIC_CACHE_SECONDS = 60
SINMUN_SHARED_CACHE_SECONDS = 60
# How long the edge keeps a public page between changes (purges drop it at once).
SINMUN_EDGE_CACHE_SECONDS = 60 * 60
SINMUN_EDGE_PURGE_ATTEMPTS = 5
SINMUN_EDGE_PURGE_BACKOFF_SECONDS = 2.0
# Proxies (the edge) whose X-Forwarded-For is believed, e.g. for telling readers apart.
SINMUN_TRUSTED_PROXIES = os.environ.get(
    "SINMUN_TRUSTED_PROXIES", "127.0.0.1,::1"
).split(",")
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
SINMUN_KMA_API_URL = (
    os.environ.get("SINMUN_KMA_API_URL")
    or "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm2.php"
)
SINMUN_KMA_BACKFILL_URL = (
    os.environ.get("SINMUN_KMA_BACKFILL_URL")
    or "https://apihub.kma.go.kr/api/typ01/url/kma_sfctm3.php"
)
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
SINMUN_INDEXNOW_TIMEOUT_SECONDS = 3
SINMUN_INDEXNOW_RETRIES = 2
SINMUN_INDEXNOW_BACKOFF_SECONDS = 1.0

# ArticlePage replaces Page's title SearchField with a KoreanSearchField of the same name
# (sinmun/search/fields.py koreanize), which Wagtail's check cannot tell from a missing one.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
