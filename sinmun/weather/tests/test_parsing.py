from datetime import datetime

import pytest

from sinmun.weather.parsing import (
    KST,
    ParseError,
    describe_error_body,
    parse_observations,
    parse_row,
)
from sinmun.weather.tests.conftest import HOUR
from sinmun.weather.tests.kma import ERROR_403, ERROR_500, make_body, sample_text

# The real Seoul row of 2025-11-13 08:00 quoted in specs/kma-weather.md §1.1.
REAL_ROW = (
    "202511130800 108   5  2.6  -9 -9.0   -9 1010.5 1021.0 -9  -9.0   8.1   5.0  81.0"
    "   8.7   -9.0   -9.0   -9.0   -9.0   -9.0   -9.0   -9.0 -9 -9 -                 "
    "       9   9   10 Sc         0   0   5  1074  0.0  0.04 -9   8.2   8.7   9.1  10.8"
    "  11.7  -9 -9.0 -9  3  2"
)


def test_real_row_is_read_field_by_field():
    row = parse_row(REAL_ROW)
    assert row.station_number == 108
    assert row.observed_at == datetime(2025, 11, 13, 8, 0, tzinfo=KST)
    assert row.temperature == 8.1
    assert row.humidity == 81.0
    assert row.precipitation is None
    assert row.present_weather is None
    assert row.domestic_weather == ""
    assert row.cloud_amount == 9
    assert row.visibility == 10_740


def test_sample_body_in_euc_kr_gives_sixteen_rows():
    body = make_body(at=HOUR)
    assert "견본".encode("euc-kr") in body  # the Korean comment line really is EUC-KR
    parsed = parse_observations(body)
    assert parsed.rejected == []
    assert [row.station_number for row in parsed.rows] == [
        98, 105, 108, 133, 143, 152, 156, 159, 172, 184, 201, 226, 238, 259, 283, 294
    ]  # fmt: skip
    assert {row.observed_at for row in parsed.rows} == {HOUR}
    gochang = next(row for row in parsed.rows if row.station_number == 172)
    assert (
        gochang.present_weather,
        gochang.domestic_weather,
        gochang.precipitation,
    ) == (
        61,
        "01",
        0.5,
    )


def test_text_and_crlf_bodies_are_accepted():
    parsed = parse_observations(sample_text().replace("\n", "\r\n"))
    assert len(parsed.rows) == 16


@pytest.mark.parametrize(
    ("token", "field", "expected"),
    [
        ("-99.0", "temperature", None),
        ("-9.0", "temperature", -9.0),  # a real winter reading, not a missing value
        ("-50.1", "temperature", None),
        ("-12.3", "temperature", -12.3),
    ],
)
def test_temperature_missing_values(token, field, expected):
    tokens = REAL_ROW.split()
    tokens[11] = token
    assert getattr(parse_row(" ".join(tokens)), field) == expected


@pytest.mark.parametrize(
    ("index", "token", "field"),
    [
        (25, "-9", "cloud_amount"),
        (25, "11", "cloud_amount"),
        (25, "-", "cloud_amount"),
        (13, "-9.0", "humidity"),
        (13, "-99.0", "humidity"),
        (15, "-9.0", "precipitation"),
        (22, "-9", "present_weather"),
        (32, "-9", "visibility"),
    ],
)
def test_other_missing_values_become_none(index, token, field):
    tokens = REAL_ROW.split()
    tokens[index] = token
    assert getattr(parse_row(" ".join(tokens)), field) is None


def test_domestic_code_string_is_kept_verbatim():
    tokens = REAL_ROW.split()
    tokens[24] = "2290"
    assert parse_row(" ".join(tokens)).domestic_weather == "2290"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"   \n  ", "empty body"),
        (ERROR_403.encode(), "활용신청이 필요한 API"),
        (ERROR_500.encode(), "HTML or XML"),
        (b"Unauthorized", "does not start with #START7777"),
        (b'{"broken": ', "unreadable JSON"),
    ],
)
def test_non_observation_bodies_are_rejected_with_a_message(body, message):
    with pytest.raises(ParseError) as caught:
        parse_observations(body)
    assert message in str(caught.value)


def test_json_gateway_error_is_described():
    body = (
        '{"OpenAPI_ServiceResponse":{"cmmMsgHeader":{"errMsg":"SERVICE_KEY_IS_NOT_REGISTERED_ERROR",'
        '"returnAuthMsg":"등록되지 않은 서비스키","returnReasonCode":"30"}}}'
    )
    with pytest.raises(
        ParseError,
        match="SERVICE_KEY_IS_NOT_REGISTERED_ERROR 등록되지 않은 서비스키 30",
    ):
        parse_observations(body)
    assert (
        describe_error_body(ERROR_403.encode())
        == "활용신청이 필요한 API 입니다. (status 403)"
    )


def test_body_without_end_marker_is_truncated_and_unused():
    with pytest.raises(ParseError, match="before #7777END") as caught:
        parse_observations(make_body(at=HOUR, end=False))
    assert caught.value.transient


def test_body_cut_mid_row_is_rejected_as_a_whole():
    body = make_body(at=HOUR)
    with pytest.raises(ParseError, match="truncated"):
        parse_observations(body[: len(body) // 2])


def test_missing_start_marker():
    body = make_body(at=HOUR).replace(b"#START7777\n", b"")
    with pytest.raises(ParseError, match="does not start with #START7777"):
        parse_observations(body)


def test_header_only_body_has_no_rows():
    parsed = parse_observations("#START7777\n# YYMMDDHHMI STN\n#7777END\n")
    assert parsed.rows == []
    assert parsed.rejected == []


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda tokens: tokens[:-2], "expected 46 fields, found 44"),
        (lambda tokens: [*tokens, "7"], "expected 46 fields, found 47"),
        (
            lambda tokens: ["2025111308", *tokens[1:]],
            "bad observation time '2025111308'",
        ),
        (lambda tokens: ["202513130800", *tokens[1:]], "bad observation time"),
        (lambda tokens: [tokens[0], "XYZ", *tokens[2:]], "bad station number 'XYZ'"),
    ],
)
def test_a_bad_row_is_noted_and_the_others_kept(edit, message):
    good = sample_text().splitlines()
    rows = [i for i, line in enumerate(good) if not line.startswith("#")]
    good[rows[2]] = " ".join(edit(good[rows[2]].split()))
    parsed = parse_observations("\n".join(good))
    assert len(parsed.rows) == 15
    assert len(parsed.rejected) == 1
    assert parsed.rejected[0].startswith(f"line {rows[2] + 1}: ")
    assert message in parsed.rejected[0]


def test_invalid_euc_kr_bytes_do_not_stop_parsing():
    body = make_body(at=HOUR).replace("견본".encode("euc-kr"), b"\xff\xfe")
    assert len(parse_observations(body).rows) == 16
