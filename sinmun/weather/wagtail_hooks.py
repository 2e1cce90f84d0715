from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sinmun.weather import selectors
from sinmun.weather.models import FetchLog, Observation, Station


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Let editors look but not touch: these rows are written only by fetch_weather."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


# Policies must be registered before any viewset asks for one (wagtail.permissions).
register_permission_policy(FetchLog, ReadOnlyPolicy(FetchLog))
register_permission_policy(Observation, ReadOnlyPolicy(Observation))


class StationViewSet(SnippetViewSet):
    model = Station
    icon = "site"
    list_display = ["name", "number", "ticker_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    copy_view_enabled = False


class ObservationViewSet(SnippetViewSet):
    model = Observation
    icon = "time"
    list_display = ["station", "observed_at", "sky_word", "temperature", "source"]
    list_filter = ["source", "station"]
    inspect_view_enabled = True
    copy_view_enabled = False


class FetchLogViewSet(SnippetViewSet):
    model = FetchLog
    icon = "history"
    list_display = [
        "started_at",
        "status",
        "source",
        "stored",
        "duration_ms",
        "message",
    ]
    list_filter = ["status", "source"]
    inspect_view_enabled = True
    copy_view_enabled = False


class WeatherGroup(SnippetViewSetGroup):
    menu_label = _("Weather")
    menu_icon = "site"
    menu_order = 250
    items = (StationViewSet, FetchLogViewSet, ObservationViewSet)


register_snippet(WeatherGroup)


class WeatherStatusPanel(Component):
    name = "weather_status"
    order = 300
    template_name = "weather/admin/status_panel.html"

    def get_context_data(self, parent_context):
        return {"health": selectors.fetch_health()}


@hooks.register("construct_homepage_panels")
def add_weather_status_panel(request, panels):
    panels.append(WeatherStatusPanel())
