"""Cache purges: the one use of signals here."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from sinmun.core import selectors


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_private_paths(**kwargs):
    selectors.forget_private_page_paths()
