"""The desk's story chooser: the newest stories first, searched as the reader search reads Korean."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from sinmun.articles import selectors
from sinmun.articles.models import ArticlePage
from sinmun.desk.middleware import sees_newsroom_reports
from sinmun.search.analysis import MAX_QUERY_CHARS
from sinmun.sections.models import SectionPage


class StoryFilterForm(BaseFilterForm):
    """The story chooser's search box (Korean, as the reader search reads it) and section."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(
            attrs={"placeholder": _("Words in the headline or story")}
        ),
        required=False,
    )
    section = forms.ModelChoiceField(
        SectionPage.objects.order_by("path"),
        label=_("Section"),
        empty_label=_("All sections"),
        required=False,
    )

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]

    def filter(self, objects):
        section = self.cleaned_data.get("section")
        if section is not None:
            objects = objects.filter(path__startswith=section.path)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(pk__in=selectors.stories_matching(query))
            self.is_searching = True
            self.search_query = query
        return objects


def story_status(story) -> str:
    if story.live:
        return pgettext_lazy("story status", "Published")
    if story.scheduled_at:
        return pgettext_lazy("story status", "Scheduled")
    return pgettext_lazy("story status", "Draft")


def story_time(story) -> str:
    """When the story went out, goes out, or was last worked on, in KST (12.06 14:30)."""
    moment = (
        story.first_published_at
        if story.live
        else story.scheduled_at or story.latest_revision_created_at
    )
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    if local.year == timezone.localdate().year:
        return local.strftime("%m.%d %H:%M")
    return local.strftime("%Y.%m.%d %H:%M")


class StoryChooseMixin:
    per_page = 20
    filter_form_class = StoryFilterForm

    def get_object_list(self):
        """Every story for the desk; for a reporter, published stories and their own.

        Other reporters' drafts and embargoed headlines stay with those who may read the
        newsroom's reports (desk.middleware.sees_newsroom_reports).
        """
        stories = selectors.choosable_stories()
        user = self.request.user
        if not sees_newsroom_reports(user):
            stories = stories.filter(Q(live=True) | Q(owner=user))
        return stories

    @property
    def columns(self):
        return [
            *super().columns,
            Column("section", label=_("Section"), accessor="section_title"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=story_status,
                primary=lambda story: story.live,
            ),
            Column("when", label=_("Time"), accessor=story_time),
        ]


class StoryChooseView(StoryChooseMixin, ChooseView):
    pass


class StoryChooseResultsView(StoryChooseMixin, ChooseResultsView):
    pass


class StoryChooserViewSet(ChooserViewSet):
    """Choosing a story (front-page pins, a tip's story): the newest first, Korean search.

    Wagtail's page chooser opens on the tree and matches headline word starts only; the
    desk looks for this morning's stories by words in them, particles and all.
    """

    model = ArticlePage
    icon = "doc-full"
    choose_one_text = _("Choose a story")
    choose_another_text = _("Choose another story")
    edit_item_text = _("Edit this story")
    choose_view_class = StoryChooseView
    choose_results_view_class = StoryChooseResultsView


story_chooser_viewset = StoryChooserViewSet(
    "story_chooser", url_prefix="stories/choose"
)
