from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class DeskConfig(AppConfig):
    name = "sinmun.desk"
    label = "desk"
    default = True
    verbose_name = _("Desk")

    def ready(self):
        from django.db.models.signals import post_save, pre_save
        from wagtail.models import Revision, TaskState
        from wagtail.signals import page_published

        from sinmun.core import health
        from sinmun.desk import signals
        from sinmun.desk.health import weather

        post_migrate.connect(signals.roles_after_migrate)
        page_published.connect(signals.section_published)
        post_save.connect(signals.revision_saved, sender=Revision)
        # TaskState subclasses (GroupApprovalTask's state) save through the base model.
        pre_save.connect(signals.task_state_saving, sender=TaskState)
        health.register("weather", weather)


class NewsroomUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the newsroom's account rules (desk/accounts.py).

    In INSTALLED_APPS in place of "wagtail.users".
    """

    user_viewset = "sinmun.desk.accounts.UserViewSet"
