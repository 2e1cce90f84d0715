"""Give the newsroom groups that already exist their newsletter permissions.

`desk.services.ensure_roles` grants them to groups it creates; groups made before this app
existed get them here. Groups missing or renamed are left alone.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "데스크": ("view_subscriber", "view_edition"),
    "편집국장": (
        "view_subscriber",
        "change_subscriber",
        "delete_subscriber",
        "view_edition",
    ),
}


def grant(apps, schema_editor):
    # Permissions are made after migrate; this migration needs them now (Django's recipe).
    config = apps.get_app_config("newsletters")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="newsletters", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
