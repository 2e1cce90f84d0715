"""Read KMA API Hub hourly surface observations (kma_sfctm2.php, kma_sfctm3.php).

The body is EUC-KR text: ``#START7777``, comment lines starting with ``#``, one row per
station and hour with exactly 46 whitespace-separated tokens, then ``#7777END``
(specs/kma-weather.md §1.1). Missing values are written ``-9``, ``-9.0``, ``-99.0`` or ``-``.
Nothing here raises anything but ParseError, whose message says what was wrong.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

KST = ZoneInfo("Asia/Seoul")
START = "#START7777"
END = "#7777END"
TOKENS_PER_ROW = 46
ENCODING = "euc-kr"

# 0-based token positions of the columns the ticker uses (§1.1 table).
TM, STN, TA, HM, RN, WC, WW, CA_TOT, VS = 0, 1, 11, 13, 15, 22, 24, 25, 32

MISSING = -9  # any non-temperature value at or below this is "missing"
TEMPERATURE_RANGE = (-50.0, 50.0)


class ParseError(ValueError):
    """The body is not a usable kma_sfctm2/3 answer; the message says why."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        # Empty and cut-off bodies are what a struggling server sends; asking again may help.
        self.transient = transient


@dataclass(frozen=True)
class ObservationRow:
    station_number: int
    observed_at: datetime
    temperature: float | None
    humidity: float | None
    precipitation: float | None
    present_weather: int | None
    domestic_weather: str
    cloud_amount: int | None
    visibility: int | None  # metres


@dataclass
class ParsedBody:
    rows: list[ObservationRow] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def decode(body: bytes | str) -> str:
    """Return `body` as text: observations come in EUC-KR, JSON errors in UTF-8.

    Korean EUC-KR text is almost never valid UTF-8, so UTF-8 is tried first; a stray byte
    in an EUC-KR body is replaced rather than allowed to stop the job.
    """
    if isinstance(body, str):
        return body
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode(ENCODING, errors="replace")


def parse_observations(body: bytes | str) -> ParsedBody:
    """Return the rows of a kma_sfctm2/3 body, and a note for each row that was rejected.

    A body that is not observation text at all (an error page, JSON, nothing, or text
    cut off before ``#7777END``) raises ParseError. A single bad row is only noted, so
    one broken station does not hide the other fifteen.
    """
    text = decode(body).replace("\r\n", "\n").strip()
    if not text:
        raise ParseError("KMA returned an empty body.", transient=True)
    if text.startswith("{"):
        raise ParseError(f"KMA returned an error: {_json_error(text)}")
    if text.startswith("<"):
        raise ParseError(
            "KMA returned an HTML or XML page instead of observations; "
            "the service may be down or the URL wrong."
        )
    lines = text.split("\n")
    if lines[0].strip() != START:
        raise ParseError(
            f"The body does not start with {START}: {_excerpt(lines[0])!r}. "
            "Check SINMUN_KMA_API_URL points at kma_sfctm2.php."
        )
    if lines[-1].strip() != END:
        raise ParseError(
            f"The body ends before {END} (truncated after {len(lines)} lines); "
            "nothing from it was used.",
            transient=True,
        )
    parsed = ParsedBody()
    for number, line in enumerate(lines[1:-1], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            parsed.rows.append(parse_row(line))
        except ParseError as error:
            parsed.rejected.append(f"line {number}: {error}")
    return parsed


def describe_error_body(body: bytes | str) -> str:
    """Return what an error answer (JSON, HTML, text) says, in one short line."""
    text = decode(body).strip()
    if text.startswith("{"):
        return _json_error(text)
    if text.startswith("<"):
        return "an HTML or XML page"
    return _excerpt(text) if text else "an empty body"


def parse_row(line: str) -> ObservationRow:
    """Return one data row as an ObservationRow."""
    tokens = line.split()
    if len(tokens) != TOKENS_PER_ROW:
        raise ParseError(
            f"expected {TOKENS_PER_ROW} fields, found {len(tokens)}: {_excerpt(line)!r}"
        )
    try:
        if len(tokens[TM]) != 12:
            raise ValueError
        observed_at = datetime.strptime(tokens[TM], "%Y%m%d%H%M").replace(tzinfo=KST)
    except ValueError:
        raise ParseError(f"bad observation time {tokens[TM]!r}") from None
    try:
        station_number = int(tokens[STN])
    except ValueError:
        raise ParseError(f"bad station number {tokens[STN]!r}") from None
    visibility = _integer(tokens[VS])
    return ObservationRow(
        station_number=station_number,
        observed_at=observed_at,
        temperature=_temperature(tokens[TA]),
        humidity=_bounded(_number(tokens[HM]), 0, 100),
        precipitation=_number(tokens[RN]),
        present_weather=_bounded(_integer(tokens[WC]), 0, 99),
        domestic_weather="" if tokens[WW] == "-" else tokens[WW],
        cloud_amount=_bounded(_integer(tokens[CA_TOT]), 0, 10),
        visibility=visibility * 10 if visibility is not None else None,
    )


def _number(token: str) -> float | None:
    try:
        value = float(token)
    except ValueError:
        return None
    return None if value <= MISSING else value


def _integer(token: str) -> int | None:
    value = _number(token)
    return int(value) if value is not None else None


def _bounded(value, low, high):
    return value if value is not None and low <= value <= high else None


def _temperature(token: str) -> float | None:
    # -9.0 °C is a real winter reading, so only the out-of-range -99.0 marks it missing.
    try:
        value = float(token)
    except ValueError:
        return None
    low, high = TEMPERATURE_RANGE
    return value if low <= value <= high else None


def _json_error(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return f"unreadable JSON {_excerpt(text)!r}"
    if isinstance(data, dict):
        result = data.get("result")
        if isinstance(result, dict) and result.get("message"):
            status = result.get("status")
            return (
                f"{result['message']} (status {status})"
                if status
                else str(result["message"])
            )
        header = (data.get("OpenAPI_ServiceResponse") or {}).get("cmmMsgHeader")
        if isinstance(header, dict):
            return " ".join(
                str(header[key])
                for key in ("errMsg", "returnAuthMsg", "returnReasonCode")
                if header.get(key)
            )
    return _excerpt(text)


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
