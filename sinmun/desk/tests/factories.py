from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sinmun.desk import services


def make_user(username: str, *roles: str, **fields):
    """A newsroom account in the named role groups (기자, 데스크, 편집국장, 관리자)."""
    user = get_user_model().objects.create_user(
        username=username, password="pw-" + username, **fields
    )
    services.ensure_roles()
    user.groups.set(Group.objects.filter(name__in=roles))
    return user
