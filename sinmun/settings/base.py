"""Settings shared by every environment.

Everything lives here: environment variables switch features on, and the defaults are safe
and embedded (SQLite, local-memory cache). ``production`` only tightens.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
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
    "sinmun.ads",
    "sinmun.desk",
    "sinmun.tips",
    "sinmun.newsletters",
    "sinmun.comments",
    "sinmun.demo",
    "sinmun.migration",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "sinmun.desk.apps.NewsroomUsersConfig",  # wagtail.users, with the newsroom's rules
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "anymail",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
]

MIDDLEWARE = [
    # Outermost: it compresses the final body, after the edge keys were read from it.
    "sinmun.core.compression.PublicGZipMiddleware",
    # Next, so it sees the final response (and any cookie that got in).
    "sinmun.core.edge.SurrogateKeyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sinmun.users.middleware.TwoFactorMiddleware",
    # Readers' sign-in (sinmun.comments.accounts); the newsroom's stays the admin's.
    "allauth.account.middleware.AccountMiddleware",
    "sinmun.comments.middleware.PrivateSignInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sinmun.core.csp.CSPMiddleware",
    "sinmun.core.sites.CurrentSiteMiddleware",
    # After the site is known: its settings' key is among those read in one round trip.
    "sinmun.core.readahead.ReadAheadMiddleware",
    "sinmun.migration.middleware.OldShortlinkMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Every refusal in the admin (a 403, or Wagtail's redirect home), logged with the account.
    "sinmun.desk.middleware.AdminRefusalLogMiddleware",
    # Inside everything else: a page edit's conflict check and save in one transaction on
    # the page's row.
    "sinmun.desk.middleware.PageEditLockMiddleware",
    # The reports that list every story's state, refused to reporters by default.
    "sinmun.desk.middleware.NewsroomReportsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
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
# Gzip public pages, feeds and sitemaps at the app (core.compression); 0 where an edge
# or proxy in front already compresses them.
SINMUN_COMPRESS_PAGES = os.environ.get("SINMUN_COMPRESS_PAGES", "1") == "1"
# Uploaded files and renditions never change under their name: browsers and the edge keep them.
SINMUN_MEDIA_CACHE_SECONDS = 24 * 60 * 60

# Outgoing mail (the desk's tip notices): an SMTP relay set by the operator.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Sessions stay in the database so that losing Redis never logs the newsroom out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "users.User"
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
# Tip attachments (기사 제보): outside MEDIA_ROOT, so nothing serves them but the admin's
# permission-checked view (sinmun.tips.views.attachment).
SINMUN_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("SINMUN_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "tips": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": SINMUN_PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "sinmun"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "sinmun.articles.editor.NewsroomDraftailRichTextArea"}
}
WAGTAILIMAGES_IMAGE_MODEL = "images.Photo"
WAGTAILIMAGES_IMAGE_FORM_BASE = "sinmun.images.forms.PhotoForm"
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
# Avatars: Wagtail's own default picture unless an operator names a Gravatar-style service
# the newsroom can reach (the admin's pages must not wait on, or break for, an outside host).
WAGTAIL_GRAVATAR_PROVIDER_URL = os.environ.get("WAGTAIL_GRAVATAR_PROVIDER_URL") or None
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

# Login throttling (django-axes; docs/settings.md). Failed logins count per account (from
# any address) and per address (for any account); at the limit that account or address is
# refused, the right password too, until the lockout has passed since the last failure.
# Failures during a lockout do not extend it, so nobody can keep a reporter out for good.
SINMUN_LOGIN_FAILURE_LIMIT = int(os.environ.get("SINMUN_LOGIN_FAILURE_LIMIT", "10"))
SINMUN_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("SINMUN_LOGIN_LOCKOUT_MINUTES", "15"))
AXES_FAILURE_LIMIT = SINMUN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=SINMUN_LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "sinmun.core.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "sinmun.users.views.locked_out"
AXES_ENABLE_ADMIN = False

# Two-factor authentication (django-otp TOTP with recovery codes; docs/settings.md). An
# account that has enrolled always needs its code; superusers and these groups must enrol
# before they reach anything in the admin.
SINMUN_2FA_REQUIRED = os.environ.get("SINMUN_2FA_REQUIRED", "1") == "1"
SINMUN_2FA_REQUIRED_GROUPS = ["편집국장", "관리자"]
SINMUN_2FA_ISSUER = os.environ.get("SINMUN_2FA_ISSUER", "sinmun")
SINMUN_2FA_RECOVERY_CODES = 10

# Whether a 기자 may read the site-history, workflow and aging reports, which show every
# story's headline and state, other reporters' drafts and embargoes included.
SINMUN_REPORTERS_SEE_NEWSROOM_REPORTS = (
    os.environ.get("SINMUN_REPORTERS_SEE_NEWSROOM_REPORTS", "0") == "1"
)
OTP_TOTP_ISSUER = SINMUN_2FA_ISSUER
# Gravatar would send a hash of every editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp 4, sinmun.core.csp; docs/decisions/0007). The reader
# site runs no inline script and no script from elsewhere but what the site settings name
# (ads, analytics); these are the sources every page may use besides its own origin.
SINMUN_CSP_SOURCES = {
    "script-src": [],
    "style-src": [],
    "img-src": ["data:"],
    "font-src": [],
    "connect-src": [],
    "frame-src": [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        # Video stories (articles.video): Naver TV and Kakao TV players, after a tap.
        "https://tv.naver.com",
        "https://play-tv.kakao.com",
    ],
}
SINMUN_CSP_REPORTS_PER_MINUTE = 30
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *SINMUN_CSP_SOURCES["script-src"]],
        "style-src": [SELF, *SINMUN_CSP_SOURCES["style-src"]],
        "img-src": [SELF, *SINMUN_CSP_SOURCES["img-src"]],
        "font-src": [SELF, *SINMUN_CSP_SOURCES["font-src"]],
        "connect-src": [SELF, *SINMUN_CSP_SOURCES["connect-src"]],
        "frame-src": [SELF, *SINMUN_CSP_SOURCES["frame-src"]],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": "/csp-report",
    }
}
# The admin replaces these directives of the reader policy: Wagtail 8's own templates still
# carry inline scripts (inline panels, date pickers) and style attributes, and its image
# previews are data: and blob: URLs. The admin is never cached and never public.
SINMUN_CSP_ADMIN_DIRECTIVES = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
}

# Reader comments (sinmun.comments; docs/settings.md, Reader comments). Readers sign in with
# django-allauth: a code sent by e-mail through EMAIL_BACKEND, or Kakao or Naver when the
# paper set that provider's keys. Newsroom accounts never sign in there (accounts.py).
SINMUN_COMMENTS_DEFAULT_MODE = os.environ.get("SINMUN_COMMENTS_DEFAULT_MODE", "pre")
SINMUN_COMMENTS_PER_HOUR_PER_READER = 10
SINMUN_COMMENTS_PER_HOUR_PER_ADDRESS = 30
SINMUN_COMMENTS_REPORTS_TO_HIDE = 3
SINMUN_COMMENTS_THREAD_LENGTH = 300
SINMUN_KAKAO_LOGIN_CLIENT_ID = os.environ.get("SINMUN_KAKAO_LOGIN_CLIENT_ID", "")
SINMUN_KAKAO_LOGIN_SECRET = os.environ.get("SINMUN_KAKAO_LOGIN_SECRET", "")
SINMUN_NAVER_LOGIN_CLIENT_ID = os.environ.get("SINMUN_NAVER_LOGIN_CLIENT_ID", "")
SINMUN_NAVER_LOGIN_SECRET = os.environ.get("SINMUN_NAVER_LOGIN_SECRET", "")
ACCOUNT_ADAPTER = "sinmun.comments.accounts.ReaderAccountAdapter"
SOCIALACCOUNT_ADAPTER = "sinmun.comments.accounts.ReaderSocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# No password: a reader signs up and signs in with a code sent to their address.
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
SOCIALACCOUNT_EMAIL_AUTHENTICATION = (
    False  # a provider's address never opens an account
)
SOCIALACCOUNT_PROVIDERS = {}
for _provider, _client_id, _secret in (
    ("kakao", SINMUN_KAKAO_LOGIN_CLIENT_ID, SINMUN_KAKAO_LOGIN_SECRET),
    ("naver", SINMUN_NAVER_LOGIN_CLIENT_ID, SINMUN_NAVER_LOGIN_SECRET),
):
    if _client_id:
        INSTALLED_APPS.append(f"allauth.socialaccount.providers.{_provider}")
        SOCIALACCOUNT_PROVIDERS[_provider] = {
            "APPS": [{"client_id": _client_id, "secret": _secret, "key": ""}]
        }

# sinmun's own settings (documented in docs/settings.md)
SINMUN_LISTING_PAGE_SIZE = 20
# Each process keeps which site a host name is for this long (core.sites).
SINMUN_SITE_CACHE_SECONDS = 60
# Periodic jobs run by `manage.py run_scheduler`: management command -> interval in seconds.
SINMUN_SCHEDULED_JOBS = {
    "publish_scheduled": 60,
    "fetch_weather": 600,
    "delete_expired_tips": 60 * 60,
    # Looks every minute; starts the day's newsletter once, after SINMUN_NEWSLETTER_SEND_AT.
    "send_newsletter": 60,
}
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
# How often a live story's (실시간) open pages ask for new updates. Each poll is served by
# the edge until a new update purges it, so a shorter wait costs the origin little.
SINMUN_LIVE_POLL_SECONDS = 30
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

# Sharing (docs/settings.md): the Kakao JavaScript SDK, loaded only when a reader taps
# KakaoTalk on a paper that set its app key in the site settings.
SINMUN_KAKAO_SDK_URL = os.environ.get(
    "SINMUN_KAKAO_SDK_URL", "https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js"
)
SINMUN_KAKAO_SDK_INTEGRITY = os.environ.get("SINMUN_KAKAO_SDK_INTEGRITY", "")

# News tips (기사 제보; docs/settings.md)
SINMUN_TIP_NOTIFY_EMAILS = [
    a.strip()
    for a in os.environ.get("SINMUN_TIP_NOTIFY_EMAILS", "").split(",")
    if a.strip()
]
SINMUN_TIP_RETENTION_DAYS = int(os.environ.get("SINMUN_TIP_RETENTION_DAYS", "365"))
SINMUN_TIP_MAX_FILES = 5
SINMUN_TIP_MAX_FILE_BYTES = 10 * 1024 * 1024
SINMUN_TIP_MAX_TOTAL_BYTES = 30 * 1024 * 1024
SINMUN_TIP_MIN_SECONDS = 3
SINMUN_TIP_FORM_MAX_AGE_SECONDS = 24 * 60 * 60
SINMUN_TIP_POSTS_PER_HOUR = 10

# The newsletter (docs/settings.md, Newsletter). Letters go through EMAIL_BACKEND: Django's
# SMTP backend by default, or an ESP's anymail backend (EMAIL_BACKEND=anymail.backends.…).
SINMUN_NEWSLETTER_ENABLED = os.environ.get("SINMUN_NEWSLETTER_ENABLED", "1") == "1"
SINMUN_NEWSLETTER_SEND_AT = os.environ.get("SINMUN_NEWSLETTER_SEND_AT", "06:30")
# A scheduler that was down at the send time still sends within this many hours, not later.
SINMUN_NEWSLETTER_SEND_WINDOW_HOURS = 3
SINMUN_NEWSLETTER_BATCH_SIZE = 200
SINMUN_NEWSLETTER_FROM_EMAIL = os.environ.get("SINMUN_NEWSLETTER_FROM_EMAIL", "")
SINMUN_NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get(
    "SINMUN_NEWSLETTER_UNSUBSCRIBE_MAILTO", ""
)
SINMUN_NEWSLETTER_CONFIRM_MAX_AGE_SECONDS = 3 * 24 * 60 * 60
SINMUN_NEWSLETTER_POSTS_PER_HOUR = 10
# Bounce and complaint webhooks (anymail): /anymail/<esp>/tracking/ answers only with a
# secret set, so nobody can post made-up bounces to stop someone's letters.
# Each ANYMAIL_<NAME> variable (ANYMAIL_WEBHOOK_SECRET, ANYMAIL_POSTMARK_SERVER_TOKEN…) is
# anymail's <NAME> setting.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}

# ArticlePage replaces Page's title SearchField with a KoreanSearchField of the same name
# (sinmun/search/fields.py koreanize), which Wagtail's check cannot tell from a missing one.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
