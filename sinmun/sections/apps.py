from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectionsConfig(AppConfig):
    name = "sinmun.sections"
    label = "sections"
    verbose_name = _("Sections")

    def ready(self):
        from sinmun.sections import signals  # noqa: F401
