"""Give the newsroom's existing role groups their rights on comments (new sites get them
from sinmun.desk.services.ROLES when the groups are created). 기자 moderate nothing unless
an administrator gives their group these rights."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK_RIGHTS = [
    "view_comment",
    "change_comment",
    "view_commentreport",
    "view_bannedword",
    "add_bannedword",
    "change_bannedword",
    "delete_bannedword",
    "view_closedstory",
    "add_closedstory",
    "change_closedstory",
    "delete_closedstory",
    "view_sectionmoderation",
]
CHIEF_RIGHTS = [
    *DESK_RIGHTS,
    "delete_comment",
    "delete_commentreport",
    "add_sectionmoderation",
    "change_sectionmoderation",
    "delete_sectionmoderation",
]
GRANTS = {"데스크": DESK_RIGHTS, "편집국장": CHIEF_RIGHTS}


def grant(apps, schema_editor):
    # The permissions are created after all migrations unless asked for now.
    create_permissions(global_apps.get_app_config("comments"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comments", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_reader_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
