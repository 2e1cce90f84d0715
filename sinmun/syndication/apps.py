from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Feeds, sitemaps, structured data and exports: the paper as machines read it.

    The label is `syndication`, which django.contrib.syndication would also claim; that
    contrib app is never installed (its Feed class works without it). See STYLE.md §2.
    """

    name = "sinmun.syndication"
    label = "syndication"
    verbose_name = _("Syndication")

    def ready(self):
        from sinmun.syndication import signals  # noqa: F401
