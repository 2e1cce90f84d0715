"""Sections and their privacy are the 편집국장's; the desk files and publishes stories in them.

The desk's page rights are granted on each top-level section (desk/services.py), so in
stock Wagtail they cover the section page itself: the desk could move 사회 with every story
under 정치, unpublish 지역 with its descendants, delete a section, or put a login on it
(taking all its stories off the site). `SectionPermissionTester` keeps, for anyone without
SECTION_EDITOR_PERMISSION, only what a section's children need: adding and publishing
stories under it. Wagtail asks it in every view, menu and bulk action (a page class that
overrides `permissions_for_user` is always tested as itself), and refuses with its own
translated "no permission" redirect or a 403.
"""

from wagtail.models import PagePermissionTester

SECTION_EDITOR_PERMISSION = "sections.add_sectionpage"


class SectionPermissionTester(PagePermissionTester):
    def manages_sections(self) -> bool:
        return self.user.is_active and (
            self.user.is_superuser or self.user.has_perm(SECTION_EDITOR_PERMISSION)
        )

    def _only_section_editors(name):
        def check(self, *args, **kwargs):
            return self.manages_sections() and getattr(PagePermissionTester, name)(
                self, *args, **kwargs
            )

        check.__name__ = name
        return check

    can_edit = _only_section_editors("can_edit")
    can_publish = _only_section_editors("can_publish")
    can_unpublish = _only_section_editors("can_unpublish")
    can_delete = _only_section_editors("can_delete")
    can_move = _only_section_editors("can_move")
    can_move_to = _only_section_editors("can_move_to")
    can_copy = _only_section_editors("can_copy")
    can_copy_to = _only_section_editors("can_copy_to")
    can_lock = _only_section_editors("can_lock")
    can_unlock = _only_section_editors("can_unlock")
    can_set_view_restrictions = _only_section_editors("can_set_view_restrictions")
    del _only_section_editors
