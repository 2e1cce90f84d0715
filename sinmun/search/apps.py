from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    name = "sinmun.search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sinmun.search import checks, signals  # noqa: F401

        if settings.SINMUN_SEARCH_PRELOAD_ANALYSER:
            # Load Kiwi (~3 s, ~0.5 GB) before gunicorn --preload forks its workers,
            # so they share it copy-on-write and no request pays for it.
            from sinmun.search.analysis import analyser

            analyser()
