"""The user and group admin, by role × action × whose account: answers and the database after.

Part of the permission matrix (test_permissions.py): anything allowed that is not marked
here fails, and no refusal is a 500.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from sinmun.desk.services import ADMINISTRATOR, CHIEF, DESK, REPORTER
from sinmun.desk.tests.factories import make_user
from sinmun.desk.tests.test_permissions import denied

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
ROLES = (REPORTER, DESK, CHIEF, ADMINISTRATOR, SUPERUSER)
TARGETS = ("reporter", "chief", "superuser", "self")

# action -> {target: roles allowed}. Missing target: nobody but a superuser.
ACCOUNT_POLICY = {
    "rename": {"reporter": {ADMINISTRATOR}},
    "set_password": {"reporter": {ADMINISTRATOR}},
    "make_superuser": {},
    "assign_desk": {"reporter": {ADMINISTRATOR}},
    "assign_chief": {},
    "assign_administrator": {},
    "delete": {"reporter": {ADMINISTRATOR}},
    "bulk_deactivate": {"reporter": {ADMINISTRATOR}},
    "bulk_assign_chief": {},
    "bulk_assign_desk": {"reporter": {ADMINISTRATOR}},
    "bulk_delete": {"reporter": {ADMINISTRATOR}},
}
# Already so: a superuser's change there is a no-op.
ALREADY = {
    ("make_superuser", "superuser"),
    ("make_superuser", "self"),
    ("assign_chief", "chief"),
    ("bulk_assign_chief", "chief"),
}
# Wagtail refuses a superuser deleting or deactivating their own account.
SELF_REFUSED = {"delete", "bulk_deactivate", "bulk_delete"}
CREATE_POLICY = {
    "create_reporter": {ADMINISTRATOR, SUPERUSER},
    "create_superuser": {SUPERUSER},
    "create_chief": {SUPERUSER},
    "group_add": {SUPERUSER},
    "group_edit": {SUPERUSER},
}


def actor_for(role):
    if role == SUPERUSER:
        return make_user("actor", is_superuser=True)
    return make_user("actor", role)


def target_for(kind, actor):
    if kind == "self":
        return actor
    if kind == "superuser":
        return make_user("target", is_superuser=True)
    return make_user("target", REPORTER if kind == "reporter" else CHIEF)


def group(name):
    return Group.objects.get(name=name)


def edit_data(account, **changes):
    data = {
        "username": account.username,
        "email": account.email or f"{account.username}@garamilbo.example",
        "first_name": account.first_name or "지훈",
        "last_name": account.last_name or "박",
        "password1": "",
        "password2": "",
        "groups": [str(pk) for pk in account.groups.values_list("pk", flat=True)],
    }
    if account.is_active:
        data["is_active"] = "on"
    if account.is_superuser:
        data["is_superuser"] = "on"
    data.update(changes)
    return data


def attempt(action, client, account):
    """Try `action` on `account`; return (HTTP status, database changed)."""
    edit = reverse("wagtailusers_users:edit", args=[account.pk])
    bulk = lambda kind: (  # noqa: E731
        reverse("wagtail_bulk_action", args=["users", "user", kind])
        + f"?id={account.pk}&next=/admin/users/"
    )
    groups_with = lambda name: [  # noqa: E731
        *edit_data(account)["groups"],
        str(group(name).pk),
    ]
    if action == "rename":
        r = client.post(edit, edit_data(account, first_name="바뀐이름"))
        account.refresh_from_db()
        return r.status_code, account.first_name == "바뀐이름"
    if action == "set_password":
        r = client.post(
            edit,
            edit_data(
                account, password1="taken-over-pass-7", password2="taken-over-pass-7"
            ),
        )
        account.refresh_from_db()
        return r.status_code, account.check_password("taken-over-pass-7")
    if action == "make_superuser":
        was = account.is_superuser
        r = client.post(edit, edit_data(account, is_superuser="on"))
        account.refresh_from_db()
        return r.status_code, account.is_superuser and not was
    if action.startswith("assign_"):
        name = {"desk": DESK, "chief": CHIEF, "administrator": ADMINISTRATOR}[
            action.removeprefix("assign_")
        ]
        had = account.groups.filter(name=name).exists()
        r = client.post(edit, edit_data(account, groups=groups_with(name)))
        return r.status_code, not had and account.groups.filter(name=name).exists()
    if action == "delete":
        r = client.post(reverse("wagtailusers_users:delete", args=[account.pk]))
        return r.status_code, not get_user_model().objects.filter(
            pk=account.pk
        ).exists()
    if action == "bulk_deactivate":
        r = client.post(bulk("set_active_state"), {"mark_as_active": "False"})
        account.refresh_from_db()
        return r.status_code, not account.is_active
    if action.startswith("bulk_assign_"):
        name = CHIEF if action.endswith("chief") else DESK
        had = account.groups.filter(name=name).exists()
        r = client.post(bulk("assign_role"), {"role": group(name).pk})
        return r.status_code, not had and account.groups.filter(name=name).exists()
    if action == "bulk_delete":
        r = client.post(bulk("delete"))
        return r.status_code, not get_user_model().objects.filter(
            pk=account.pk
        ).exists()
    raise AssertionError(action)


CASES = [
    (role, action, target)
    for role in ROLES
    for action in ACCOUNT_POLICY
    for target in TARGETS
]


@pytest.mark.parametrize(("role", "action", "target"), CASES)
def test_account_permission_matrix(client, paper, role, action, target):
    actor = actor_for(role)
    account = target_for(target, actor)
    client.force_login(actor)
    expected = role in ACCOUNT_POLICY[action].get(target, set()) or (
        role == SUPERUSER and not (target == "self" and action in SELF_REFUSED)
    )

    status, changed = attempt(action, client, account)

    assert status < 500, f"{role} {action} ({target}) answered {status}"
    if expected:
        assert status == 302, f"{role} should be able to {action} ({target})"
        if (action, target) not in ALREADY:
            assert changed, f"{role} {action} ({target}) answered but changed nothing"
    else:
        assert not changed, f"UNEXPECTED ALLOW: {role} could {action} ({target})"
        # A refused door is 403 or a redirect; a refused field is a form error (200).
        assert status in (200, 302, 403)


def test_an_administrator_cannot_open_a_superusers_account(client, paper):
    administrator = actor_for(ADMINISTRATOR)
    boss = make_user("boss", is_superuser=True)
    client.force_login(administrator)

    assert denied(client.get(reverse("wagtailusers_users:edit", args=[boss.pk])))
    assert denied(client.get(reverse("wagtailusers_users:delete", args=[boss.pk])))


def test_the_administrators_form_offers_only_the_groups_it_may_assign(client, paper):
    administrator = actor_for(ADMINISTRATOR)
    client.force_login(administrator)

    page = client.get(reverse("wagtailusers_users:add")).content.decode()

    assert 'name="is_superuser"' not in page
    for name in (REPORTER, DESK):
        assert f'value="{group(name).pk}"' in page
    for name in (CHIEF, ADMINISTRATOR):
        assert f'value="{group(name).pk}"' not in page


def create_data(**changes):
    data = {
        "username": "new-account",
        "email": "new@garamilbo.example",
        "first_name": "새",
        "last_name": "기자",
        "password1": "a-long-pass-phrase-1",
        "password2": "a-long-pass-phrase-1",
        "is_active": "on",
    }
    data.update(changes)
    return data


def attempt_create(action, client):
    accounts = get_user_model().objects
    if action == "create_reporter":
        r = client.post(
            reverse("wagtailusers_users:add"),
            create_data(groups=[group(REPORTER).pk]),
        )
        made = accounts.filter(username="new-account", groups__name=REPORTER)
        return r.status_code, made.exists()
    if action == "create_superuser":
        r = client.post(
            reverse("wagtailusers_users:add"), create_data(is_superuser="on")
        )
        return r.status_code, accounts.filter(
            username="new-account", is_superuser=True
        ).exists()
    if action == "create_chief":
        r = client.post(
            reverse("wagtailusers_users:add"), create_data(groups=[group(CHIEF).pk])
        )
        return r.status_code, accounts.filter(
            username="new-account", groups__name=CHIEF
        ).exists()
    if action == "group_add":
        r = client.post(reverse("wagtailusers_groups:add"), {"name": "특별취재팀"})
        return r.status_code, Group.objects.filter(name="특별취재팀").exists()
    if action == "group_edit":
        desk = group(DESK)
        r = client.post(
            reverse("wagtailusers_groups:edit", args=[desk.pk]), {"name": "데스크2"}
        )
        return r.status_code, Group.objects.filter(name="데스크2").exists()
    raise AssertionError(action)


@pytest.mark.parametrize("action", CREATE_POLICY)
@pytest.mark.parametrize("role", ROLES)
def test_account_creation_matrix(client, paper, role, action):
    client.force_login(actor_for(role))
    expected = role in CREATE_POLICY[action]

    status, changed = attempt_create(action, client)

    assert status < 500
    if expected and not action.startswith("group_"):
        assert status == 302, f"{role} should be able to {action}"
        assert changed, f"{role} should be able to {action}"
    elif expected:
        assert changed or status == 200, f"{role} should be able to {action}"
    else:
        assert not changed, f"UNEXPECTED ALLOW: {role} could {action}"
        assert status in (200, 302, 403)


def test_every_account_change_is_in_the_audit_log(client, paper):
    administrator = actor_for(ADMINISTRATOR)
    account = make_user("target", REPORTER)
    client.force_login(administrator)

    client.post(
        reverse("wagtailusers_users:edit", args=[account.pk]),
        edit_data(account, groups=[group(REPORTER).pk, group(DESK).pk]),
    )
    client.post(
        reverse("wagtailusers_users:add"), create_data(groups=[group(REPORTER).pk])
    )

    entries = ModelLogEntry.objects.filter(user=administrator)
    assert {"wagtail.edit", "wagtail.create", "sinmun.account.groups"} <= set(
        entries.values_list("action", flat=True)
    )
    groups_entry = entries.filter(
        action="sinmun.account.groups", object_id=str(account.pk)
    ).get()
    assert groups_entry.data == {"added": [DESK], "removed": []}
