from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "sinmun.desk"
    label = "desk"
    verbose_name = _("Desk")

    def ready(self):
        from wagtail.signals import page_published

        from sinmun.core import health
        from sinmun.desk import signals
        from sinmun.desk.health import weather

        post_migrate.connect(signals.roles_after_migrate)
        page_published.connect(signals.section_published)
        health.register("weather", weather)
