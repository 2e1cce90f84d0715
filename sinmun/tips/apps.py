from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TipsConfig(AppConfig):
    name = "sinmun.tips"
    label = "tips"
    verbose_name = _("News tips")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.permissions import register_permission_policy

        from sinmun.tips import (
            checks,  # noqa: F401  (registers the system check)
            signals,
        )
        from sinmun.tips.models import Tip, TipAttachment
        from sinmun.tips.permissions import TipPermissionPolicy

        register_permission_policy(Tip, TipPermissionPolicy(Tip))
        post_delete.connect(signals.attachment_deleted, sender=TipAttachment)
