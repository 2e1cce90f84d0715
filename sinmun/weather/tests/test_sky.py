"""Golden tests for the sky word: every band and override of specs/kma-weather.md §3."""

import pytest

from sinmun.weather import sky

CLOUD_BANDS = {
    0: "맑음", 1: "맑음", 2: "맑음",
    3: "구름조금", 4: "구름조금", 5: "구름조금",
    6: "구름많음", 7: "구름많음", 8: "구름많음",
    9: "흐림", 10: "흐림",
}  # fmt: skip

# WMO 4677 → word, per the §3.2 table; None means "the cloud word stays".
WC_GOLDEN = {
    **dict.fromkeys(range(0, 5), None),
    5: "연무",
    **dict.fromkeys(range(6, 10), "황사"),
    10: "박무",
    11: "안개", 12: "안개",
    **dict.fromkeys(range(13, 17), None),
    17: "뇌전",
    18: None, 19: None,
    **dict.fromkeys(range(20, 30), None),
    **dict.fromkeys(range(30, 36), "황사"),
    **dict.fromkeys(range(36, 40), "눈"),
    40: None,
    **dict.fromkeys(range(41, 50), "안개"),
    **dict.fromkeys(range(50, 60), "비"),
    **dict.fromkeys(range(60, 68), "비"),
    68: "비/눈", 69: "비/눈",
    **dict.fromkeys(range(70, 80), "눈"),
    80: "소나기", 81: "소나기", 82: "소나기",
    83: "비/눈", 84: "비/눈",
    85: "눈", 86: "눈",
    **dict.fromkeys(range(87, 91), "소나기"),
    91: "비", 92: "비", 93: "눈", 94: "눈",
    **dict.fromkeys(range(95, 100), "뇌우"),
}  # fmt: skip


def test_golden_table_covers_every_wmo_code():
    assert sorted(WC_GOLDEN) == list(range(100))


@pytest.mark.parametrize(("amount", "word"), sorted(CLOUD_BANDS.items()))
def test_cloud_amount_bands(amount, word):
    assert sky.cloud_word(amount) == word
    assert sky.sky_word(present_weather=None, cloud_amount=amount) == word


@pytest.mark.parametrize("amount", [None, -9, 11])
def test_missing_or_impossible_cloud_amount_gives_no_word(amount):
    assert sky.cloud_word(amount) == ""
    assert sky.sky_word(present_weather=None, cloud_amount=amount) == ""


@pytest.mark.parametrize(("code", "word"), sorted(WC_GOLDEN.items()))
def test_present_weather_code(code, word):
    # Cloud amount 4 (구름조금) shows whenever the code leaves the cloud word in place.
    expected = word or "구름조금"
    assert sky.sky_word(present_weather=code, cloud_amount=4) == expected


@pytest.mark.parametrize(("code", "word"), sorted(WC_GOLDEN.items()))
def test_present_weather_word_needs_no_cloud_amount(code, word):
    assert sky.sky_word(present_weather=code, cloud_amount=None) == (word or "")


@pytest.mark.parametrize(
    ("precipitation", "temperature", "word"),
    [
        (0.5, 3.2, "비"),
        (0.1, 0.1, "비"),
        (0.5, 0.0, "눈"),
        (2.0, -4.5, "눈"),
        (0.5, None, "비"),
        (0.0, 3.2, "흐림"),
        (None, 3.2, "흐림"),
    ],
)
def test_without_present_weather_precipitation_decides(
    precipitation, temperature, word
):
    assert (
        sky.sky_word(
            present_weather=None,
            cloud_amount=10,
            precipitation=precipitation,
            temperature=temperature,
        )
        == word
    )


def test_a_valid_present_weather_report_outranks_the_rain_gauge():
    # WC 05 (haze now) is the current report; RN can be three hours of winter rain.
    assert sky.sky_word(present_weather=5, cloud_amount=2, precipitation=1.5) == "연무"
    assert sky.sky_word(present_weather=2, cloud_amount=2, precipitation=1.5) == "맑음"


@pytest.mark.parametrize(
    ("visibility", "humidity", "word"),
    [
        (500, 95.0, "안개"),
        (999, None, "안개"),
        (1_000, 80.0, "박무"),
        (5_000, 75.0, "박무"),
        (5_000, 74.0, "연무"),
        (9_990, 40.0, "연무"),
        (10_000, 90.0, "구름많음"),
        (5_000, None, "구름많음"),
        (None, 90.0, "구름많음"),
    ],
)
def test_optional_visibility_estimate(visibility, humidity, word):
    assert (
        sky.sky_word(
            present_weather=None,
            cloud_amount=7,
            visibility=visibility,
            humidity=humidity,
            estimate_obscuration=True,
        )
        == word
    )


def test_visibility_estimate_is_off_by_default():
    assert (
        sky.sky_word(present_weather=None, cloud_amount=7, visibility=300) == "구름많음"
    )


def test_precipitation_outranks_the_visibility_estimate():
    word = sky.sky_word(
        present_weather=None,
        cloud_amount=10,
        precipitation=3.0,
        temperature=5.0,
        visibility=300,
        humidity=98.0,
        estimate_obscuration=True,
    )
    assert word == "비"


PRECEDENCE = [sky.RAIN, sky.THUNDER, sky.DUST, sky.FOG, sky.MIST, sky.HAZE]


@pytest.mark.parametrize("index", range(len(PRECEDENCE)))
def test_precedence_each_phenomenon_beats_every_lower_one(index):
    winner = PRECEDENCE[index]
    for loser in PRECEDENCE[index + 1 :]:
        assert sky.strongest([loser, winner]) == winner
        assert sky.strongest([winner, None, loser]) == winner


def test_precedence_order_is_the_specs():
    words = [p.word for p in sorted(PRECEDENCE, key=lambda p: p.kind)]
    assert words == ["비", "뇌전", "황사", "안개", "박무", "연무"]
    assert sky.strongest([None]) is None
    assert sky.strongest([]) is None


def test_thunderstorm_and_thunder_with_rain_rank_as_precipitation():
    # 91–94 (precipitation now, thunder in the past hour) and 95–99 (thunderstorm now).
    assert sky.strongest([sky.THUNDER, sky.THUNDERSTORM]) == sky.THUNDERSTORM
    for code in range(91, 100):
        assert sky.PRESENT_WEATHER[code].kind == sky.Kind.PRECIPITATION
    assert sky.PRESENT_WEATHER[17].kind == sky.Kind.THUNDER
