"""Cache purges: a comment or a closing changes what the story's thread shows."""

from sinmun.comments import services


def thread_changed(sender, instance, **kwargs):
    services.purge_thread(instance.article_id)
