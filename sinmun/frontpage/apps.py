from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontpageConfig(AppConfig):
    name = "sinmun.frontpage"
    label = "frontpage"
    verbose_name = _("Front page")

    def ready(self):
        from sinmun.frontpage import signals  # noqa: F401
