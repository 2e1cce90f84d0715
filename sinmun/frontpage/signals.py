"""Cache purges when the front page's lineup changes: the one use of signals here."""

from wagtail.signals import page_published

from sinmun.core import edge, fragments
from sinmun.frontpage.models import HomePage


def forget_front_page(instance, **kwargs):
    fragments.new_generation()
    if instance.live:
        edge.purge([edge.FRONT], urls=filter(None, [instance.get_full_url()]))


page_published.connect(
    forget_front_page, sender=HomePage, dispatch_uid="frontpage-lineup-published"
)
