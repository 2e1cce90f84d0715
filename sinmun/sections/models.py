from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from sinmun.core import edge
from sinmun.core.models import BasePage


class SectionPage(BasePage):
    """A section (섹션) such as 사회 or 경제, or a sub-section such as 사건·사고.

    Sections are ordered as they are in the page tree: drag them in the admin to reorder
    the navigation.
    """

    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("One line shown under the section name."),
    )
    show_on_front_page = models.BooleanField(
        _("show a block on the front page"),
        default=True,
        help_text=_(
            "Top-level sections only: whether the front page has a block of this section's stories."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("show_on_front_page")]

    parent_page_types = ["frontpage.HomePage", "sections.SectionPage"]
    subpage_types = ["articles.ArticlePage", "sections.SectionPage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def surrogate_keys(self):
        return (edge.section(self.pk),)

    def permissions_for_user(self, user):
        from sinmun.sections.permissions import SectionPermissionTester

        return SectionPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from sinmun.sections import selectors

        context = super().get_context(request, *args, **kwargs)
        at = selectors.listing_position(request.GET)
        # Read only if the listing's cached fragment is missing (sections_tags.cached_listing).
        context["listing"] = SimpleLazyObject(
            lambda: selectors.section_listing(section=self, at=at)
        )
        context["listing_key"] = f"section:{self.pk}:{self.path}:{at.key}"
        return context
