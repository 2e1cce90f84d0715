from django.utils.translation import gettext_lazy as _
from wagtail.url_routing import RouteResult

from sinmun.core.models import BasePage


class HomePage(BasePage):
    """The front page (1면): top story, main stories, a block per section, boxes."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def route(self, request, path_components):
        """Find a section at any depth in one query instead of one query per level."""
        if path_components:
            from sinmun.sections.models import SectionPage

            url_path = self.url_path + "/".join(path_components) + "/"
            section = SectionPage.objects.live().filter(url_path=url_path).first()
            if section is not None:
                return RouteResult(section)
        return super().route(request, path_components)
