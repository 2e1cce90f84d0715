from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "sinmun.comments"
    label = "comments"
    verbose_name = _("Reader comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from sinmun.comments import signals
        from sinmun.comments.models import ClosedStory, Comment

        for model in (Comment, ClosedStory):
            post_save.connect(signals.thread_changed, sender=model)
            post_delete.connect(signals.thread_changed, sender=model)
