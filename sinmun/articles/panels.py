"""Edit-screen panels for the desk."""

from functools import cached_property

from wagtail.admin.panels import Panel

from sinmun.search.selectors import near_duplicates


class NearDuplicatePanel(Panel):
    """Warns, at the top of the edit form, when the saved story nearly repeats another
    story of the last SINMUN_NEAR_DUPLICATE_DAYS, naming it and the similarity."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/near_duplicates.html"

        @cached_property
        def duplicates(self):
            if self.instance is None or not self.instance.pk:
                return []
            return near_duplicates(self.instance)

        def is_shown(self):
            return bool(self.duplicates)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["duplicates"] = [
                (page, round(score * 100)) for page, score in self.duplicates
            ]
            return context
