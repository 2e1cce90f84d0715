"""Load the demo paper (가람일보) into an empty or half-loaded site. Safe to run again."""

import html
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from sinmun.ads.models import DEFAULT_SIZES, Ad, AdKind, AdSlot
from sinmun.articles.models import (
    ArticleByline,
    ArticleKind,
    ArticlePage,
    Correction,
    CorrectionKind,
    LiveUpdate,
    ReadCount,
)
from sinmun.core.models import BreakingNewsSettings, NewspaperSettings
from sinmun.demo import content, images
from sinmun.frontpage.models import HomePage
from sinmun.images.models import Photo as Image
from sinmun.newsroom.models import Columnist, ColumnSeries, Reporter
from sinmun.sections.models import SectionPage

PHOTO_SIZE = (1600, 900)

# Renditions the templates ask for; made while loading so the first reader waits for none.
RENDITION_SPECS = {
    "photo": (
        "width-1200|format-jpeg|jpegquality-82",
        "fill-480x270-c80|format-jpeg|jpegquality-80",
    ),
    "face": (
        "fill-160x160-c100|format-jpeg|jpegquality-80",
        "fill-96x96-c100|format-jpeg|jpegquality-80",
    ),
}

# One demo story carries a correction, to show how a 정정보도 looks.
CORRECTED_STORY = "a-council-budget-2027"
CORRECTION_TEXT = (
    "이 기사의 최초 보도에서 내년도 예산안 가운데 복지 분야 예산의 증가율을 잘못 적었습니다. "
    "시의회 예산결산특별위원회 자료를 다시 확인해 바로잡습니다."
)


@dataclass
class LoadReport:
    created: int = 0
    existing: int = 0


def load_demo(
    *,
    now: datetime | None = None,
    photo_size: tuple[int, int] = PHOTO_SIZE,
    log=lambda message: None,
) -> LoadReport:
    """Create the demo paper: site settings, sections, people, stories and read counts."""
    now = now or timezone.now()
    report = LoadReport()
    with transaction.atomic():
        home = _home_page()
        _newspaper_settings(home)
        sections = _sections(home)
        reporters = _reporters()
        columnists, series = _columnists()
    log(
        f"sections {len(sections)}, reporters {len(reporters)}, columnists {len(columnists)}"
    )
    for story in sorted(content.all_stories(), key=lambda s: -s.hours_ago):
        if ArticlePage.objects.filter(slug=story.key).exists():
            report.existing += 1
            continue
        with transaction.atomic():
            _story(
                story,
                now=now,
                sections=sections,
                reporters=reporters,
                columnists=columnists,
                series=series,
                photo_size=photo_size,
            )
        report.created += 1
        log(f"  {story.title.format(day='', month='')[:40]}")
    if report.created:
        _read_counts(now=now)
    with transaction.atomic():
        _house_ads(now=now)
        _breaking_news(home, now=now)
    return report


# slot position: (name, the line readers see, where a click goes)
HOUSE_ADS = {
    "masthead": (
        "뉴스레터 구독 안내(상단)",
        "가람일보 아침 뉴스레터 · 매일 오전 7시, 가람시 소식을 메일로 받아 보세요",
        "https://garamilbo.example/newsletter",
    ),
    "article_inline": (
        "제보 안내(본문)",
        "가람시의 일, 가람일보가 듣겠습니다 · 기사 제보는 사진 한 장이면 충분합니다",
        "https://garamilbo.example/tips",
    ),
    "side": (
        "구독 안내(사이드)",
        "지역을 지키는 신문 · 가람일보 후원 회원이 되어 주세요",
        "https://garamilbo.example/support",
    ),
    "section_top": (
        "카카오톡 채널 안내(섹션)",
        "가람일보 카카오톡 채널을 추가하면 속보를 가장 먼저 받습니다",
        "https://garamilbo.example/kakao",
    ),
}


def _house_ads(*, now: datetime) -> None:
    """Book one house ad (자사 광고) in every slot, once."""
    for position, (name, text, link) in HOUSE_ADS.items():
        slot, _ = AdSlot.objects.get_or_create(
            position=position, defaults={"size": DEFAULT_SIZES[position]}
        )
        Ad.objects.get_or_create(
            name=name,
            defaults={
                "slot": slot,
                "advertiser": "가람일보",
                "kind": AdKind.HOUSE,
                "text": text,
                "link_url": link,
                "starts_at": now - timedelta(days=1),
                "weight": 10,
            },
        )


BREAKING_NEWS = "가람시 전역 대설주의보 발효… 내일 출근길 시내버스 우회 운행"
BREAKING_HOURS = 12


def _breaking_news(home: HomePage, *, now: datetime) -> None:
    """Set an expiring 속보 banner, unless the desk has one running."""
    site = Site.objects.get(root_page=home)
    banner = BreakingNewsSettings.for_site(site)
    if banner.is_shown(now):
        return
    banner.text = BREAKING_NEWS
    banner.expires_at = now + timedelta(hours=BREAKING_HOURS)
    banner.link = (
        ArticlePage.objects.live()
        .filter(tagged_items__tag__name="시내버스")
        .order_by("-pk")
        .first()
    )
    banner.save()


DEMO_ADMIN = ("admin", "sinmun-demo")


def ensure_demo_admin() -> tuple[str, str, bool]:
    """Create the demo's administrator if missing. Return (username, password, created)."""
    from django.contrib.auth import get_user_model

    username, password = DEMO_ADMIN
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return username, password, False
    User.objects.create_superuser(
        username=username, password=password, email="admin@garamilbo.example"
    )
    return username, password, True


def _home_page() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a bare "Welcome to your new Wagtail site!" page.
    for welcome in root.get_children().exact_type(Page):
        if welcome.numchild == 0:
            welcome.delete()
    home = root.add_child(instance=HomePage(title=content.OUTLET["name"], slug="home"))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    # Absolute links (feeds, sitemaps, canonical) name the address the demo is served at.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = content.OUTLET["name"]
    site.save()
    return home


def _newspaper_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    outlet = content.OUTLET
    NewspaperSettings.objects.update_or_create(
        site=site,
        defaults={
            "name": outlet["name"],
            "company": outlet["company"],
            "registration_number": outlet["registration_number"],
            "print_registration_number": outlet["print_registration_number"],
            "registered_on": date.fromisoformat(outlet["registered_on"]),
            "founded_on": date.fromisoformat(outlet["founded_on"]),
            "publisher": outlet["publisher"],
            "editor": outlet["editor"],
            "youth_protection_officer": outlet["youth_protection_officer"],
            "youth_protection_contact": outlet["youth_protection_contact"],
            "address": outlet["address"],
            "phone": outlet["phone"],
            "fax": outlet["fax"],
            "email": outlet["email"],
        },
    )


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _sections(home: HomePage) -> dict[str, SectionPage]:
    found: dict[str, SectionPage] = {}
    for slug, title, children in content.SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = _publish(home, SectionPage(title=title, slug=slug))
        found[slug] = section
        for child_slug, child_title in children:
            child = (
                SectionPage.objects.child_of(section).filter(slug=child_slug).first()
            )
            if child is None:
                child = _publish(
                    section,
                    SectionPage(
                        title=child_title, slug=child_slug, show_on_front_page=False
                    ),
                )
            found[f"{slug}/{child_slug}"] = child
    return found


def _image(
    *,
    title: str,
    jpeg: bytes,
    filename: str,
    caption: str = "",
    credit: str = "",
    kind: str = "photo",
) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    from io import BytesIO

    image = Image(title=title, caption=caption, credit=credit)
    image.file = ImageFile(BytesIO(jpeg), name=filename)
    image.save()
    for spec in RENDITION_SPECS[kind]:
        image.get_rendition(spec)
    return image


def _reporters() -> dict[str, Reporter]:
    found = {}
    for slug, (name, email, desk, beat) in content.REPORTERS.items():
        reporter = Reporter.objects.filter(slug=slug).first()
        if reporter is None:
            photo = _image(
                title=f"{name} 기자",
                jpeg=images.portrait_jpeg(slug),
                filename=f"reporter-{slug}.jpg",
                kind="face",
            )
            reporter = Reporter.objects.create(
                slug=slug,
                name=name,
                email=email,
                desk=desk,
                beat=beat,
                photo=photo,
                bio=f"{desk}에서 {beat}을(를) 취재합니다.",
            )
        found[slug] = reporter
    return found


def _columnists() -> tuple[dict[str, Columnist], dict[str, ColumnSeries]]:
    columnists = {}
    for slug, (name, title, bio) in content.COLUMNISTS.items():
        columnist = Columnist.objects.filter(slug=slug).first()
        if columnist is None:
            photo = _image(
                title=f"{name} {title}",
                jpeg=images.portrait_jpeg(slug),
                filename=f"columnist-{slug}.jpg",
                kind="face",
            )
            columnist = Columnist.objects.create(
                slug=slug, name=name, title=title, bio=bio, photo=photo
            )
        columnists[slug] = columnist
    series = {}
    for slug, (title, columnist_slug, description) in content.SERIES.items():
        series[slug], _ = ColumnSeries.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "columnist": columnists[columnist_slug],
                "description": description,
            },
        )
    return columnists, series


def _story(
    story, *, now, sections, reporters, columnists, series, photo_size
) -> ArticlePage:
    published_at = now - timedelta(hours=story.hours_ago)
    local = timezone.localtime(published_at)
    fill = {"day": local.day, "month": local.month}

    def text(value: str) -> str:
        return value.format(**fill)

    lead = None
    if story.image:
        scene, caption, credit = story.image
        lead = _image(
            title=text(caption)[:100] or story.key,
            jpeg=images.scene_jpeg(scene, seed=story.key, size=photo_size),
            filename=f"{story.key}.jpg",
            caption=text(caption),
            credit=credit,
        )
    body = []
    for n, block in enumerate(story.body):
        kind = block[0]
        if kind == "p":
            body.append(
                {
                    "type": "paragraph",
                    "value": f"<p>{html.escape(text(block[1]), quote=False)}</p>",
                }
            )
        elif kind == "h":
            body.append({"type": "subheading", "value": text(block[1])})
        elif kind == "quote":
            body.append(
                {
                    "type": "quote",
                    "value": {"text": text(block[1]), "attribution": text(block[2])},
                }
            )
        elif kind == "image":
            _, scene, caption, credit = block
            photo = _image(
                title=text(caption)[:100],
                jpeg=images.scene_jpeg(scene, seed=f"{story.key}-{n}", size=photo_size),
                filename=f"{story.key}-{n}.jpg",
                caption=text(caption),
                credit=credit,
            )
            body.append(
                {
                    "type": "photo",
                    "value": {"image": photo.pk, "caption": "", "credit": ""},
                }
            )
        elif kind == "gallery":
            _, title, photos = block
            items = []
            for m, (scene, caption, credit) in enumerate(photos):
                photo = _image(
                    title=text(caption)[:100],
                    jpeg=images.scene_jpeg(
                        scene, seed=f"{story.key}-{n}-{m}", size=photo_size
                    ),
                    filename=f"{story.key}-{n}-{m}.jpg",
                    caption=text(caption),
                    credit=credit,
                )
                items.append({"image": photo.pk, "caption": "", "credit": ""})
            body.append({"type": "gallery", "value": {"title": title, "photos": items}})
        elif kind == "video":
            _, url, scene, title, description, length = block
            poster = _image(
                title=f"{title} (포스터)",
                jpeg=images.scene_jpeg(scene, seed=f"{story.key}-{n}", size=photo_size),
                filename=f"{story.key}-{n}.jpg",
            )
            body.append(
                {
                    "type": "video",
                    "value": {
                        "url": url,
                        "poster": poster.pk,
                        "title": title,
                        "description": description,
                        "length": length,
                        "uploaded_on": None,
                    },
                }
            )
    is_column = story.section == "opinion" and bool(story.columnist)
    page = ArticlePage(
        title=text(story.title),
        slug=story.key,
        subtitle=text(story.subtitle),
        kind=ArticleKind.COLUMN
        if is_column
        else ArticleKind(story.kind or ArticleKind.NEWS),
        origin=story.origin,
        lead_image=lead,
        body=body,
        columnist=columnists.get(story.columnist) if is_column else None,
        series=series.get(story.series) if is_column and story.series else None,
        sponsorship=story.sponsorship,
        sponsor=story.sponsor,
    )
    page.bylines = [
        ArticleByline(reporter=reporters[slug], sort_order=i)
        for i, slug in enumerate(story.reporters)
    ]
    # The correction came halfway between publication and now: never in the future.
    corrected_at = published_at + (now - published_at) / 2
    if story.key == CORRECTED_STORY:
        page.corrections = [
            Correction(
                kind=CorrectionKind.CORRECTION,
                text=CORRECTION_TEXT,
                published_at=corrected_at,
            )
        ]
    page.tags.add(*story.tags)
    sections[story.section].add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    updated_at = corrected_at if story.key == CORRECTED_STORY else published_at
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=published_at,
        last_published_at=updated_at,
        latest_revision_created_at=updated_at,
    )
    type(revision).objects.filter(pk=revision.pk).update(created_at=updated_at)
    _live_updates(page, story, now=now, reporters=reporters, photo_size=photo_size)
    return page


def _live_updates(page, story, *, now, reporters, photo_size) -> None:
    """Add a live story's updates, each by its reporter, at its time before `now`."""
    for n, (minutes_ago, reporter, text, scene) in enumerate(story.live_updates):
        photo = None
        if scene:
            photo = _image(
                title=text[:100],
                jpeg=images.scene_jpeg(
                    scene, seed=f"{story.key}-live-{n}", size=photo_size
                ),
                filename=f"{story.key}-live-{n}.jpg",
                caption=text.split(".")[0] + ".",
                credit="가람일보 오태양 기자",
            )
        LiveUpdate.objects.create(
            article=page,
            reporter=reporters[reporter],
            text=text,
            photo=photo,
            published_at=now - timedelta(minutes=minutes_ago),
        )


def _read_counts(*, now: datetime) -> None:
    """Give the most-read box something to show: made-up counts for the last three days."""
    rng = random.Random(20250502)
    today = timezone.localdate(now)
    rows = []
    ReadCount.objects.all().delete()
    for article in ArticlePage.objects.live().only("pk", "first_published_at"):
        age_days = (today - timezone.localdate(article.first_published_at)).days
        for back in range(3):
            day = today - timedelta(days=back)
            if day < timezone.localdate(article.first_published_at):
                continue
            popularity = rng.paretovariate(1.6) * 120 / (1 + age_days * 0.3)
            rows.append(ReadCount(article=article, day=day, count=int(popularity) + 1))
    ReadCount.objects.bulk_create(rows)
