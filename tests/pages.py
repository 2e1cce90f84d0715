"""Every public page type of the reader site, built on a small paper, for the page checks."""

import json
import subprocess
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from sinmun.articles.models import ArticleKind
from sinmun.articles.tests.factories import (
    gallery,
    make_article,
    make_live_update,
    make_photo,
    paragraphs,
    video,
)
from sinmun.newsroom.tests.factories import ColumnistFactory, ColumnSeriesFactory
from sinmun.weather.models import Station
from sinmun.weather.tests.factories import observe, seed_stations, this_hour

NODE_MODULES = Path(settings.BASE_DIR) / "var" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = (1366, 390)
SKY = ["맑음", "구름조금", "구름많음", "흐림"]


def require(path: Path) -> Path:
    if not path.exists():
        raise RuntimeError(
            f"{path} is missing: run `make a11y-deps` (npm ci into var/node/)."
        )
    return path


def every_page_type(paper, reporter) -> dict[str, str]:
    """Publish stories of every kind, with photos, tags, a column and a series, and the
    weather ticker's 16 stations; return each public page type's address by name."""
    if not Station.objects.exists():
        seed_stations()
    hour = this_hour()
    for n, number in enumerate(Station.objects.values_list("number", flat=True)):
        observe(number, hour, 3.0 + n, SKY[n % len(SKY)])
    now = timezone.now()
    story = make_article(
        paper.sections["society"],
        title="가람시, 시내버스 노선 18개 조정",
        subtitle="배차 간격 평균 4분 줄어",
        reporters=[reporter],
        lead_image=make_photo(),
        tags=["시내버스"],
        published_at=now - timedelta(minutes=5),
    )
    for n, title in enumerate(
        ["가람천 산책로 새 단장", "읍면 순회 간담회 열려", "도서관 야간 개방"]
    ):
        make_article(
            paper.sections["society/incidents" if n % 2 else "economy"],
            title=title,
            reporters=[reporter],
            lead_image=make_photo(title=title),
            tags=["시내버스"],
            is_breaking=n == 0,
            published_at=now - timedelta(hours=n + 1),
        )
    series = ColumnSeriesFactory(title="가람 걷기", slug="garam-walk")
    column = make_article(
        paper.sections["politics"],
        title="[가람 걷기] 골목이 남긴 이름들",
        kind=ArticleKind.COLUMN,
        columnist=series.columnist,
        series=series,
        published_at=now - timedelta(hours=6),
    )
    ColumnistFactory(name="문가영", slug="moon-gayoung")
    add_comments(story)
    photo_story = make_article(
        paper.sections["society"],
        title="[포토] 가람천 벚꽃길, 올해도 활짝",
        kind=ArticleKind.PHOTO,
        reporters=[reporter],
        body=[
            *paragraphs("가람천 벚꽃길이 주말 절정을 맞는다."),
            gallery(
                [
                    (make_photo(title="벚꽃 1"), "벚꽃길을 걷는 시민들", "가람시 제공"),
                    (make_photo(title="벚꽃 2"), "", ""),
                    (make_photo(title="벚꽃 3"), "야간 조명이 켜진 벚꽃길", ""),
                ],
                title="사진으로 보는 벚꽃길",
            ),
        ],
        published_at=now - timedelta(hours=7),
    )
    video_story = make_article(
        paper.sections["economy"],
        title="[영상] 하늘에서 본 솔내 사과밭",
        reporters=[reporter],
        body=[
            *paragraphs("솔내읍 사과 농가들이 첫 수확에 들어갔다."),
            video(make_photo(title="포스터"), length="1:48", description="드론 영상"),
        ],
        published_at=now - timedelta(hours=8),
    )
    live_story = make_article(
        paper.sections["politics"],
        title="[실시간] 가람시의원 보궐선거 개표 상황",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
        published_at=now - timedelta(hours=2),
    )
    make_live_update(
        live_story, reporter, text="투표가 마감됐다.", at=now - timedelta(hours=1)
    )
    make_live_update(
        live_story,
        reporter,
        text="개표율 30%, 두 후보 접전",
        at=now - timedelta(minutes=10),
        photo=make_photo(title="개표소"),
    )
    return {
        "front": "/",
        "section": paper.sections["society"].url,
        "subsection": paper.sections["society/incidents"].url,
        "article": story.url,
        "column": column.url,
        "photo-gallery": photo_story.url,
        "video": video_story.url,
        "live": live_story.url,
        "reporter": reporter.get_absolute_url(),
        "columnist": series.columnist.get_absolute_url(),
        "series": series.get_absolute_url(),
        "tag": f"/tags/{story.tags.get().slug}/",
        "search": "/search/?q=시내버스",
        "search-form": "/search/",
        "tip-form": "/tips/",
        "newsletter": "/newsletter/",
        "newsletter-check-inbox": "/newsletter/check-inbox/",
        "comments": f"/news/{story.pk}/comments/",
        "reader-sign-in": "/accounts/login/",
        "reader-sign-up": "/accounts/signup/",
        "reader-sign-in-code": "/accounts/login/code/",
        "not-found": "/no-such-page/",
    }


def add_comments(story) -> None:
    """A reader's comment with a reply, and one from the paper's former website."""
    from sinmun.comments.models import Comment, CommentStatus
    from sinmun.comments.tests.factories import make_reader
    from sinmun.migration.models import ImportedComment, ImportRecord, ImportSource

    reader = make_reader("page-checks@reader.example")
    first = Comment.objects.create(
        article=story,
        reader=reader,
        author_name="가람동 주민",
        text="배차 간격이 줄어든다니 반갑습니다.",
        status=CommentStatus.APPROVED,
    )
    Comment.objects.create(
        article=story,
        reader=reader,
        parent=first,
        author_name="버스타는학생",
        text="외곽 노선은 마을버스로 바뀐대요.",
        status=CommentStatus.APPROVED,
    )
    record = ImportRecord.objects.create(
        source=ImportSource.WORDPRESS, kind="post", source_id="page-checks", page=story
    )
    ImportedComment.objects.create(
        record=record,
        source_id="1",
        author="옛 독자",
        text="예전 홈페이지에서 남긴 글입니다.",
        posted_at=timezone.now() - timedelta(days=400),
    )


def nu_errors(documents: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Validate every document with one run of the Nu HTML checker; return errors by name."""
    for name, html in documents.items():
        (workdir / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(require(VNU)),
            "--errors-only",
            "--format",
            "json",
            *sorted(str(p) for p in workdir.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu writes its report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = Path(message.get("url", "").removeprefix("file:")).stem
        errors.setdefault(name, []).append(
            f"{message.get('lastLine', '?')}: {message['message']}"
        )
    return errors
