from datetime import UTC, datetime

from sinmun.core.templatetags.core_tags import dateline, kst


def test_dateline_uses_korea_time_and_korean_weekday():
    # 2025-05-01 15:30 UTC is already Friday 2 May in Seoul.
    assert dateline(datetime(2025, 5, 1, 15, 30, tzinfo=UTC)) == "2025.05.02 (금)"


def test_dateline_weekdays():
    days = [dateline(datetime(2025, 5, d, 3, 0, tzinfo=UTC)) for d in range(5, 12)]
    assert [d[-2] for d in days] == list("월화수목금토일")


def test_kst_formats_times_in_seoul():
    assert kst(datetime(2025, 5, 2, 5, 3, tzinfo=UTC)) == "2025.05.02 14:03"
    assert kst(None) == ""
