from django.urls import path, re_path

from sinmun.syndication import feeds, views

app_name = "syndication"
urlpatterns = [
    path("rss/", feeds.PaperFeed(), name="feed"),
    path("rss/reporters/<str:slug>/", feeds.ReporterFeed(), name="reporter-feed"),
    path("rss/<path:path>/", feeds.SectionFeed(), name="section-feed"),
    path("sitemap.xml", views.sitemap_index, name="sitemap-index"),
    path("sitemap-news.xml", views.news_sitemap, name="news-sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    re_path(
        r"^(?P<key>[A-Za-z0-9-]{8,128})\.txt$", views.indexnow_key, name="indexnow-key"
    ),
]
