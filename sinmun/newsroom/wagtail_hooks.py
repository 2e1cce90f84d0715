from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter


class ReporterViewSet(SnippetViewSet):
    model = Reporter
    icon = "user"
    list_display = ["name", "desk", "beat", "email", "is_active"]
    list_filter = ["is_active", "desk"]
    search_fields = ["name", "email"]


class ColumnistViewSet(SnippetViewSet):
    model = Columnist
    icon = "edit"
    list_display = ["name", "title"]


class ColumnSeriesViewSet(SnippetViewSet):
    model = ColumnSeries
    icon = "list-ul"
    list_display = ["title", "columnist"]


class NewsroomGroup(SnippetViewSetGroup):
    menu_label = _("Newsroom")
    menu_icon = "group"
    menu_order = 200
    items = (ReporterViewSet, ColumnistViewSet, ColumnSeriesViewSet)


register_snippet(NewsroomGroup)
