from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "sinmun.ads"
    label = "ads"
    verbose_name = _("Advertising")

    def ready(self):
        from sinmun.ads import signals  # noqa: F401
