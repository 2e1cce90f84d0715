import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from sinmun.core import views as core_views
from sinmun.syndication import api

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("csp-report", core_views.csp_report, name="csp-report"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("sinmun.articles.urls")),
    path("", include("sinmun.sections.urls")),
    path("", include("sinmun.syndication.urls")),
    path("", include("sinmun.tips.urls")),
    path("", include("sinmun.newsletters.urls")),
    path("", include("sinmun.ads.urls")),
    path("", include("sinmun.comments.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v2/", api.router.urls),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns += [path("anymail/", include("anymail.urls"))]

if settings.SINMUN_SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            core_views.serve_media,
            name="media",
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = core_views.page_not_found
handler500 = core_views.server_error
