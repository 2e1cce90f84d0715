"""Which video addresses a video story can play, and how (articles.video)."""

import pytest

from sinmun.articles.video import iso_duration, player_for


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3s",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://m.youtube.com/shorts/dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://tv.naver.com/v/12345678",
            "navertv",
            "https://tv.naver.com/embed/12345678?autoPlay=true",
        ),
        (
            "https://tv.kakao.com/v/440012345",
            "kakaotv",
            "https://play-tv.kakao.com/embed/player/cliplink/440012345?autoplay=1",
        ),
        (
            "https://tv.kakao.com/channel/3456/cliplink/440012345",
            "kakaotv",
            "https://play-tv.kakao.com/embed/player/cliplink/440012345?autoplay=1",
        ),
    ],
)
def test_known_video_sites_play_in_their_embed_player(url, provider, embed):
    player = player_for(url)
    assert (player.provider, player.embed_url) == (provider, embed)
    assert not player.is_file


def test_an_https_video_file_plays_in_a_video_element():
    player = player_for("https://media.garamilbo.example/video/cherry.mp4")
    assert player.is_file
    assert player.file_url == "https://media.garamilbo.example/video/cherry.mp4"
    assert player.file_type == "video/mp4"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/garam",
        "http://media.garamilbo.example/cherry.mp4",  # a file over plain http
        "https://example.com/page.html",
        "javascript:alert(1)",
    ],
)
def test_other_addresses_are_refused(url):
    assert player_for(url) is None


@pytest.mark.parametrize(
    ("length", "duration"),
    [("3:25", "PT3M25S"), ("1:02:03", "PT1H2M3S"), ("0:40", "PT40S"), ("", "")],
)
def test_length_becomes_an_iso_duration(length, duration):
    assert iso_duration(length) == duration
