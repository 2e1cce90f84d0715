from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "sinmun.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from anymail.signals import tracking

        from sinmun.newsletters import signals

        tracking.connect(signals.delivery_reported, dispatch_uid="sinmun.newsletters")
