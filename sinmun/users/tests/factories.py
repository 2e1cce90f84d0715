from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

PASSWORD = "long-enough-pw-1"


def newsroom_user(username: str, *groups: str, **fields):
    """An account that may use the admin, in the named groups (created if missing)."""
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, **fields
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user
