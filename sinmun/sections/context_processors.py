from django.utils.functional import SimpleLazyObject

from sinmun.sections import selectors


def sections(request):
    """Give every template the section tree, loaded only if a template uses it."""
    return {"section_tree": SimpleLazyObject(selectors.section_tree)}
