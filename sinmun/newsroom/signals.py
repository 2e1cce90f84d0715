"""Edge purges when a reporter, columnist or series changes: the one use of signals here.

Their own pages and feeds are purged; bylines on story pages follow within the article
fragment's hour (articles_tags.FRAGMENT_SECONDS) and the edge's lifetime.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sinmun.core import edge
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter

KEYS = {Reporter: edge.reporter, Columnist: edge.columnist, ColumnSeries: edge.series}


@receiver(post_save, sender=Reporter)
@receiver(post_save, sender=Columnist)
@receiver(post_save, sender=ColumnSeries)
@receiver(post_delete, sender=Reporter)
@receiver(post_delete, sender=Columnist)
@receiver(post_delete, sender=ColumnSeries)
def purge_person(sender, instance, **kwargs):
    edge.purge([KEYS[sender](instance.pk)])
