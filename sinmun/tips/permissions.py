"""Who sees a tip: the desk sees every one, a reporter only those assigned to them.

- `tips.view_tip` / `tips.change_tip` / `tips.delete_tip` (데스크, 편집국장): every tip.
- `tips.handle_assigned_tip` (기자): view and update a tip whose assignee they are, nothing else.
- Anyone else (관리자, readers): none. Tips hold tipsters' personal data, so the people who
  run the site's accounts do not read them unless they are on the desk too.
"""

from wagtail.permission_policies import ModelPermissionPolicy

ASSIGNED_ACTIONS = ("view", "change")


class TipPermissionPolicy(ModelPermissionPolicy):
    def _handles_assigned(self, user) -> bool:
        return user.is_active and user.has_perm("tips.handle_assigned_tip")

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in ASSIGNED_ACTIONS and self._handles_assigned(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return (
            action in ASSIGNED_ACTIONS
            and self._handles_assigned(user)
            and instance.assignee_id == user.pk
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if any(
            super(TipPermissionPolicy, self).user_has_permission(user, a)
            for a in actions
        ):
            return self.model._default_manager.all()
        if set(actions) & set(ASSIGNED_ACTIONS) and self._handles_assigned(user):
            return self.model._default_manager.filter(assignee=user)
        return self.model._default_manager.none()
