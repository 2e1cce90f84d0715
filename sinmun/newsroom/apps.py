from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "sinmun.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from sinmun.newsroom import signals  # noqa: F401
