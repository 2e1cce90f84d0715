from django import template

from sinmun.desk import reviews

register = template.Library()


@register.simple_tag
def can_approve(page, user) -> bool:
    """Whether `user` may approve the review `page` is waiting in (the desk's "승인")."""
    return reviews.can_approve(page, user)
