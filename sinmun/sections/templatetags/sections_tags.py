from django import template

register = template.Library()


@register.filter
def section_in(article, tree):
    """Return the section `article` is filed in: {{ article|section_in:section_tree }}."""
    return tree.section_of(article) if tree else None


@register.filter
def top_section_in(page, tree):
    """Return the top-level section `page` sits under, for the navigation's current mark."""
    if not page or not tree or not getattr(page, "path", None):
        return None
    return tree.top_section_of(page)
