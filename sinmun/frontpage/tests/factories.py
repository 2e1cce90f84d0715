from dataclasses import dataclass
from datetime import date

from wagtail.models import Page, Site

from sinmun.core.models import NewspaperSettings
from sinmun.frontpage.models import HomePage
from sinmun.sections.models import SectionPage


@dataclass
class Paper:
    home: HomePage
    site: Site
    settings: NewspaperSettings
    sections: dict[str, SectionPage]


def wagtail_roots() -> Page:
    """The rows Wagtail's migrations create (locale, page-tree root, root collection).

    A transactional test's flush deletes them; the next transactional test needs them back.
    """
    from django.conf import settings
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    return root


def make_paper() -> Paper:
    """Build a published home page, its site, the legal particulars and a few sections."""
    root = wagtail_roots()
    home = root.add_child(instance=HomePage(title="가람일보", slug="garam-home"))
    home.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True
    )
    newspaper = NewspaperSettings.objects.create(
        site=site,
        name="가람일보",
        company="(주)가람미디어",
        registration_number="가람 아00000",
        registered_on=date(2009, 3, 2),
        founded_on=date(1998, 5, 15),
        publisher="한가람",
        editor="서동현",
        youth_protection_officer="정하늘",
        address="가람시 중앙로 100",
        phone="000-000-0000",
    )
    sections = {}
    for slug, title in [("politics", "정치"), ("economy", "경제"), ("society", "사회")]:
        sections[slug] = add_section(home, title=title, slug=slug)
    sections["society/incidents"] = add_section(
        sections["society"], title="사건·사고", slug="incidents"
    )
    return Paper(home=home, site=site, settings=newspaper, sections=sections)


def add_section(parent: Page, *, title: str, slug: str) -> SectionPage:
    section = parent.add_child(instance=SectionPage(title=title, slug=slug))
    section.save_revision().publish()
    return section
