from django import template

from sinmun.search.highlight import snippet

register = template.Library()


@register.simple_tag
def search_snippet(text, terms, budget=160):
    """{% search_snippet article.body_text results.terms 160 %}: escaped, with <mark>s."""
    return snippet(text, terms, budget)


@register.simple_tag
def search_headline(text, terms):
    return snippet(text, terms, budget=10_000)
