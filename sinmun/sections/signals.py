"""Forget the cached section tree when a section changes (a cache purge, the one use of signals).

Every page shows the section navigation, so a section published, withdrawn, moved or
deleted purges the whole edge (`site`); sections change rarely.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from sinmun.core import edge
from sinmun.sections import selectors
from sinmun.sections.models import SectionPage


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
@receiver(post_save, sender=SectionPage)
@receiver(post_delete, sender=SectionPage)
def forget_section_tree_on_change(**kwargs):
    selectors.forget_section_tree()


@receiver(post_page_move)
def forget_section_tree_on_move(instance, **kwargs):
    if isinstance(instance.specific_deferred, SectionPage):
        selectors.forget_section_tree()


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
@receiver(post_delete, sender=SectionPage)
def purge_site_on_change(**kwargs):
    edge.purge([edge.SITE])


@receiver(post_page_move)
def purge_site_on_move(instance, **kwargs):
    if isinstance(instance.specific_deferred, SectionPage):
        edge.purge([edge.SITE])
