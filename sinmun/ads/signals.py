"""Cache purges: an ad desk change shows on every page within seconds (edge key `ads`)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from sinmun.ads import selectors
from sinmun.ads.models import Ad, AdSlot
from sinmun.core import edge


@receiver(post_save, sender=Ad)
@receiver(post_delete, sender=Ad)
@receiver(post_save, sender=AdSlot)
@receiver(post_delete, sender=AdSlot)
@receiver(m2m_changed, sender=Ad.sections.through)
def forget_ads(**kwargs):
    selectors.forget_slots()
    # Again after commit: a page rendered between the save and the commit (or before the
    # sections were set) must not keep the old list.
    transaction.on_commit(selectors.forget_slots)
    edge.purge([edge.ADS])
