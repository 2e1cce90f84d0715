import unicodedata

import pytest

from sinmun.core.text import cut_preview, normalize_line, normalize_text


@pytest.mark.parametrize(
    ("text", "budget", "expected"),
    [
        # Whole text fits: returned as it is, no ellipsis.
        ("가람시는 예산안을 의결했다.", 40, "가람시는 예산안을 의결했다."),
        # Sentences ending in 다.: keep whole sentences, the ellipsis replaces the last full stop.
        (
            "가람시는 26일 예산안을 의결했다. 복지 예산은 늘었다. 교통 예산은 줄었다.",
            36,
            "가람시는 26일 예산안을 의결했다. 복지 예산은 늘었다…",
        ),
        # Sentences ending in 요.
        (
            "시장이 말했어요. 모두 모였어요. 내년에도 이어집니다.",
            20,
            "시장이 말했어요. 모두 모였어요…",
        ),
        # A decimal point is not a sentence end: 3.5% stays whole.
        (
            "물가가 3.5% 올라 시민 부담이 커졌다. 시는 대책을 내놓았다.",
            30,
            "물가가 3.5% 올라 시민 부담이 커졌다…",
        ),
        # A quoted sentence ends after its closing quote.
        (
            "윤 시장은 “끝까지 듣겠습니다.” 이어 설명회를 마쳤다. 다음 일정은 미정이다.",
            25,
            "윤 시장은 “끝까지 듣겠습니다.”…",
        ),
        # Question and exclamation marks end sentences and stay.
        (
            "올겨울 눈은 얼마나 올까? 기상청은 평년보다 많다고 내다봤다.",
            20,
            "올겨울 눈은 얼마나 올까?…",
        ),
    ],
)
def test_cut_preview_keeps_whole_sentences(text, budget, expected):
    assert cut_preview(text, budget) == expected


def test_cut_preview_never_cuts_inside_a_word():
    text = "충청북도진천교육지원청은 소회의실에서 자체평가 협의회를 개최하고 성과지표를 점검하며 환류 체계를 구축하고자 한다고 밝혔다."
    result = cut_preview(text, 40)
    assert result.endswith("…")
    assert len(result) <= 40
    kept = result[:-1]
    assert text.startswith(kept)
    # The cut falls on a space: the next character of the original is a space.
    assert text[len(kept)] == " "


def test_cut_preview_respects_budget_for_every_length():
    text = "가람시의회는 본회의를 열고 예산안을 심의했다. 의원들은 복지 예산 3.5% 증액을 요구했다. “시민의 삶이 먼저예요.” 의장이 말했다."
    for budget in range(5, len(text) + 5):
        result = cut_preview(text, budget)
        assert len(result) <= budget
        assert result == text or result.endswith("…")


def test_cut_preview_of_text_without_spaces_is_bounded():
    assert cut_preview("가" * 500, 50) == "가" * 49 + "…"


def test_cut_preview_collapses_whitespace_and_handles_empty():
    assert cut_preview("  가람시는\n\n  의결했다.  ", 50) == "가람시는 의결했다."
    assert cut_preview("", 50) == ""


def test_normalize_text_composes_nfd_hangul():
    nfd = unicodedata.normalize("NFD", "가람시의회")
    assert nfd != "가람시의회"
    assert normalize_text(nfd) == "가람시의회"


def test_normalize_text_strips_invisible_and_control_characters():
    dirty = "가람\u200b시\u202e의회\x00\x01\x0b\ufeff\u2066 예산\u3164"
    assert normalize_text(dirty) == "가람시의회 예산"


def test_normalize_text_keeps_newlines_and_tabs():
    assert normalize_text("첫 줄\n둘째\t줄") == "첫 줄\n둘째\t줄"


def test_normalize_line_makes_one_line():
    assert normalize_line("  가람시,\n 예산안   의결 ") == "가람시, 예산안 의결"
