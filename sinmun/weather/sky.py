"""The ticker's sky word (맑음, 구름조금, 비 …) from one surface observation.

The rules are those of specs/kma-weather.md §3: the cloud amount gives the 4-class word
that KMA's observation pages use, and present weather overrides it with the precedence
precipitation > thunder > dust (황사) > fog (안개) > mist (박무) > haze (연무) > cloud word.
The domestic code (WW) is deliberately ignored: KMA's table for it is not public (§3.3).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum


class Kind(IntEnum):
    """What a phenomenon is; a lower value wins (§3.2 precedence)."""

    PRECIPITATION = 1
    THUNDER = 2
    DUST = 3
    FOG = 4
    MIST = 5
    HAZE = 6


@dataclass(frozen=True)
class Phenomenon:
    word: str
    kind: Kind


RAIN = Phenomenon("비", Kind.PRECIPITATION)
SNOW = Phenomenon("눈", Kind.PRECIPITATION)
SLEET = Phenomenon("비/눈", Kind.PRECIPITATION)
SHOWER = Phenomenon("소나기", Kind.PRECIPITATION)
# A thunderstorm now (WMO 95–99) comes with precipitation, so it ranks with it.
THUNDERSTORM = Phenomenon("뇌우", Kind.PRECIPITATION)
THUNDER = Phenomenon("뇌전", Kind.THUNDER)
DUST = Phenomenon("황사", Kind.DUST)
FOG = Phenomenon("안개", Kind.FOG)
MIST = Phenomenon("박무", Kind.MIST)
HAZE = Phenomenon("연무", Kind.HAZE)


def _bands(*bands: tuple[range, Phenomenon]) -> dict[int, Phenomenon]:
    return {code: phenomenon for codes, phenomenon in bands for code in codes}


# WMO code table 4677 (present weather, KMA's WC column) → phenomenon. Codes not listed
# (00–04 cloud development and smoke, 13–16 and 18–19 phenomena not at the station,
# 20–29 weather of the past hour, 40 fog at a distance) leave the cloud word in place.
PRESENT_WEATHER = _bands(
    (range(5, 6), HAZE),
    (range(6, 10), DUST),
    (range(10, 11), MIST),
    (range(11, 13), FOG),
    (range(17, 18), THUNDER),
    (range(30, 36), DUST),
    (range(36, 40), SNOW),
    (range(41, 50), FOG),
    (range(50, 68), RAIN),
    (range(68, 70), SLEET),
    (range(70, 80), SNOW),
    (range(80, 83), SHOWER),
    (range(83, 85), SLEET),
    (range(85, 87), SNOW),
    (range(87, 91), SHOWER),
    (range(91, 93), RAIN),
    (range(93, 95), SNOW),
    (range(95, 100), THUNDERSTORM),
)

# Visibility in metres below which the optional estimate calls it fog, then mist or haze.
FOG_VISIBILITY = 1_000
OBSCURED_VISIBILITY = 10_000
MIST_HUMIDITY = 75.0


def cloud_word(cloud_amount: int | None) -> str:
    """Return the 4-class word for a total cloud amount in tenths, or "" when missing."""
    if cloud_amount is None or not 0 <= cloud_amount <= 10:
        return ""
    if cloud_amount <= 2:
        return "맑음"
    if cloud_amount <= 5:
        return "구름조금"
    if cloud_amount <= 8:
        return "구름많음"
    return "흐림"


def strongest(phenomena: Iterable[Phenomenon | None]) -> Phenomenon | None:
    """Return the phenomenon that wins by §3.2 precedence, or None if there is none."""
    present = [p for p in phenomena if p is not None]
    return min(present, key=lambda p: p.kind) if present else None


def sky_word(
    *,
    present_weather: int | None,
    cloud_amount: int | None,
    precipitation: float | None = None,
    temperature: float | None = None,
    visibility: int | None = None,
    humidity: float | None = None,
    estimate_obscuration: bool = False,
) -> str:
    """Return the ticker word for one observation.

    A valid WC is the observer's (or the automatic station's) own report and is trusted,
    including when it reports nothing. Only when WC is missing do the hour's precipitation
    and, if asked for, a visibility estimate stand in for it (§3.2 fallbacks).
    """
    if present_weather is not None and 0 <= present_weather <= 99:
        reported = PRESENT_WEATHER.get(present_weather)
        return reported.word if reported else cloud_word(cloud_amount)
    candidates = [_from_precipitation(precipitation, temperature)]
    if estimate_obscuration:
        candidates.append(_from_visibility(visibility, humidity))
    found = strongest(candidates)
    return found.word if found else cloud_word(cloud_amount)


def _from_precipitation(
    precipitation: float | None, temperature: float | None
) -> Phenomenon | None:
    if precipitation is None or precipitation <= 0:
        return None
    return SNOW if temperature is not None and temperature <= 0 else RAIN


def _from_visibility(
    visibility: int | None, humidity: float | None
) -> Phenomenon | None:
    # KMA's definitions: 안개 below 1 km; 박무 (humid) and 연무 (dry) from 1 to 10 km.
    if visibility is None:
        return None
    if visibility < FOG_VISIBILITY:
        return FOG
    if visibility < OBSCURED_VISIBILITY and humidity is not None:
        return MIST if humidity >= MIST_HUMIDITY else HAZE
    return None
