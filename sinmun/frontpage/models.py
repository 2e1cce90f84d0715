from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.url_routing import RouteResult

from sinmun.core import edge
from sinmun.core.models import BasePage


class HomePage(BasePage):
    """The front page (1면): top story, main stories, a block per section, boxes.

    The editor-in-chief pins stories to its slots (`FrontPagePin`); pins are part of the
    page, so changing them is a page edit with its revisions, preview, history and rights.
    """

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "core.StaticPage"]
    max_count = 1

    content_panels = [
        *BasePage.content_panels,
        InlinePanel(
            "pins",
            heading=_("Front-page lineup (편집판)"),
            label=_("pinned story"),
            help_text=_(
                "Pin stories to the top story, the main stories (in this order) or the "
                "head of their section's block. Empty slots show the newest stories."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def surrogate_keys(self):
        return (edge.FRONT, edge.LATEST)

    def route(self, request, path_components):
        """Find a section at any depth in one query instead of one query per level."""
        if path_components:
            from sinmun.sections.models import SectionPage

            url_path = self.url_path + "/".join(path_components) + "/"
            section = SectionPage.objects.live().filter(url_path=url_path).first()
            if section is not None:
                return RouteResult(section)
        return super().route(request, path_components)


class Slot(models.TextChoices):
    """The named places on the front page a story can be pinned to."""

    TOP = "top", _("Top story")
    MAIN = "main", _("Main stories")
    SECTION = "section", _("Section pick")


class FrontPagePin(Orderable):
    """A story pinned to a front-page slot, optionally for a time window only."""

    page = ParentalKey(HomePage, related_name="pins", on_delete=models.CASCADE)
    slot = models.CharField(_("slot"), max_length=16, choices=Slot, default=Slot.MAIN)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Only published stories are shown."),
    )
    starts_at = models.DateTimeField(
        _("from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to show it from publication."),
    )
    ends_at = models.DateTimeField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it until you remove it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("slot"), FieldPanel("article")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")

    def __str__(self):
        return f"{self.get_slot_display()}: {self.article_id}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def is_active(self, now) -> bool:
        """Whether the pin's time window contains `now`."""
        if self.starts_at and now < self.starts_at:
            return False
        return not (self.ends_at and now >= self.ends_at)
