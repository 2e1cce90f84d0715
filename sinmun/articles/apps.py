from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "sinmun.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from sinmun.articles import signals  # noqa: F401
