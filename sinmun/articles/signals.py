"""Cache purges when stories change: the one use of signals here."""

from wagtail.signals import page_published, page_unpublished

from sinmun.articles import selectors
from sinmun.articles.models import ArticlePage
from sinmun.core import fragments


def forget_boxes(**kwargs):
    selectors.forget_headline_boxes()
    fragments.new_generation()


page_published.connect(
    forget_boxes, sender=ArticlePage, dispatch_uid="articles-boxes-published"
)
page_unpublished.connect(
    forget_boxes, sender=ArticlePage, dispatch_uid="articles-boxes-unpublished"
)
