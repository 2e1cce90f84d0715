"""Who may manage which newsroom account (user admin), and the record of every change.

Stock Wagtail lets anyone with `users.change_user` edit every account: tick "Administrator"
(is_superuser), set a superuser's password, or put anyone, themselves included, in any
group. Here a non-superuser manages only accounts below it:

- never a superuser, and never the "Administrator" (is_superuser) box;
- only accounts whose groups it may itself assign (a 관리자: 기자 and 데스크, see
  `services.Role.assigns`), so never its own account or a 편집국장's;
- it assigns only those groups; groups it may not assign are kept as they were.

A superuser manages everything. A refusal is a 403 and a warning on the `sinmun.security`
logger; each change of an account's groups is a "sinmun.account.groups" entry in
Wagtail's audit log, next to Wagtail's own create/edit/delete entries.
"""

import logging

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from sinmun.desk import services

security_log = logging.getLogger("sinmun.security")


def assignable_groups(actor):
    """The groups `actor` may put an account in or take it out of."""
    if actor.is_superuser:
        return Group.objects.all()
    names = {
        name
        for role in services.ROLES
        if actor.groups.filter(name=role.name).exists()
        for name in role.assigns
    }
    return Group.objects.filter(name__in=names)


def can_manage(actor, account) -> bool:
    """Whether `actor` may edit, delete, (de)activate or regroup `account`."""
    if actor.is_superuser:
        return True
    if account.is_superuser or account.pk == actor.pk:
        return False
    allowed = set(assignable_groups(actor).values_list("pk", flat=True))
    return set(account.groups.values_list("pk", flat=True)) <= allowed


def deny(request, what: str, account=None) -> None:
    security_log.warning(
        "denied %s to %s on account %s",
        what,
        request.user.get_username() or "anonymous",
        account.get_username() if account is not None else "-",
    )
    raise PermissionDenied(_("You cannot manage this account."))


def log_group_change(account, before: set, actor) -> None:
    after = set(account.groups.values_list("name", flat=True))
    if after != before:
        log_groups(
            account, actor, added=sorted(after - before), removed=sorted(before - after)
        )


def log_groups(account, actor, *, added, removed) -> None:
    log(
        account,
        "sinmun.account.groups",
        user=actor,
        data={"added": list(added), "removed": list(removed)},
    )


class NewsroomAccountForm:
    """Hide "Administrator" and the groups `acting_user` may not assign; keep those groups."""

    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        self.groups_before = (
            set(self.instance.groups.values_list("name", flat=True))
            if self.instance.pk
            else set()
        )
        self.kept_groups = []
        if acting_user is None or acting_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            assignable = assignable_groups(acting_user)
            self.fields["groups"].queryset = assignable
            if self.instance.pk:
                self.kept_groups = list(
                    self.instance.groups.exclude(pk__in=assignable.values("pk"))
                )

    def save(self, commit=True):
        account = super().save(commit=commit)
        if commit:
            if self.kept_groups:
                account.groups.add(*self.kept_groups)
            log_group_change(account, self.groups_before, self.acting_user)
        return account


class AccountCreationForm(NewsroomAccountForm, UserCreationForm):
    pass


class AccountEditForm(NewsroomAccountForm, UserEditForm):
    pass


class AccountFormKwargs:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class CreateView(AccountFormKwargs, users.CreateView):
    pass


class EditView(AccountFormKwargs, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not can_manage(request.user, self.object):
            deny(request, "editing", self.object)
        return super().dispatch(request, *args, **kwargs)


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        account = self.get_object()
        if not can_manage(request.user, account):
            deny(request, "deleting", account)
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


def check_bulk_action(request, action_type, objects, action):
    """The user listing's bulk actions (delete, assign role, (de)activate): same rules."""
    if action.model._meta.label != request.user._meta.label:
        return None
    for account in objects:
        if not can_manage(request.user, account):
            deny(request, f"bulk {action_type}", account)
    if action_type == "assign_role":
        role = action.cleaned_form.cleaned_data.get("role")
        if role is not None and not assignable_groups(request.user).filter(pk=role.pk):
            deny(request, f"assigning the group {role.name}")
    return None
