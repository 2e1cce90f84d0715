"""Give the newsroom's existing role groups their rights on tips (new sites get them from
sinmun.desk.services.ROLES when the groups are created)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "기자": ["handle_assigned_tip"],
    "데스크": ["view_tip", "change_tip"],
    "편집국장": ["view_tip", "change_tip", "delete_tip"],
}


def grant(apps, schema_editor):
    # The permissions are created after all migrations unless asked for now.
    create_permissions(global_apps.get_app_config("tips"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="tips", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tips", "0001_reader_tips"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
