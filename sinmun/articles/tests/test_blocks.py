"""Photo galleries (포토뉴스) and videos behind their poster, in an article's body."""

import re

import pytest
from django.core.exceptions import ValidationError

from sinmun.articles.blocks import VideoBlock
from sinmun.articles.models import ArticleKind
from sinmun.articles.tests.factories import (
    gallery,
    make_article,
    make_photo,
    paragraphs,
    video,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def gallery_story(paper, reporter):
    photos = [
        (make_photo(title="벚꽃길 1"), "가람천 벚꽃길을 걷는 시민들", "가람시 제공"),
        (make_photo(title="벚꽃길 2"), "", ""),  # the photo's own caption and credit
        (make_photo(title="벚꽃길 3"), "야간 조명이 켜진 벚꽃길", "사진=독자 김하늘"),
    ]
    return make_article(
        paper.sections["society"],
        title="[포토] 가람천 벚꽃길, 올해도 활짝",
        kind=ArticleKind.PHOTO,
        reporters=[reporter],
        body=[*paragraphs("가람천 벚꽃길이 주말 절정을 맞는다."), gallery(photos)],
    )


def test_gallery_shows_every_photo_with_its_number_caption_and_credit(
    client, gallery_story
):
    html = client.get(gallery_story.url).text
    items = re.findall(r'<li class="gallery-item">(.*?)</li>', html, re.S)

    assert len(items) == 3
    assert "사진 1 / 3" in items[0]
    assert "가람천 벚꽃길을 걷는 시민들" in items[0]
    assert '<span class="credit">사진=가람시 제공</span>' in items[0]
    # Empty in the block: the caption and credit stored with the photo.
    assert "가람천 산책로를 시민들이 걷고 있다." in items[1]
    assert '<span class="credit">사진=가람일보 오태양 기자</span>' in items[1]
    # A credit already written as 사진=… is not given a second prefix.
    assert '<span class="credit">사진=독자 김하늘</span>' in items[2]


def test_gallery_photos_come_in_several_widths(client, gallery_story):
    html = client.get(gallery_story.url).text
    img = re.search(r'<li class="gallery-item">.*?(<img[^>]*>)', html, re.S).group(1)

    assert 'sizes="(max-width: 960px) 100vw, 760px"' in img
    assert re.search(r"width-480\.format-jpeg\.jpegquality-82\.jpg 480w", img)
    assert 'alt="가람천 벚꽃길을 걷는 시민들"' in img


def test_gallery_story_stays_within_the_article_query_budget(
    client, gallery_story, django_assert_max_num_queries
):
    client.get(gallery_story.url)  # renditions made, shared caches filled
    with django_assert_max_num_queries(12):
        response = client.get(gallery_story.url)
    assert response.status_code == 200


@pytest.fixture
def video_story(paper, reporter):
    return make_article(
        paper.sections["society"],
        title="[영상] 하늘에서 본 가람천 벚꽃길",
        reporters=[reporter],
        body=[
            *paragraphs("드론으로 가람천 벚꽃길을 담았다."),
            video(make_photo(title="포스터"), length="2:15"),
        ],
    )


def test_video_is_a_poster_link_and_no_player_before_the_tap(client, video_story):
    html = client.get(video_story.url).text
    figure = re.search(r'<figure class="video".*?</figure>', html, re.S).group(0)

    assert "<iframe" not in html
    assert "<video" not in html
    assert (
        "youtube-nocookie.com/embed/dQw4w9WgXcQ" in figure
    )  # for the script, after a tap
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in figure
    assert "동영상 재생" in figure
    assert "(2:15)" in figure
    assert re.search(r"<img[^>]*fill-480x270", figure)


def test_video_player_origins_are_allowed_by_the_page_policy(client, video_story):
    policy = client.get(video_story.url)["Content-Security-Policy"]
    frame_src = re.search(r"frame-src ([^;]*)", policy).group(1).split()
    for origin in (
        "https://www.youtube-nocookie.com",
        "https://tv.naver.com",
        "https://play-tv.kakao.com",
    ):
        assert origin in frame_src


def test_video_block_refuses_an_address_it_cannot_play():
    block = VideoBlock()
    value = block.to_python(
        {
            "url": "https://example.com/clip.html",
            "poster": make_photo().pk,
            "title": "영상",
            "description": "",
            "length": "",
            "uploaded_on": None,
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)
