"""Structured data of the big-news formats: galleries, videos and live coverage."""

from datetime import date, timedelta

import pytest
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
from sinmun.syndication.tests.test_head import metadata

pytestmark = pytest.mark.django_db


def article_data(client, story) -> dict:
    [data] = metadata(client.get(story.url).text)["json-ld"]
    return data


def test_gallery_is_an_image_gallery_of_image_objects(client, paper, reporter):
    story = make_article(
        paper.sections["society"],
        title="[포토] 가람천 벚꽃길",
        kind=ArticleKind.PHOTO,
        reporters=[reporter],
        body=[
            gallery(
                [
                    (make_photo(), "벚꽃길을 걷는 시민들", "가람시 제공"),
                    (make_photo(), "", ""),
                ],
                title="가람천의 봄",
            )
        ],
    )
    data = article_data(client, story)

    assert data["@type"] == "NewsArticle"
    [part] = data["hasPart"]
    assert part["@type"] == "ImageGallery"
    assert part["name"] == "가람천의 봄"
    first, second = part["associatedMedia"]
    assert first["@type"] == "ImageObject"
    assert first["contentUrl"].startswith("http://testserver/media/")
    assert first["caption"] == "벚꽃길을 걷는 시민들"
    assert first["creditText"] == "가람시 제공"
    assert second["caption"] == "가람천 산책로를 시민들이 걷고 있다."
    assert second["creditText"] == "가람일보 오태양 기자"


def test_video_is_a_video_object(client, paper, reporter):
    story = make_article(
        paper.sections["society"],
        reporters=[reporter],
        body=[
            *paragraphs("드론으로 가람천을 담았다."),
            video(
                make_photo(),
                url="https://tv.naver.com/v/12345678",
                title="하늘에서 본 가람천",
                description="드론으로 찍은 가람천 벚꽃길",
                length="3:25",
                uploaded_on="2026-04-02",
            ),
        ],
    )
    [clip] = article_data(client, story)["video"]

    assert clip == {
        "@type": "VideoObject",
        "name": "하늘에서 본 가람천",
        "description": "드론으로 찍은 가람천 벚꽃길",
        "thumbnailUrl": [clip["thumbnailUrl"][0]],
        "uploadDate": date(2026, 4, 2).isoformat(),
        "embedUrl": "https://tv.naver.com/embed/12345678",
        "duration": "PT3M25S",
    }
    assert clip["thumbnailUrl"][0].startswith("http://testserver/media/")


def test_video_file_has_a_content_url_and_the_story_date(client, paper, reporter):
    story = make_article(
        paper.sections["society"],
        reporters=[reporter],
        body=[video(make_photo(), url="https://media.garamilbo.example/v/a.mp4")],
    )
    [clip] = article_data(client, story)["video"]

    assert clip["contentUrl"] == "https://media.garamilbo.example/v/a.mp4"
    assert "embedUrl" not in clip
    assert "duration" not in clip
    assert clip["description"] == clip["name"]
    assert clip["uploadDate"].endswith("+09:00")


def test_live_story_is_a_live_blog_posting_with_its_updates(client, paper, reporter):
    story = make_article(
        paper.sections["politics"],
        title="[실시간] 보궐선거 개표",
        kind=ArticleKind.LIVE,
        reporters=[reporter],
    )
    now = timezone.now()
    make_live_update(story, reporter, text="개표 시작", at=now - timedelta(hours=1))
    newest = make_live_update(story, reporter, text="개표율 50%", photo=make_photo())
    data = article_data(client, story)

    assert data["@type"] == "LiveBlogPosting"
    assert data["coverageStartTime"].endswith("+09:00")
    assert "coverageEndTime" not in data
    first, second = data["liveBlogUpdate"]
    url = f"http://testserver/news/{story.pk}"
    assert first["@type"] == "BlogPosting"
    assert first["url"] == f"{url}#update-{newest.pk}"
    assert first["articleBody"] == "개표율 50%"
    assert first["author"]["name"] == "박지훈"
    assert first["image"].startswith("http://testserver/media/")
    assert second["articleBody"] == "개표 시작"

    # A new update changes the head although the page has no new revision.
    make_live_update(story, reporter, text="당선 확실")
    assert len(article_data(client, story)["liveBlogUpdate"]) == 3


def test_ended_live_story_names_its_coverage_end(client, paper, reporter):
    story = make_article(
        paper.sections["politics"], kind=ArticleKind.LIVE, reporters=[reporter]
    )
    story.live_ended_at = timezone.now()
    story.save_revision().publish()
    data = article_data(client, story)

    assert data["coverageEndTime"].endswith("+09:00")
    assert data["liveBlogUpdate"] == []
