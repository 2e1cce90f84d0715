from datetime import UTC, datetime

from sinmun.core.templatetags.core_tags import (
    card_photo_sizes,
    dateline,
    html_datetime,
    kst,
)


def test_dateline_uses_korea_time_and_korean_weekday():
    # 2025-05-01 15:30 UTC is already Friday 2 May in Seoul.
    assert dateline(datetime(2025, 5, 1, 15, 30, tzinfo=UTC)) == "2025.05.02 (금)"


def test_dateline_weekdays():
    days = [dateline(datetime(2025, 5, d, 3, 0, tzinfo=UTC)) for d in range(5, 12)]
    assert [d[-2] for d in days] == list("월화수목금토일")


def test_kst_formats_times_in_seoul():
    assert kst(datetime(2025, 5, 2, 5, 3, tzinfo=UTC)) == "2025.05.02 14:03"
    assert kst(None) == ""


def test_html_datetime_drops_microseconds_and_keeps_the_korea_offset():
    moment = datetime(2025, 5, 2, 5, 3, 9, 160024, tzinfo=UTC)
    assert html_datetime(moment) == "2025-05-02T14:03:09+09:00"
    assert html_datetime(None) == ""


def test_card_photo_sizes_follow_the_card_layout():
    assert card_photo_sizes("row") == "(max-width: 600px) 112px, 240px"
    assert card_photo_sizes("lead").endswith("820px")
    assert card_photo_sizes(None) == "(max-width: 600px) 100vw, 400px"
