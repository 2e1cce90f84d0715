from datetime import timedelta

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sinmun.ads.models import Ad, AdSlot

REPORT_DAYS = 30


class AdViewSet(SnippetViewSet):
    model = Ad
    icon = "pick"
    list_display = [
        "name",
        "advertiser",
        "slot",
        "kind",
        "starts_at",
        "ends_at",
        "weight",
        Column("impressions_30d", label=_("Impressions (30 days)")),
        Column("clicks_30d", label=_("Clicks (30 days)")),
        "is_active",
    ]
    list_filter = ["slot", "kind", "is_active"]
    search_fields = ["name", "advertiser"]

    def get_queryset(self, request):
        since = timezone.localdate() - timedelta(days=REPORT_DAYS - 1)
        recent = Q(days__day__gte=since)
        return (
            Ad.objects.select_related("slot")
            .annotate(
                impressions_30d=Sum("days__impressions", filter=recent, default=0),
                clicks_30d=Sum("days__clicks", filter=recent, default=0),
            )
            .order_by("slot", "-starts_at")
        )


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "placeholder"
    list_display = ["position", "size", "after_paragraph", "is_active"]


class AdsGroup(SnippetViewSetGroup):
    menu_label = _("Advertising")
    menu_icon = "pick"
    menu_order = 250
    items = (AdViewSet, AdSlotViewSet)


register_snippet(AdsGroup)
