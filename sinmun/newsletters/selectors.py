"""Reads for the newsletter: the morning edition's stories, the editions' counts."""

from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Site

from sinmun.core.models import NewspaperSettings
from sinmun.frontpage import selectors as frontpage_selectors
from sinmun.newsletters.models import DeliveryStatus, Edition


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def paper_name() -> str:
    """Return the paper's name (제호) from the default site's settings."""
    name = (
        NewspaperSettings.objects.filter(site__is_default_site=True)
        .values_list("name", flat=True)
        .first()
    )
    return name or ""


def _absolute(root_url: str, url: str) -> str:
    return url if url.startswith(("http://", "https://")) else root_url + url


def morning_edition(*, now: datetime | None = None) -> dict:
    """Return what the morning edition (조간) shows: the front page's lineup, then each section.

    The stories are those the front page shows at `now` (pins first, then the newest), so
    the letter and the paper agree; links are absolute, from the default site's address.
    """
    now = now or timezone.now()
    site = default_site()
    home = site.root_page.specific if site else None
    boxes = frontpage_selectors.front_page(home=home, now=now)
    root_url = site.root_url if site else ""
    paper = NewspaperSettings.objects.filter(site=site).first() if site else None
    leads = [boxes["top_story"], *boxes["main_stories"]] if boxes["top_story"] else []
    if not leads:
        leads = list(boxes["main_stories"])
    sections = [
        (section, articles) for section, articles in boxes["section_blocks"] if articles
    ]
    for article in [*leads, *(a for _, articles in sections for a in articles)]:
        article.letter_url = root_url + article.permalink_path
    return {
        "paper_name": paper.name if paper else "",
        "paper": paper,
        "root_url": root_url,
        "edition_on": timezone.localdate(now),
        "leads": leads,
        "sections": [
            (section.title, _absolute(root_url, section.url), articles)
            for section, articles in sections
        ],
    }


def editions_with_counts():
    """Return the editions with how many letters were sent, failed and are waiting."""
    return Edition.objects.annotate(
        sent_count=Count(
            "deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)
        ),
        failed_count=Count(
            "deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)
        ),
        waiting_count=Count(
            "deliveries",
            filter=Q(
                deliveries__status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
            ),
        ),
    )
