from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sinmun.core"
    label = "core"
    verbose_name = _("Newspaper")

    def ready(self):
        from sinmun.core import signals, sites  # noqa: F401
        from sinmun.core.forms import register_admin_form_fields

        register_admin_form_fields()
