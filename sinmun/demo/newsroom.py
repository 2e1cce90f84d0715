"""The demo newsroom: one account per role, and stories in every state of the desk's day.

Every account's password is DEMO_PASSWORD. The stories are fictional, written for sinmun.
"""

import html
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.utils import timezone

from sinmun.articles.models import ArticleByline, ArticlePage
from sinmun.desk import services as desk
from sinmun.frontpage.models import FrontPagePin, HomePage, Slot
from sinmun.newsroom.models import Reporter
from sinmun.sections.models import SectionPage

DEMO_PASSWORD = "sinmun-demo"
QUIET_MAIL = "django.core.mail.backends.dummy.EmailBackend"


@dataclass(frozen=True)
class Account:
    username: str
    last_name: str
    first_name: str
    role: str
    reporter: str = ""  # the Reporter slug this account writes as


STAFF = (
    Account("jihoon", "박", "지훈", desk.REPORTER, "park-jihoon"),
    Account("seoyeon", "이", "서연", desk.REPORTER, "lee-seoyeon"),
    Account("desk", "강", "도윤", desk.DESK),
    Account("chief", "서", "동현", desk.CHIEF),
    Account("manager", "윤", "가은", desk.ADMINISTRATOR),
)


@dataclass(frozen=True)
class DeskStory:
    key: str
    section: str
    title: str
    subtitle: str
    paragraphs: tuple[str, ...]
    author: str  # username
    state: str  # draft | waiting | scheduled


DESK_STORIES = (
    DeskStory(
        key="desk-draft-transfer-parking",
        section="society",
        title="가람역 환승주차장 200면 늘린다",
        subtitle="출퇴근 시간 주차난 해소 기대",
        paragraphs=(
            "가람시가 가람역 환승주차장을 200면 늘리는 방안을 검토하고 있다.",
            "시는 내년 상반기 설계를 마치고 하반기 공사에 들어갈 계획이다.",
        ),
        author="jihoon",
        state="draft",
    ),
    DeskStory(
        key="desk-waiting-rice-prices",
        section="economy",
        title="햅쌀 수매가 작년보다 4% 올라",
        subtitle="가람농협, 농가 60곳과 계약",
        paragraphs=(
            "가람농협이 올해 햅쌀 수매가를 40㎏ 한 포대에 6만8천 원으로 정했다.",
            "작년보다 4% 오른 값으로, 농가 60곳이 계약했다.",
        ),
        author="seoyeon",
        state="waiting",
    ),
    DeskStory(
        key="desk-scheduled-library-hours",
        section="society",
        title="시립도서관, 다음 달부터 밤 10시까지 연다",
        subtitle="평일 야간 열람실 시범 운영",
        paragraphs=(
            "가람시립도서관이 다음 달부터 평일 열람실을 밤 10시까지 연다.",
            "시는 석 달 동안 이용자 수를 본 뒤 계속 운영할지 정한다.",
        ),
        author="jihoon",
        state="scheduled",
    ),
)


def ensure_staff() -> list[tuple[Account, bool]]:
    """Create the demo accounts if missing; return each with whether it was created."""
    desk.ensure_roles()
    User = get_user_model()
    result = []
    for account in STAFF:
        user = User.objects.filter(username=account.username).first()
        created = user is None
        if created:
            user = User.objects.create_user(
                username=account.username,
                password=DEMO_PASSWORD,
                first_name=account.first_name,
                last_name=account.last_name,
                email=f"{account.username}@garamilbo.example",
            )
            user.groups.set(Group.objects.filter(name=account.role))
        if account.reporter:
            Reporter.objects.filter(slug=account.reporter, user__isnull=True).update(
                user=user
            )
        result.append((account, created))
    return result


def ensure_desk_stories(*, now: datetime | None = None) -> int:
    """A draft, a story waiting for the desk and a scheduled one. Return how many were made."""
    now = now or timezone.now()
    User = get_user_model()
    desk_user = User.objects.get(username="desk")
    made = 0
    for story in DESK_STORIES:
        if ArticlePage.objects.filter(slug=story.key).exists():
            continue
        author = User.objects.get(username=story.author)
        section = SectionPage.objects.get(slug=story.section.rsplit("/", 1)[-1])
        page = ArticlePage(
            title=story.title,
            slug=story.key,
            subtitle=story.subtitle,
            body=[
                {"type": "paragraph", "value": f"<p>{html.escape(p, quote=False)}</p>"}
                for p in story.paragraphs
            ],
            owner=author,
            live=False,
        )
        reporter = Reporter.objects.filter(user=author).first()
        if reporter:
            page.bylines = [ArticleByline(reporter=reporter, sort_order=0)]
        section.add_child(instance=page)
        revision = page.save_revision(user=author)
        if story.state == "waiting":
            # The demo's desk is notified by the admin's dashboard, not by a console e-mail
            # in the middle of `make demo`'s output.
            with override_settings(EMAIL_BACKEND=QUIET_MAIL):
                page.get_workflow().start(page, author)
        elif story.state == "scheduled":
            local = timezone.localtime(now)
            tomorrow_six = (local + timedelta(days=1)).replace(
                hour=6, minute=0, second=0, microsecond=0
            )
            page.go_live_at = tomorrow_six
            revision = page.save_revision(user=desk_user)
            revision.publish(user=desk_user)
        made += 1
    return made


LINEUP_TOP_STORY = "a-council-budget-2027"


def ensure_front_page_lineup() -> bool:
    """The editor-in-chief pins the council budget as the top story. True if pinned now."""
    home = HomePage.objects.first()
    story = ArticlePage.objects.live().filter(slug=LINEUP_TOP_STORY).first()
    if home is None or story is None or home.pins.exists():
        return False
    chief = get_user_model().objects.get(username="chief")
    home.pins = [FrontPagePin(slot=Slot.TOP, article=story, sort_order=0)]
    home.save_revision(user=chief, log_action=True).publish(user=chief)
    return True
