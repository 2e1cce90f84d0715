"""Cache purges: the one use of signals here."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from sinmun.core import edge, fragments, selectors
from sinmun.core.models import BreakingNewsSettings, NewspaperSettings


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_private_paths(**kwargs):
    # A login restriction takes a section or a story off the site (and puts it back).
    selectors.forget_private_page_paths()
    edge.purge([edge.SITE])


@receiver(post_save, sender=NewspaperSettings)
@receiver(post_delete, sender=NewspaperSettings)
def forget_newspaper_settings(instance, **kwargs):
    cache.delete(NewspaperSettings.cache_key(instance.site_id))
    fragments.new_generation()  # the masthead and footer show them (page_frame)
    edge.purge([edge.SITE])


@receiver(post_save, sender=BreakingNewsSettings)
@receiver(post_delete, sender=BreakingNewsSettings)
def forget_breaking_news(instance, **kwargs):
    cache.delete(BreakingNewsSettings.cache_key(instance.site_id))
    edge.purge([edge.BREAKING])
