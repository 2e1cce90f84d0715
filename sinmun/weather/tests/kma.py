"""Real-format kma_sfctm2 bodies for the tests, built from the bundled sample file."""

from datetime import datetime

from sinmun.weather.clients import SAMPLE_FILE
from sinmun.weather.parsing import ENCODING, KST, STN, TM

ERROR_403 = '{"result":{"status":403,"message":"활용신청이 필요한 API 입니다."}}'
ERROR_500 = (
    "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
    "<body><h1>Internal Server Error</h1></body></html>"
)


def sample_text() -> str:
    return SAMPLE_FILE.read_bytes().decode(ENCODING)


def make_body(
    *,
    at: datetime,
    drop: tuple[int, ...] = (),
    changes: dict[int, dict[int, str]] | None = None,
    end: bool = True,
) -> bytes:
    """Return an EUC-KR body like KMA's: the sample's rows stamped `at`, edited as asked.

    `changes` maps a station number to {token index: new token}.
    """
    changes = changes or {}
    stamp = at.astimezone(KST).strftime("%Y%m%d%H%M")
    lines = []
    for line in sample_text().splitlines():
        if line.startswith("#"):
            if line.strip() == "#7777END" and not end:
                continue
            lines.append(line)
            continue
        tokens = line.split()
        number = int(tokens[STN])
        if number in drop:
            continue
        tokens[TM] = stamp
        for index, value in changes.get(number, {}).items():
            tokens[index] = value
        lines.append(" ".join(tokens))
    return ("\n".join(lines) + "\n").encode(ENCODING)


def join_bodies(*bodies: bytes) -> bytes:
    """Return one body holding the rows of all `bodies`, as kma_sfctm3.php sends a period."""
    first, *others = bodies
    rows = [
        line
        for body in others
        for line in body.split(b"\n")
        if line.strip() and not line.startswith(b"#")
    ]
    head, _, _ = first.rpartition(b"#7777END")
    return head + b"".join(row + b"\n" for row in rows) + b"#7777END\n"
