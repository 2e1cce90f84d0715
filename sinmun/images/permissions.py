"""Who may change or delete which photo (Wagtail's image permission policy, replaced).

Wagtail's collection-ownership policy lets an uploader change and delete their own photos,
and counts "delete" as "change". In the newsroom:

- a photo a published story shows (its lead photo or a photo block: Wagtail's reference
  index) is changed only by those with `change_image` (데스크, 편집국장): its uploader (a
  기자) no longer may, since the story went out with the desk's approval;
- deleting needs `delete_image` itself (편집국장); `change_image` (데스크) is not enough.

Registered for the photo model as an exact class (apps.py), so it wins over the policy
Wagtail's images app registers, whichever app is ready first. Refusals are logged on the
`sinmun.security` logger.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

security_log = logging.getLogger("sinmun.security")


def used_by_a_published_page(photo) -> bool:
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(photo)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return bool(page_ids) and Page.objects.filter(pk__in=page_ids, live=True).exists()


class PhotoPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        if user.is_active and user.is_superuser:
            return True
        actions = set(actions)
        allowed = False
        if "delete" in actions:
            allowed = self._check_perm(user, {"delete"}, collection=instance.collection)
        if not allowed and "change" in actions:
            allowed = self._check_perm(user, {"change"}, collection=instance.collection)
            if not allowed and instance.uploaded_by_user_id == user.pk:
                allowed = self._check_perm(
                    user, {"add"}, collection=instance.collection
                ) and not used_by_a_published_page(instance)
        if not allowed and "choose" in actions:
            allowed = self._check_perm(user, {"choose"}, collection=instance.collection)
        if not allowed and actions & {"change", "delete"}:
            security_log.info(
                "photo %s: %s refused to %s",
                instance.pk,
                "/".join(sorted(actions)),
                user.get_username(),
            )
        return allowed

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(
            user, set(actions) - {"delete"}
        )
        if "delete" in actions and not (user.is_active and user.is_superuser):
            deletable = self.model._default_manager.filter(
                collection__in=self._collections_with_perm(user, ["delete"])
            )
            others = set(actions) - {"delete"}
            return (instances | deletable) if others else deletable
        return instances


def photo_permission_policy():
    from wagtail.images import get_image_model

    return PhotoPermissionPolicy(
        get_image_model(),
        auth_model="wagtailimages.Image",
        owner_field_name="uploaded_by_user",
    )
