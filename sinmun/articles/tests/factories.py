"""Build articles the way the newsroom does: a page under a section, saved, then published."""

import html
from datetime import datetime, timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage

from sinmun.articles.models import ArticleByline, ArticleKind, ArticlePage
from sinmun.images.models import Photo

SAMPLE_BODY = [
    "가람시는 26일 시청 대회의실에서 시내버스 노선 개편안 설명회를 열었다.",
    "개편안은 52개 노선 가운데 18개를 조정해 배차 간격을 평균 4분 줄이는 내용이다.",
    "윤태호 시장은 “시민 의견을 끝까지 듣겠다”고 말했다.",
]


def make_photo(
    *,
    title="가람천 산책로",
    caption="가람천 산책로를 시민들이 걷고 있다.",
    credit="가람일보 오태양 기자",
) -> Photo:
    buffer = BytesIO()
    PILImage.new("RGB", (640, 360), (70, 110, 150)).save(buffer, "JPEG")
    photo = Photo(title=title, caption=caption, credit=credit)
    photo.file = ImageFile(BytesIO(buffer.getvalue()), name="photo.jpg")
    photo.save()
    return photo


def paragraphs(*texts: str) -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>{html.escape(t, quote=False)}</p>"}
        for t in texts
    ]


def make_article(
    section,
    *,
    title: str = "가람시, 시내버스 노선 18개 조정",
    subtitle: str = "",
    reporters=(),
    body=None,
    published_at: datetime | None = None,
    publish: bool = True,
    lead_image=None,
    kind: str = ArticleKind.NEWS,
    columnist=None,
    series=None,
    tags=(),
    **fields,
) -> ArticlePage:
    """Add an article under `section`; publish it (at `published_at`) unless `publish` is False."""
    page = ArticlePage(
        title=title,
        subtitle=subtitle,
        body=body if body is not None else paragraphs(*SAMPLE_BODY),
        lead_image=lead_image,
        kind=kind,
        columnist=columnist,
        series=series,
        live=publish,
        **fields,
    )
    page.bylines = [
        ArticleByline(reporter=r, sort_order=i) for i, r in enumerate(reporters)
    ]
    if tags:
        page.tags.add(*tags)
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        if published_at:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
        page.refresh_from_db()
    return page


def make_articles(
    section, count: int, *, start: datetime | None = None, **kwargs
) -> list[ArticlePage]:
    start = start or timezone.now()
    return [
        make_article(
            section,
            title=f"가람시 소식 {n}번째: 읍면 순회 간담회",
            published_at=start - timedelta(hours=n),
            **kwargs,
        )
        for n in range(count)
    ]


def gallery(photos, *, title: str = "") -> dict:
    """A gallery block of `photos`, each as (photo, caption, credit)."""
    return {
        "type": "gallery",
        "value": {
            "title": title,
            "photos": [
                {"image": photo.pk, "caption": caption, "credit": credit}
                for photo, caption, credit in photos
            ],
        },
    }


def video(
    poster,
    *,
    url: str = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    title: str = "가람천 벚꽃길 드론 영상",
    description: str = "",
    length: str = "",
    uploaded_on=None,
) -> dict:
    return {
        "type": "video",
        "value": {
            "url": url,
            "poster": poster.pk,
            "title": title,
            "description": description,
            "length": length,
            "uploaded_on": uploaded_on,
        },
    }


def make_live_update(article, reporter, *, text: str, at=None, photo=None):
    from sinmun.articles.models import LiveUpdate

    return LiveUpdate.objects.create(
        article=article,
        reporter=reporter,
        text=text,
        published_at=at or timezone.now(),
        photo=photo,
    )
