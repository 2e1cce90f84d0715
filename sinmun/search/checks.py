"""A system check that asks for `manage.py reindex` when the analyser changed."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database)
def analyser_version_matches_index(app_configs=None, databases=None, **kwargs):
    if not databases or "default" not in databases:
        return []
    from sinmun.search import analysis
    from sinmun.search.models import AnalyserState

    try:
        state = AnalyserState.objects.filter(pk=1).first()
    except DatabaseError:
        return []  # not migrated yet
    current = analysis.analyser_version()
    if state is not None and state.version == current:
        return []
    built = state.version if state else "never"
    return [
        Warning(
            f"The search index was built with analyser {built}; the current one is {current}.",
            hint="Run `manage.py reindex`.",
            id="search.W001",
        )
    ]
