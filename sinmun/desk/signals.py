from django.apps import apps

from sinmun.desk import reviews, services


def roles_after_migrate(sender, **kwargs):
    """Create the newsroom's groups and the desk workflow on every `migrate` (idempotent).

    Runs after the last app's post_migrate, once every app's permissions exist.
    """
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        services.ensure_roles()


def section_published(sender, instance, **kwargs):
    """A new top-level section gets the newsroom's permissions and the desk workflow."""
    from sinmun.sections.models import SectionPage

    if isinstance(instance, SectionPage) and services.is_top_section(instance):
        services.grant_section(instance)


def revision_saved(sender, instance, created, **kwargs):
    """A version the desk saves while approving is the version approved (desk.reviews)."""
    if created:
        reviews.note_reviewers_edit(instance)


def task_state_saving(sender, instance, **kwargs):
    reviews.approve_reviewers_edit(instance)
