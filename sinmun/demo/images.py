"""Demo photos, drawn locally: flat editorial illustrations in the manner of a newspaper's
graphics desk.

The demo paper needs a lead photo for most stories, but a public repository cannot ship
real news photos and the demo must load without a network. So every picture is drawn
here, with Pillow alone: no downloaded assets and no fonts (and no text in any picture).

A picture is fixed by its scene and a seed (usually the story's key): the same pair always
gives the same bytes, and two stories with the same scene get different pictures, because
the seed picks the time of day, the colours within a muted palette and where things stand.

Scenes are drawn in a 1600x900 design space at twice the output size and scaled down with
LANCZOS; other output sizes are covered by scaling and cropping the design from its centre.
"""

from __future__ import annotations

import io
import itertools
import math
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

__all__ = ["SCENES", "draw_scene", "portrait_jpeg", "scene_jpeg"]

_SS = 2  # supersampling factor
_DESIGN = (1600, 900)

RGB = tuple[int, int, int]


# ---------------------------------------------------------------------------------------
# colour


def _hex(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a, b, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _shade(c, f: float) -> RGB:
    """Lighten towards white (f > 0) or darken towards black (f < 0)."""
    return _mix(c, (255, 255, 255), f) if f >= 0 else _mix(c, (0, 0, 0), -f)


def _alpha(c, a: float) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], max(0, min(255, round(a * 255))))


def _vary(rng: random.Random, c, amount: int = 10) -> RGB:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c[:3])


def _hexes(*values: str) -> list[RGB]:
    return [_hex(v) for v in values]


_CLOTHES = _hexes(
    "#2f3e55", "#3b3b40", "#8a6f55", "#5d6b4a", "#7a3d3d", "#6e7378", "#d8cfbf",
    "#4d6a85", "#3f6b68", "#b08a5a", "#5a4a62", "#9aa4ac", "#c9b79c", "#2b2f36",
)  # fmt: skip
_SKIN = _hexes("#e8c4a2", "#d9ad88", "#c89470", "#f0d2b6", "#b9845f")
_HAIR = _hexes("#1f1b1a", "#2c2420", "#3b2f28", "#4a3a2f", "#8d8a86", "#201c1d")
_CARS = _hexes(
    "#e9e9e6", "#d6d8d9", "#9fa5aa", "#3e4348", "#23262a", "#7d2f2f", "#2f4560",
    "#c8c2b4", "#5b6b5e", "#eeeeea",
)  # fmt: skip
_CONCRETE = _hexes("#b9b4aa", "#c9c3b6", "#a9aeb2", "#d2cdc2", "#9ea6ab", "#c2b8a8")
_LEAF = _hexes("#6f8f5a", "#5f8452", "#7c9a5e", "#587a55", "#83a063")
_TRUNK = _hex("#6b5443")


# ---------------------------------------------------------------------------------------
# time of day


@dataclass(frozen=True)
class _Pal:
    name: str
    sky_top: RGB
    sky_bottom: RGB
    haze: RGB  # what distance fades towards
    tint: RGB  # what every object colour leans towards
    cloud: RGB
    sun: RGB | None
    dim: float  # how much object colours darken
    tmix: float  # how much object colours lean towards the tint
    grade: float  # how much the finished picture is washed with the tint

    @property
    def dark(self) -> bool:
        return self.name in ("night", "dusk")

    def c(self, col) -> RGB:
        """An object's colour, lit by this time of day."""
        return _shade(_mix(col, self.tint, self.tmix), -self.dim)

    def far(self, col, t: float) -> RGB:
        """An object's colour at a distance: faded towards the haze by t."""
        return _mix(self.c(col), self.haze, t)


def _pal(name, top, bottom, haze, tint, cloud, sun, dim, tmix, grade) -> _Pal:
    return _Pal(
        name,
        _hex(top),
        _hex(bottom),
        _hex(haze),
        _hex(tint),
        _hex(cloud),
        _hex(sun) if sun else None,
        dim,
        tmix,
        grade,
    )


_TIMES = {
    "morning": _pal("morning", "#8aaccb", "#ecdcc6", "#d9dbd6", "#f3e2cb", "#fbf3ea", "#fff5e2", 0.0, 0.10, 0.05),
    "day": _pal("day", "#6f9dc4", "#d4e2ea", "#c9d7df", "#eef1f1", "#f7f9fa", "#fffaf0", 0.0, 0.06, 0.03),
    "afternoon": _pal("afternoon", "#7ea2c1", "#e9d7b9", "#d8d1c3", "#efdcbd", "#f8eedf", "#fff0d2", 0.02, 0.12, 0.05),
    "overcast": _pal("overcast", "#9ba6af", "#d1d5d6", "#c3c8ca", "#d4d8da", "#e1e4e5", None, 0.06, 0.16, 0.05),
    "dusk": _pal("dusk", "#44587f", "#e5a782", "#a8979d", "#dca68c", "#d89f94", "#ffd8a6", 0.2, 0.22, 0.06),
    "night": _pal("night", "#0d1526", "#2b3a59", "#29344e", "#1b2641", "#262f47", None, 0.62, 0.30, 0.04),
}  # fmt: skip

_INTERIOR = _pal(
    "interior",
    "#9aa8b4",
    "#e0ddd4",
    "#d8d4cb",
    "#f2e4cc",
    "#f0f0ee",
    None,
    0.0,
    0.08,
    0.04,
)


def _pick_time(rng: random.Random, *names: str) -> _Pal:
    return _TIMES[rng.choice(names)]


# ---------------------------------------------------------------------------------------
# canvas


class _Canvas:
    """A supersampled drawing surface addressed in design units.

    The design space (1600x900 for scenes) is scaled to cover the output size and centred,
    so a scene drawn for 16:9 still fills a square or a tall frame.
    """

    def __init__(self, size: tuple[int, int], design=_DESIGN, bg=(0, 0, 0)):
        w, h = size
        self.size = (w, h)
        dw, dh = design
        self.k = max(w / dw, h / dh) * _SS
        self.ox = (dw * self.k - w * _SS) / 2
        self.oy = (dh * self.k - h * _SS) / 2
        self.img = Image.new("RGB", (w * _SS, h * _SS), bg)
        self._solid = ImageDraw.Draw(self.img)
        self._blend = ImageDraw.Draw(self.img, "RGBA")
        self.glows: list[tuple] = []

    # coordinates
    def p(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.k - self.ox, y * self.k - self.oy)

    def box(self, x0, y0, x1, y1) -> tuple[float, float, float, float]:
        ax, ay = self.p(x0, y0)
        bx, by = self.p(x1, y1)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def _d(self, fill) -> ImageDraw.ImageDraw:
        return self._blend if len(fill) == 4 else self._solid

    # shapes
    def rect(self, x0, y0, x1, y1, fill) -> None:
        self._d(fill).rectangle(self.box(x0, y0, x1, y1), fill=fill)

    def rrect(self, x0, y0, x1, y1, r, fill) -> None:
        b = self.box(x0, y0, x1, y1)
        rad = max(0.0, min(r * self.k, (b[2] - b[0]) / 2, (b[3] - b[1]) / 2))
        self._d(fill).rounded_rectangle(b, radius=rad, fill=fill)

    def poly(self, pts, fill) -> None:
        self._d(fill).polygon([self.p(x, y) for x, y in pts], fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill) -> None:
        self._d(fill).ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)

    def circle(self, cx, cy, r, fill) -> None:
        self.ellipse(cx, cy, r, r, fill)

    def chord(self, cx, cy, rx, ry, start, end, fill) -> None:
        self._d(fill).chord(
            self.box(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=fill
        )

    def pie(self, cx, cy, rx, ry, start, end, fill) -> None:
        self._d(fill).pieslice(
            self.box(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=fill
        )

    def line(self, pts, fill, width: float) -> None:
        self._d(fill).line(
            [self.p(x, y) for x, y in pts],
            fill=fill,
            width=max(1, round(width * self.k)),
            joint="curve",
        )

    def arc(self, cx, cy, rx, ry, start, end, fill, width: float) -> None:
        self._d(fill).arc(
            self.box(cx - rx, cy - ry, cx + rx, cy + ry),
            start,
            end,
            fill=fill,
            width=max(1, round(width * self.k)),
        )

    # gradients
    def _pixel_box(self, x0, y0, x1, y1) -> tuple[int, int, int, int]:
        b = self.box(x0, y0, x1, y1)
        w, h = self.img.size
        return (
            max(0, round(b[0])),
            max(0, round(b[1])),
            min(w, round(b[2])),
            min(h, round(b[3])),
        )

    def vgrad(self, x0, y0, x1, y1, stops) -> None:
        """Fill a box with a vertical gradient through [(t, colour), ...]."""
        bx0, by0, bx1, by1 = self._pixel_box(x0, y0, x1, y1)
        if bx1 <= bx0 or by1 <= by0:
            return
        full = self.box(x0, y0, x1, y1)
        span = max(1e-6, full[3] - full[1])
        data = bytearray()
        for j in range(by0, by1):
            data += bytes(_at(stops, (j + 0.5 - full[1]) / span))
        column = Image.frombytes("RGB", (1, by1 - by0), bytes(data))
        self.img.paste(column.resize((bx1 - bx0, by1 - by0), Image.NEAREST), (bx0, by0))

    def vfade(self, x0, y0, x1, y1, color, a0: float, a1: float) -> None:
        """Lay a colour over a box, its opacity running from a0 at the top to a1."""
        bx0, by0, bx1, by1 = self._pixel_box(x0, y0, x1, y1)
        if bx1 <= bx0 or by1 <= by0:
            return
        full = self.box(x0, y0, x1, y1)
        span = max(1e-6, full[3] - full[1])
        data = bytes(
            max(0, min(255, round(255 * (a0 + (a1 - a0) * (j + 0.5 - full[1]) / span))))
            for j in range(by0, by1)
        )
        mask = Image.frombytes("L", (1, by1 - by0), data).resize(
            (bx1 - bx0, by1 - by0), Image.NEAREST
        )
        self.img.paste(tuple(color[:3]), (bx0, by0, bx1, by1), mask)

    # light
    def glow(self, x, y, r, color, strength: float = 0.6) -> None:
        """A soft additive light, laid over the finished picture (it blooms over anything)."""
        self.glows.append((x, y, r, tuple(color[:3]), strength))

    def finish(self, pal: _Pal, *, vignette: float = 0.22) -> Image.Image:
        img = self.img.resize(self.size, Image.LANCZOS)
        if self.glows:
            img = ImageChops.screen(img, self._glow_layer())
        if pal.grade:  # wash with the tint: a per-channel blend, done as a lookup table
            g = pal.grade
            img = img.point(
                [round(v * (1 - g) + t * g) for t in pal.tint for v in range(256)]
            )
        if vignette:
            img = ImageChops.multiply(img, _vignette(self.size, vignette))
        return img

    def _glow_layer(self) -> Image.Image:
        f = 4  # the glow layer is drawn at a quarter of the output size
        w, h = self.size
        small = Image.new("RGB", (max(1, w // f), max(1, h // f)))
        d = ImageDraw.Draw(small, "RGBA")
        scale = 1 / (_SS * f)
        for x, y, r, color, strength in self.glows:
            px, py = self.p(x, y)
            px, py, rr = px * scale, py * scale, r * self.k * scale
            steps = 7
            for i in range(steps):
                rad = rr * (1 - i / steps)
                d.ellipse(
                    (px - rad, py - rad, px + rad, py + rad),
                    fill=_alpha(color, strength / steps * 1.6),
                )
        small = small.filter(ImageFilter.GaussianBlur(2.5))
        return small.resize(self.size, Image.BILINEAR)


def _at(stops, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    for (t0, c0), (t1, c1) in itertools.pairwise(stops):
        if t <= t1:
            return _mix(c0, c1, 0 if t1 == t0 else (t - t0) / (t1 - t0))
    return tuple(stops[-1][1][:3])


@lru_cache(maxsize=8)
def _vignette(size: tuple[int, int], strength: float) -> Image.Image:
    lut = [round(255 * (1 - strength * (v / 255) ** 2.2)) for v in range(256)]
    return (
        Image.radial_gradient("L")
        .point(lut)
        .resize(size, Image.BILINEAR)
        .convert("RGB")
    )


class _Persp:
    """A pinhole camera over flat ground: X across, Z away, Y up, in metres."""

    def __init__(
        self,
        horizon: float,
        focal: float,
        height: float,
        cx: float = 800,
        x: float = 0.0,
    ):
        self.hz, self.f, self.h, self.cx, self.x = horizon, focal, height, cx, x

    def p(self, x: float, z: float, y: float = 0.0) -> tuple[float, float]:
        return (
            self.cx + self.f * (x - self.x) / z,
            self.hz + self.f * (self.h - y) / z,
        )

    def s(self, z: float) -> float:
        """Design units per metre at depth z."""
        return self.f / z


def _bez(p0, p1, p2, p3, n: int = 16) -> list[tuple[float, float]]:
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append(
            (
                u**3 * p0[0]
                + 3 * u * u * t * p1[0]
                + 3 * u * t * t * p2[0]
                + t**3 * p3[0],
                u**3 * p0[1]
                + 3 * u * u * t * p1[1]
                + 3 * u * t * t * p2[1]
                + t**3 * p3[1],
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# common elements


def _sky(cv: _Canvas, pal: _Pal, bottom: float, top: float = -10) -> None:
    cv.vgrad(-60, top, 1660, bottom, [(0, pal.sky_top), (1, pal.sky_bottom)])


def _sun(cv: _Canvas, rng: random.Random, pal: _Pal, *, ymax: float = 260) -> None:
    if pal.name == "night":
        x, y = rng.uniform(150, 1450), rng.uniform(70, min(ymax, 200))
        cv.circle(x, y, 26, _hex("#f1ead6"))
        cv.glow(x, y, 100, _hex("#9fb0d0"), 0.3)
        return
    if pal.sun is None:
        return
    if pal.name == "dusk":
        x, y, r = rng.uniform(250, 1350), ymax + rng.uniform(-30, 30), 46
    else:
        x, y, r = rng.uniform(150, 1450), rng.uniform(70, ymax), 34
    cv.circle(x, y, r, pal.sun)
    cv.glow(x, y, r * 4, pal.sun, 0.32)


def _cloud(cv: _Canvas, rng: random.Random, x, y, w, col) -> None:
    h = w * 0.13
    cv.rrect(x - w / 2, y - h, x + w / 2, y, h / 2, col)
    n = rng.randint(2, 4)
    for i in range(n):
        bx = x - w * 0.32 + w * 0.64 * (i + rng.uniform(0.2, 0.8)) / n
        r = w * rng.uniform(0.1, 0.19)
        cv.chord(bx, y - h * 0.55, r, r, 180, 360, col)


def _clouds(
    cv: _Canvas, rng: random.Random, pal: _Pal, n: int, ymin: float, ymax: float
) -> None:
    for _ in range(n):
        col = _alpha(pal.cloud, rng.uniform(0.75, 0.95))
        _cloud(
            cv,
            rng,
            rng.uniform(0, 1600),
            rng.uniform(ymin, ymax),
            rng.uniform(170, 380),
            col,
        )


def _ridge(
    rng, y, amp, *, x0=-60.0, x1=1660.0, levels=7, rough=0.5
) -> list[tuple[float, float]]:
    ys = [y + rng.uniform(-amp, amp) * 0.5, y + rng.uniform(-amp, amp) * 0.5]
    d = amp
    for _ in range(levels):
        nxt = []
        for a, b in itertools.pairwise(ys):
            nxt += [a, (a + b) / 2 + rng.uniform(-d, d)]
        nxt.append(ys[-1])
        ys = nxt
        d *= rough
    n = len(ys) - 1
    return [(x0 + (x1 - x0) * i / n, v) for i, v in enumerate(ys)]


def _hills(
    cv, rng, y, amp, col, *, bottom=950.0, levels=7, rough=0.5
) -> list[tuple[float, float]]:
    pts = _ridge(rng, y, amp, levels=levels, rough=rough)
    cv.poly([*pts, (1660, bottom), (-60, bottom)], col)
    return pts


def _skyline(
    cv,
    rng,
    pal,
    base,
    hmin,
    hmax,
    far,
    *,
    wmin=60,
    wmax=150,
    windows=False,
    x0=-40,
    x1=1640,
):
    x = x0 - rng.uniform(0, 40)
    while x < x1:
        w, h = rng.uniform(wmin, wmax), rng.uniform(hmin, hmax)
        col = pal.far(rng.choice(_CONCRETE), far)
        cv.rect(x, base - h, x + w, base + 2, col)
        if rng.random() < 0.3:
            cv.rect(x + w * 0.3, base - h - h * 0.08, x + w * 0.6, base - h, col)
        if windows:
            wc = _shade(col, -0.12)
            rows = int(h / 26)
            cols = max(1, int(w / 22))
            _windows(
                cv,
                x + 6,
                base - h + 10,
                x + w - 6,
                base - 8,
                cols,
                rows,
                wc,
                mx=0.45,
                my=0.5,
            )
        x += w + rng.uniform(-25, 10)


def _windows(
    cv,
    x0,
    y0,
    x1,
    y1,
    cols,
    rows,
    col,
    *,
    mx=0.3,
    my=0.35,
    rng=None,
    lit=None,
    p=0.0,
    off=None,
):
    """A grid of windows; with rng and lit, a share p of them are lit (the rest take off)."""
    if cols <= 0 or rows <= 0:
        return
    k, ox, oy = cv.k, cv.ox, cv.oy
    cw, rh = (x1 - x0) / cols * k, (y1 - y0) / rows * k
    left, top = x0 * k - ox, y0 * k - oy
    gx, gy = cw * mx / 2, rh * my / 2
    if cw - 2 * gx < 0 or rh - 2 * gy < 0:
        return
    draw = cv._d(col)
    for r in range(rows):
        wy0 = top + r * rh + gy
        wy1 = top + (r + 1) * rh - gy
        for c in range(cols):
            fill = col
            if rng is not None:
                fill = rng.choice(lit) if rng.random() < p else (off or col)
            draw.rectangle(
                (left + c * cw + gx, wy0, left + (c + 1) * cw - gx, wy1), fill=fill
            )


def _tree(cv, x, yb, h, leaf, *, trunk=_TRUNK, rng=None) -> None:
    """A round deciduous tree, two-toned, standing at (x, yb), h tall."""
    cv.rect(x - h * 0.03, yb - h * 0.5, x + h * 0.03, yb, trunk)
    r = h * 0.28
    cy = yb - h * 0.66
    light = _shade(leaf, 0.12)
    dark = _shade(leaf, -0.12)
    jitter = (rng.uniform(-0.1, 0.1) if rng else 0.0) * r
    cv.circle(x - r * 0.55, cy + r * 0.3, r * 0.72, dark)
    cv.circle(x + r * 0.6 + jitter, cy + r * 0.25, r * 0.75, dark)
    cv.circle(x, cy, r, leaf)
    cv.chord(x, cy, r, r, 150, 330, light)
    cv.circle(x - r * 0.55, cy + r * 0.3, r * 0.6, leaf)


def _pine(cv, x, yb, h, col, *, trunk=_TRUNK) -> None:
    cv.rect(x - h * 0.03, yb - h * 0.2, x + h * 0.03, yb, trunk)
    light = _shade(col, 0.1)
    for i in range(3):
        top = yb - h + i * h * 0.22
        bot = yb - h * 0.15 - (2 - i) * h * 0.18
        w = h * (0.2 + i * 0.09)
        cv.poly([(x, top), (x + w, bot), (x - w, bot)], col)
        cv.poly([(x, top), (x, bot), (x - w, bot)], light)


def _bare_tree(cv, rng, x, yb, h, col, *, snow=None) -> None:
    width = h * 0.035

    def branch(x0, y0, ang, length, w, depth):
        x1 = x0 + math.cos(ang) * length
        y1 = y0 - math.sin(ang) * length
        cv.line([(x0, y0), (x1, y1)], col, w)
        if snow and depth < 3:
            cv.line([(x0, y0 - w * 0.6), (x1, y1 - w * 0.6)], snow, w * 0.5)
        if depth > 0:
            for da in (-0.45, 0.4) if depth > 1 else (-0.5, 0.1, 0.5):
                branch(
                    x1,
                    y1,
                    ang + da + rng.uniform(-0.2, 0.2),
                    length * rng.uniform(0.6, 0.75),
                    w * 0.65,
                    depth - 1,
                )

    branch(x, yb, math.pi / 2 + rng.uniform(-0.05, 0.05), h * 0.38, width, 4)


def _person(
    cv, x, yf, h, rng, *, pal=None, sil=None, umbrella=None, coat=None, back=False
) -> None:
    """A standing figure, feet at (x, yf), h tall. sil draws a one-colour silhouette."""
    c = pal.c if pal else (lambda v: v)
    coat = sil or c(coat or rng.choice(_CLOTHES))
    legs = sil or c(_shade(rng.choice(_CLOTHES[:6]), -0.25))
    skin = sil or c(rng.choice(_SKIN))
    hair = sil or c(rng.choice(_HAIR))
    arm = sil or _shade(coat, -0.08)
    step = rng.uniform(-0.03, 0.03) * h
    cv.rect(x - h * 0.075 - step, yf - h * 0.47, x - h * 0.01 - step, yf, legs)
    cv.rect(x + h * 0.01 + step, yf - h * 0.47, x + h * 0.075 + step, yf, legs)
    sh = yf - h * 0.8
    long_coat = rng.random() < 0.4
    cv.rrect(x - h * 0.15, sh + h * 0.02, x - h * 0.095, yf - h * 0.42, h * 0.03, arm)
    cv.rrect(x + h * 0.095, sh + h * 0.02, x + h * 0.15, yf - h * 0.42, h * 0.03, arm)
    cv.rrect(
        x - h * 0.12,
        sh,
        x + h * 0.12,
        yf - h * (0.3 if long_coat else 0.43),
        h * 0.05,
        coat,
    )
    cv.rect(x - h * 0.03, sh - h * 0.05, x + h * 0.03, sh + h * 0.01, skin)
    hy = sh - h * 0.1
    cv.ellipse(x, hy, h * 0.062, h * 0.072, skin)
    if back:
        cv.ellipse(x, hy - h * 0.006, h * 0.065, h * 0.07, hair)
    else:
        cv.chord(x, hy - h * 0.004, h * 0.066, h * 0.074, 170, 370, hair)
    if umbrella:
        ux = x + h * 0.13
        top = (ux - h * 0.07, sh - h * 0.3)
        cv.line([(ux, sh + h * 0.22), top], sil or _hex("#2a2a2a"), h * 0.012)
        ucol = sil or c(umbrella)
        cv.chord(top[0], top[1] + h * 0.09, h * 0.3, h * 0.16, 180, 360, ucol)
        cv.chord(
            top[0], top[1] + h * 0.09, h * 0.3, h * 0.16, 180, 235, _shade(ucol, 0.12)
        )


def _bust(cv, x, yb, w, body, skin, hair, *, back=True, long_hair=False) -> None:
    """Head and shoulders, the shoulders' top at yb, w wide."""
    if long_hair and not back:
        cv.rrect(
            x - w * 0.24, yb - w * 0.72, x + w * 0.24, yb + w * 0.12, w * 0.18, hair
        )
    cv.rect(x - w * 0.08, yb - w * 0.3, x + w * 0.08, yb + w * 0.1, skin)
    cv.ellipse(x, yb + w * 0.3, w * 0.5, w * 0.32, body)
    cv.rect(x - w * 0.5, yb + w * 0.3, x + w * 0.5, yb + w * 0.95, body)
    cv.ellipse(x, yb - w * 0.38, w * 0.19, w * 0.235, skin)
    if back:
        cv.ellipse(x, yb - w * 0.41, w * 0.2, w * 0.225, hair)
        if long_hair:
            cv.rrect(
                x - w * 0.2, yb - w * 0.42, x + w * 0.2, yb + w * 0.16, w * 0.1, hair
            )
    else:
        cv.chord(x, yb - w * 0.4, w * 0.2, w * 0.235, 165, 375, hair)


def _car_side(cv, x, yb, w, body, *, facing=1, glass=None, pal=None, snow=None) -> None:
    """A hatchback seen side-on, its left end at x (facing 1 = nose right)."""

    def X(u):
        return x + w * u if facing == 1 else x + w * (1 - u)

    h = w * 0.3
    glass = glass or _hex("#3d4a57")
    dark = _hex("#1e2124")
    cv.ellipse(X(0.5), yb, w * 0.5, h * 0.06, _alpha((0, 0, 0), 0.25))
    cv.poly(
        [
            (X(0.2), yb - h * 0.7),
            (X(0.32), yb - h * 1.13),
            (X(0.7), yb - h * 1.13),
            (X(0.84), yb - h * 0.7),
        ],
        body,
    )
    cv.poly(
        [
            (X(0.25), yb - h * 0.72),
            (X(0.345), yb - h * 1.05),
            (X(0.685), yb - h * 1.05),
            (X(0.79), yb - h * 0.72),
        ],
        glass,
    )
    cv.rect(X(0.5) - w * 0.012, yb - h * 1.08, X(0.5) + w * 0.012, yb - h * 0.7, body)
    cv.rrect(x, yb - h * 0.78, x + w, yb - h * 0.16, h * 0.18, body)
    cv.rect(X(0.03) - 1, yb - h * 0.42, X(0.97) + 1, yb - h * 0.36, _shade(body, -0.12))
    for u in (0.2, 0.8):
        cv.circle(X(u), yb - h * 0.2, h * 0.21, dark)
        cv.circle(X(u), yb - h * 0.2, h * 0.1, _hex("#9a9fa4"))
    cv.rect(
        X(0.97) - w * 0.02,
        yb - h * 0.66,
        X(0.97) + w * 0.02,
        yb - h * 0.56,
        _hex("#f2e9c9"),
    )
    if snow:
        cv.rrect(X(0.3), yb - h * 1.24, X(0.72), yb - h * 1.1, h * 0.07, snow)
        cv.rrect(X(0.04), yb - h * 0.86, X(0.28), yb - h * 0.74, h * 0.06, snow)


def _car_rear(cv, cx, yb, w, body, *, front=False, glass=None, lights_on=False) -> None:
    """A car seen from behind (or the front), centred on cx, resting on yb, w wide."""
    h = w * 0.78
    glass = glass or _hex("#3b4651")
    dark = _hex("#1d2023")
    cv.ellipse(cx, yb - h * 0.02, w * 0.56, h * 0.07, _alpha((0, 0, 0), 0.3))
    cv.rect(cx - w * 0.44, yb - h * 0.2, cx - w * 0.3, yb, dark)
    cv.rect(cx + w * 0.3, yb - h * 0.2, cx + w * 0.44, yb, dark)
    cv.poly(
        [
            (cx - w * 0.42, yb - h * 0.6),
            (cx - w * 0.32, yb - h),
            (cx + w * 0.32, yb - h),
            (cx + w * 0.42, yb - h * 0.6),
        ],
        body,
    )
    cv.poly(
        [
            (cx - w * 0.37, yb - h * 0.63),
            (cx - w * 0.3, yb - h * 0.93),
            (cx + w * 0.3, yb - h * 0.93),
            (cx + w * 0.37, yb - h * 0.63),
        ],
        glass,
    )
    cv.rrect(cx - w / 2, yb - h * 0.64, cx + w / 2, yb - h * 0.12, w * 0.06, body)
    cv.rect(
        cx - w * 0.48, yb - h * 0.26, cx + w * 0.48, yb - h * 0.16, _shade(body, -0.3)
    )
    if front:
        lamp = _hex("#fff4d8") if lights_on else _hex("#dfe3e4")
        cv.rect(
            cx - w * 0.18,
            yb - h * 0.45,
            cx + w * 0.18,
            yb - h * 0.3,
            _shade(body, -0.45),
        )
        for s in (-1, 1):
            cv.rect(
                cx + s * w * 0.44 - w * 0.06,
                yb - h * 0.55,
                cx + s * w * 0.44 + w * 0.06,
                yb - h * 0.45,
                lamp,
            )
            if lights_on:
                cv.glow(cx + s * w * 0.44, yb - h * 0.5, w * 0.3, lamp, 0.5)
    else:
        lamp = _hex("#b8312f")
        for s in (-1, 1):
            cv.rect(
                cx + s * w * 0.43 - w * 0.065,
                yb - h * 0.56,
                cx + s * w * 0.43 + w * 0.065,
                yb - h * 0.46,
                lamp,
            )
            if lights_on:
                cv.glow(
                    cx + s * w * 0.43, yb - h * 0.51, w * 0.22, _hex("#ff5a4a"), 0.5
                )
        cv.rect(
            cx - w * 0.1, yb - h * 0.42, cx + w * 0.1, yb - h * 0.33, _hex("#e8e6df")
        )


def _lamp_post(cv, x, yb, h, col, *, arm=1, lit=False) -> None:
    cv.rect(x - h * 0.012, yb - h, x + h * 0.012, yb, col)
    ax = x + arm * h * 0.18
    cv.line(
        [(x, yb - h), (x + arm * h * 0.04, yb - h * 1.04), (ax, yb - h * 1.03)],
        col,
        h * 0.016,
    )
    cv.rrect(ax - h * 0.05, yb - h * 1.04, ax + h * 0.05, yb - h * 1.0, h * 0.02, col)
    if lit:
        cv.glow(ax, yb - h * 0.99, h * 0.35, _hex("#ffd99a"), 0.6)


def _flag(cv, x, y, w, h, phase, colors, emblem=None) -> None:
    n = 14
    top = []
    for i in range(n + 1):
        u = i / n
        top.append((x + w * u, y + math.sin(phase + u * 5.0) * h * 0.09 * u))
    bottom = [(px, py + h) for px, py in reversed(top)]
    cv.poly(top + bottom, colors[0])
    if len(colors) > 1:
        band = [(px, py + h * 0.62) for px, py in top]
        cv.poly(band + bottom, colors[1])
    if emblem:
        mx, my = top[n // 2]
        cv.ellipse(mx, my + h * 0.42, h * 0.2, h * 0.22, emblem)


# ---------------------------------------------------------------------------------------
# scenes


def _spread(
    rng: random.Random, n: int, x0: float, x1: float, jitter: float = 0.3
) -> list[float]:
    """n positions between x0 and x1, evenly spaced give or take, in random order."""
    step = (x1 - x0) / max(1, n)
    xs = [x0 + step * (i + 0.5 + rng.uniform(-jitter, jitter)) for i in range(n)]
    rng.shuffle(xs)
    return xs


class _Soft:
    """Soft shapes (smoke, mist): drawn small, blurred, and laid over the canvas.

    Only the box around the shapes is worked on, at 1/scale of the canvas, so a plume of
    smoke costs a few milliseconds rather than a full-canvas blur.
    """

    def __init__(self, cv: _Canvas, *, scale: int = 6):
        self.cv = cv
        self.f = scale
        self.shapes: list[tuple] = []

    def circle(self, x, y, r, color, a: float, *, shade=None) -> None:
        px, py = self.cv.p(x, y)
        self.shapes.append(
            (px, py, r * self.cv.k, tuple(color[:3]), a, shade and tuple(shade[:3]))
        )

    def apply(self, blur: float = 1.5) -> None:
        if not self.shapes:
            return
        f, w, h = self.f, self.cv.img.width, self.cv.img.height
        pad = blur * 3 * f
        x0 = max(0, int(min(px - r for px, _, r, *_ in self.shapes) - pad))
        y0 = max(0, int(min(py - r for _, py, r, *_ in self.shapes) - pad))
        x1 = min(w, int(max(px + r for px, _, r, *_ in self.shapes) + pad) + 1)
        y1 = min(h, int(max(py + r for _, py, r, *_ in self.shapes) + pad) + 1)
        if x1 - x0 < f or y1 - y0 < f:
            return
        small = ((x1 - x0) // f + 1, (y1 - y0) // f + 1)
        n = len(self.shapes)
        mean = tuple(sum(shape[3][i] for shape in self.shapes) // n for i in range(3))
        col = Image.new("RGB", small, mean)
        mask = Image.new("RGB", small, (0, 0, 0))
        dc, dm = ImageDraw.Draw(col), ImageDraw.Draw(mask, "RGBA")
        for px, py, r, color, a, shade in self.shapes:
            cx, cy, rr = (px - x0) / f, (py - y0) / f, r / f
            dc.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), fill=color)
            if shade is not None:
                s, ox, oy = rr * 0.62, cx - rr * 0.22, cy - rr * 0.25
                dc.ellipse((ox - s, oy - s, ox + s, oy + s), fill=shade)
            dm.ellipse(
                (cx - rr, cy - rr, cx + rr, cy + rr),
                fill=(255, 255, 255, round(a * 255)),
            )
        layer = col.convert("RGBA")
        layer.putalpha(mask.getchannel(0))
        layer = layer.filter(ImageFilter.GaussianBlur(blur))
        layer = layer.resize((small[0] * f, small[1] * f), Image.BILINEAR).crop(
            (0, 0, x1 - x0, y1 - y0)
        )
        self.cv.img.paste(layer, (x0, y0), layer)


def _cyclist(cv, x, y, rng, pal) -> None:
    wc = _hex("#2a2a2a")
    r = 26
    for dx in (-40, 40):
        cv.arc(x + dx, y - r, r, r, 0, 360, wc, 3.5)
    frame = pal.c(rng.choice(_hexes("#3f6f8c", "#b5473e", "#d9d6cc")))
    cv.line(
        [(x - 40, y - r), (x - 8, y - 62), (x + 28, y - 62), (x + 40, y - r)], frame, 4
    )
    cv.line([(x - 8, y - 62), (x + 2, y - r), (x - 40, y - r)], frame, 4)
    cv.line([(x + 2, y - r), (x + 28, y - 62)], frame, 4)
    coat = pal.c(rng.choice(_CLOTHES))
    legs = pal.c(_shade(rng.choice(_CLOTHES[:6]), -0.25))
    cv.line([(x - 10, y - 100), (x + 8, y - 70), (x + 2, y - r)], legs, 9)
    cv.line([(x - 10, y - 100), (x - 6, y - 50), (x - 14, y - 34)], legs, 9)
    cv.line([(x - 14, y - 104), (x + 8, y - 150)], coat, 20)
    cv.line(
        [(x + 4, y - 146), (x + 28, y - 108), (x + 30, y - 72)], _shade(coat, -0.1), 7
    )
    cv.circle(x + 14, y - 166, 13, pal.c(rng.choice(_SKIN)))
    cv.chord(
        x + 14,
        y - 168,
        14,
        14,
        180,
        360,
        pal.c(rng.choice(_hexes("#2b2d33", "#e6e3dc", "#b5473e"))),
    )


def _city_hall(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "day", "afternoon", "overcast")
    base = 610
    _sky(cv, pal, base)
    _sun(cv, rng, pal)
    _clouds(cv, rng, pal, rng.randint(2, 5), 50, 280)
    _skyline(cv, rng, pal, base, 100, 300, 0.55, wmin=70, wmax=170)
    leaf = rng.choice(_LEAF)
    for _ in range(16):
        _tree(
            cv,
            rng.uniform(-40, 1640),
            base + 4,
            rng.uniform(120, 170),
            pal.far(leaf, 0.3),
            rng=rng,
        )

    stone = pal.c(
        rng.choice(_hexes("#e3ddd0", "#d9d5cb", "#e6dccb", "#d6d9d9", "#e0d6c6"))
    )
    trim = _shade(stone, -0.09)
    shadow = _shade(stone, -0.32)
    glass = pal.c(rng.choice(_hexes("#5f7283", "#667a86", "#55677a")))
    cx = 800 + rng.uniform(-70, 70)
    wing = rng.uniform(360, 440)
    wh = rng.uniform(175, 210)
    top = base - wh
    # wings
    cv.rect(cx - 240 - wing, top, cx + 240 + wing, base, stone)
    cv.rect(cx - 252 - wing, top - 16, cx + 252 + wing, top + 4, trim)
    cv.rect(cx - 240 - wing, base - 28, cx + 240 + wing, base, trim)
    rows = 3 if wh > 190 else 2
    for s in (-1, 1):
        x0 = cx + s * 268
        x1 = cx + s * (222 + wing)
        _windows(
            cv,
            min(x0, x1),
            top + 24,
            max(x0, x1),
            base - 36,
            int(wing / 62),
            rows,
            glass,
            mx=0.45,
            my=0.3,
        )
    # dome behind the centre
    ped_top = top - 100 - 88
    if rng.random() < 0.45:
        dc = pal.c(rng.choice(_hexes("#7f9c94", "#8c949a", "#9aa7a0")))
        cv.rect(cx - 100, ped_top - 30, cx + 100, top - 100, stone)
        _windows(
            cv,
            cx - 90,
            ped_top - 24,
            cx + 90,
            ped_top + 24,
            6,
            1,
            shadow,
            mx=0.5,
            my=0.2,
        )
        cv.chord(cx, ped_top - 30, 110, 92, 180, 360, dc)
        cv.chord(cx, ped_top - 30, 110, 92, 180, 250, _shade(dc, 0.12))
        cv.rect(cx - 112, ped_top - 36, cx + 112, ped_top - 26, trim)
        cv.rect(cx - 12, ped_top - 150, cx + 12, ped_top - 115, stone)
        cv.chord(cx, ped_top - 150, 15, 15, 180, 360, dc)
    # centre block with portico
    cv.rect(cx - 250, top - 60, cx + 250, base, stone)
    cv.rect(cx - 215, top - 20, cx + 215, base - 48, shadow)
    door = _shade(shadow, -0.3)
    for i in range(3):
        dx = cx - 110 + i * 110
        cv.rrect(dx - 34, base - 150, dx + 34, base - 48, 30, door)
    _windows(
        cv,
        cx - 200,
        top,
        cx + 200,
        base - 165,
        4,
        1,
        _shade(shadow, -0.15),
        mx=0.5,
        my=0.25,
    )
    cv.rect(cx - 262, top - 100, cx + 262, top - 60, stone)
    cv.rect(cx - 262, top - 68, cx + 262, top - 60, trim)
    cv.poly([(cx - 272, top - 100), (cx + 272, top - 100), (cx, ped_top)], trim)
    cv.poly([(cx - 236, top - 108), (cx + 236, top - 108), (cx, ped_top + 18)], stone)
    cv.circle(cx, top - 138, 20, trim)
    n = rng.choice((6, 6, 8))
    for i in range(n):
        colx = cx - 200 + 400 * i / (n - 1)
        cv.rect(colx - 15, top - 58, colx + 15, base - 48, stone)
        cv.rect(colx - 15, top - 58, colx - 3, base - 48, _shade(stone, 0.25))
        cv.rect(colx + 7, top - 58, colx + 15, base - 48, _shade(stone, -0.1))
        cv.rect(colx - 22, top - 62, colx + 22, top - 50, trim)
        cv.rect(colx - 21, base - 58, colx + 21, base - 48, trim)
    for i in range(5):
        cv.rect(
            cx - 250 - i * 14,
            base - 48 + i * 10,
            cx + 250 + i * 14,
            base - 38 + i * 10,
            trim if i % 2 else stone,
        )
    # plaza
    paving = pal.c(rng.choice(_hexes("#cfc8ba", "#c9c5bd", "#d4cbbb")))
    cv.rect(-60, base, 1660, 960, paving)
    joint = _shade(paving, -0.07)
    for i in range(-12, 13):
        cv.line([(cx + i * 40, base), (cx + i * 260, 960)], joint, 2)
    for j in range(1, 8):
        y = base + 300 * (j / 8) ** 1.6
        cv.line([(-60, y), (1660, y)], joint, 2)
    grass = pal.c(_shade(leaf, 0.05))
    hedge = pal.c(_shade(leaf, -0.25))
    for s in (-1, 1):
        x_in, x_out = cx + s * 330, cx + s * 1400
        cv.poly(
            [
                (x_in, base + 18),
                (x_out, base + 18),
                (x_out, base + 300),
                (x_in + s * 330, base + 300),
            ],
            grass,
        )
        xa, xb = sorted((cx + s * 260, cx + s * (240 + wing)))
        cv.rrect(xa, base - 18, xb, base + 6, 12, hedge)
    for i in range(4):
        s = -1 if i % 2 == 0 else 1
        tx = cx + s * rng.uniform(480, 760)
        _tree(cv, tx, base + 40 + i * 12, rng.uniform(190, 240), pal.c(leaf), rng=rng)
    # flags
    pole = pal.c(_hex("#d9dcde"))
    side = rng.choice((-1, 1))
    fx0 = cx + side * rng.uniform(330, 400)
    designs = [
        ([_hex("#f4f3ef")], _hex("#3d5f8f")),
        ([_hex("#2f5c8a"), _hex("#e9e6dd")], None),
        ([_hex("#f1efe9"), _hex("#4c8a6e")], None),
        ([_hex("#386b8c")], _hex("#f1ede2")),
    ]
    rng.shuffle(designs)
    for i in range(3):
        px = fx0 + side * i * 105
        yb = base + 110 + i * 4
        ptop = top - 150 - i * 6
        cv.rect(px - 3, ptop, px + 3, yb, pole)
        cv.circle(px, ptop - 4, 6, pole)
        cols, emblem = designs[i]
        _flag(
            cv,
            px + 3,
            ptop + 4,
            86,
            56,
            rng.uniform(0, 6),
            [pal.c(c) for c in cols],
            pal.c(emblem) if emblem else None,
        )
    # people
    for x in _spread(rng, rng.randint(4, 8), 60, 1540):
        y = rng.uniform(base + 60, 860)
        _person(cv, x, y, (y - 480) * 0.42, rng, pal=pal)
    return pal


def _council(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    wood = pal.c(rng.choice(_hexes("#9a7352", "#8a6a4f", "#a47d58", "#7f6249")))
    plaster = pal.c(rng.choice(_hexes("#e8e2d6", "#e3e0da", "#ebe4d8")))
    carpet = pal.c(rng.choice(_hexes("#4a5873", "#5a4b52", "#4d5f5a", "#6a5248")))
    cv.rect(-60, -10, 1660, 90, _shade(plaster, -0.18))
    for i in range(7):
        x = 110 + i * 230
        cv.rrect(x - 60, 30, x + 60, 52, 10, _hex("#fbf3e2"))
        cv.glow(x, 50, 60, _hex("#ffe9c4"), 0.25)
    cv.rect(-60, 90, 1660, 250, plaster)
    cv.rect(-60, 250, 1660, 560, wood)
    for i in range(-1, 22):
        x = i * 80 + 20
        cv.rect(x, 262, x + 4, 560, _shade(wood, -0.1))
    cv.rect(-60, 246, 1660, 258, _shade(wood, -0.2))
    # screens and emblem
    for sx in (300, 1300):
        cv.rect(sx - 150, 115, sx + 150, 285, _hex("#1b1f24"))
        cv.vgrad(
            sx - 142, 123, sx + 142, 277, [(0, _hex("#4c6f8f")), (1, _hex("#2a3f56"))]
        )
        cv.rect(sx - 100, 150, sx + 60, 160, _alpha((255, 255, 255), 0.18))
        cv.rect(sx - 100, 175, sx + 100, 180, _alpha((255, 255, 255), 0.12))
    gold = pal.c(_hex("#c8ad72"))
    cv.circle(800, 175, 62, gold)
    cv.circle(800, 175, 50, plaster)
    cv.circle(800, 175, 36, pal.c(rng.choice(_hexes("#3f6b8e", "#4c7f67", "#7b4b46"))))
    # flags either side of the emblem, hanging in folds
    for s in (-1, 1):
        fx = 800 + s * 210
        cv.rect(fx - 3, 110, fx + 3, 420, gold)
        cv.circle(fx, 108, 7, gold)
        cloth = pal.c(
            _hex("#f2f0ea") if s < 0 else rng.choice(_hexes("#2f5c8a", "#3f7a63"))
        )
        cv.poly(
            [
                (fx + s * 3, 122),
                (fx + s * 50, 126),
                (fx + s * 38, 330),
                (fx + s * 3, 318),
            ],
            cloth,
        )
        for k in (0.35, 0.7):
            cv.line(
                [(fx + s * 50 * k, 126), (fx + s * 42 * k, 325)],
                _shade(cloth, -0.12),
                4,
            )
    # dais
    cv.rect(330, 420, 1270, 560, _shade(wood, -0.18))
    cv.rect(330, 412, 1270, 426, _shade(wood, 0.1))
    cv.rect(500, 345, 1100, 420, _shade(wood, -0.05))
    chair = _hex("#2d2f36")
    for x in (650, 800, 950):
        cv.rrect(x - 45, 255, x + 45, 345, 20, chair)
        if rng.random() < 0.85:
            _bust(
                cv, x, 300, 72,
                pal.c(rng.choice(_CLOTHES[:3])), pal.c(rng.choice(_SKIN)), pal.c(rng.choice(_HAIR)),
                back=False,
            )  # fmt: skip
    cv.rect(500, 338, 1100, 350, _shade(wood, 0.15))
    cv.rect(500, 345, 1100, 420, _shade(wood, -0.05))
    # lectern with a speaker
    sx = 800 + rng.uniform(-40, 40)
    _bust(
        cv,
        sx,
        440,
        86,
        pal.c(rng.choice(_CLOTHES[:4])),
        pal.c(rng.choice(_SKIN)),
        pal.c(rng.choice(_HAIR)),
        back=False,
    )
    cv.poly(
        [(sx - 75, 470), (sx + 75, 470), (sx + 62, 610), (sx - 62, 610)],
        _shade(wood, -0.05),
    )
    cv.rect(sx - 85, 462, sx + 85, 476, _shade(wood, 0.18))
    cv.circle(sx, 530, 20, gold)
    cv.line([(sx - 20, 462), (sx - 28, 425)], _hex("#222222"), 3)
    cv.line([(sx + 20, 462), (sx + 28, 425)], _hex("#222222"), 3)
    # floor and the members' rows, far to near
    cv.rect(-60, 560, 1660, 960, carpet)
    cv.vfade(-60, 560, 1660, 960, (0, 0, 0), 0.0, 0.25)
    desk_top = _shade(wood, 0.22)
    desk_face = _shade(wood, -0.08)
    screen_back = _hex("#5b5f66")
    for row in range(4):
        y0 = 600 + row * 88 + row * row * 6
        curve = 60 + row * 28
        thick = 40 + row * 10
        scale = 1 + row * 0.28

        def yat(x, y0=y0, curve=curve):
            return y0 - curve * ((x - 800) / 820) ** 2

        xs = [-60 + i * 1720 / 40 for i in range(41)]
        topedge = [(x, yat(x)) for x in xs]
        cv.poly(
            [*topedge, *[(x, y + 12 * scale) for x, y in reversed(topedge)]], desk_top
        )
        cv.poly(
            [
                *[(x, y + 12 * scale) for x, y in topedge],
                *[(x, y + thick) for x, y in reversed(topedge)],
            ],
            desk_face,
        )
        gap = 130 * scale
        x = -40 + rng.uniform(0, gap)
        while x < 1680:
            if rng.random() < 0.82:
                sx = x + 38 * scale
                y = yat(sx)
                cv.rect(
                    sx - 13 * scale,
                    y - 22 * scale,
                    sx + 13 * scale,
                    y - 3 * scale,
                    screen_back,
                )
                cv.rect(
                    sx - 2 * scale,
                    y - 4 * scale,
                    sx + 2 * scale,
                    y + 2 * scale,
                    screen_back,
                )
                my = yat(x) + 26 * scale
                _bust(
                    cv, x, my, 60 * scale,
                    pal.c(rng.choice(_CLOTHES)), pal.c(rng.choice(_SKIN)), pal.c(rng.choice(_HAIR)),
                    long_hair=rng.random() < 0.3,
                )  # fmt: skip
                cv.rrect(
                    x - 38 * scale,
                    my + 22 * scale,
                    x + 38 * scale,
                    my + 110 * scale,
                    16 * scale,
                    chair,
                )
            x += gap
    return pal


def _classroom(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    wall = pal.c(rng.choice(_hexes("#eee6d2", "#e2eadf", "#e9e3d6", "#e4e6e8")))
    floor = pal.c(rng.choice(_hexes("#b48e63", "#a88563", "#c09a6c")))
    cv.rect(-60, -10, 1660, 640, wall)
    cv.rect(-60, -10, 1660, 40, _shade(wall, -0.08))
    cv.rect(-60, 610, 1660, 640, _shade(wall, -0.25))
    cv.rect(-60, 640, 1660, 960, floor)
    for i in range(-20, 21):
        cv.line([(800 + i * 60, 640), (800 + i * 260, 960)], _shade(floor, -0.1), 2)
    # sunlight from a window out of frame
    cv.poly(
        [(1660, 60), (1660, 600), (1250, 640), (1330, 90)],
        _alpha((255, 244, 214), 0.18),
    )
    cv.poly(
        [(1660, 640), (1150, 640), (700, 960), (1660, 960)],
        _alpha((255, 244, 214), 0.16),
    )
    # blackboard
    frame = pal.c(rng.choice(_hexes("#8a8f93", "#9b7a58")))
    board = pal.c(rng.choice(_hexes("#2f4a3d", "#33503f", "#2c4440")))
    bx0, bx1 = 300 + rng.uniform(-40, 40), 1230 + rng.uniform(-40, 40)
    cv.rect(bx0 - 16, 100, bx1 + 16, 456, frame)
    cv.vgrad(bx0, 116, bx1, 440, [(0, _shade(board, 0.06)), (1, _shade(board, -0.06))])
    cv.rect(bx0 - 24, 440, bx1 + 24, 456, _shade(frame, 0.1))
    chalk = _alpha((238, 238, 230), 0.78)
    # a diagram: axes and a curve, a triangle, a circle, a few bullet strokes
    ax, ay = bx0 + 80, 390
    cv.line([(ax, ay), (ax + 260, ay)], chalk, 4)
    cv.line([(ax, ay), (ax, 170)], chalk, 4)
    a = rng.uniform(0.004, 0.009)
    curve = [(ax + t, 200 + a * (t - 130) ** 2) for t in range(0, 261, 10)]
    cv.line(curve, chalk, 4)
    tx = (bx0 + bx1) / 2 - 20
    cv.line([(tx, 380), (tx + 200, 380), (tx + 60, 190), (tx, 380)], chalk, 4)
    cv.arc(tx + 200, 380, 40, 40, 180, 240, chalk, 3)
    ccx = bx1 - 160
    cv.arc(ccx, 260, 90, 90, 0, 360, chalk, 4)
    cv.line([(ccx, 260), (ccx + 64, 196)], chalk, 3)
    for i in range(3):
        y = 160 + i * 30
        cv.line(
            [(tx - 10, y), (tx + rng.uniform(60, 160), y + rng.uniform(-3, 3))],
            _alpha((238, 238, 230), 0.5),
            3,
        )
    cv.glow(tx, 300, 300, _hex("#506b5c"), 0.08)
    # clock and notice board
    cv.circle(150, 150, 46, _hex("#ffffff"))
    cv.arc(150, 150, 46, 46, 0, 360, _hex("#444444"), 5)
    h = rng.uniform(0, 2 * math.pi)
    cv.line(
        [(150, 150), (150 + 22 * math.cos(h), 150 + 22 * math.sin(h))],
        _hex("#333333"),
        4,
    )
    cv.line(
        [(150, 150), (150 + 34 * math.cos(h * 12), 150 + 34 * math.sin(h * 12))],
        _hex("#333333"),
        3,
    )
    cork = pal.c(_hex("#c39a6b"))
    cv.rect(1330, 150, 1560, 420, _shade(cork, -0.2))
    cv.rect(1338, 158, 1552, 412, cork)
    for _ in range(6):
        px, py = rng.uniform(1345, 1480), rng.uniform(165, 330)
        cv.rect(
            px,
            py,
            px + rng.uniform(50, 70),
            py + rng.uniform(60, 80),
            pal.c(rng.choice(_hexes("#f2efe6", "#e8d9a8", "#cfe0e8", "#efd3cf"))),
        )
    # teacher's desk and (sometimes) the teacher
    tdx = rng.choice((170, 1400))
    if rng.random() < 0.7:
        px = 1300 if tdx < 800 else 260
        _person(cv, px, 650, 360, rng, pal=pal)
    cv.rect(tdx - 130, 520, tdx + 130, 540, _shade(floor, 0.1))
    cv.rect(tdx - 120, 540, tdx + 120, 660, _shade(floor, -0.15))
    # students' desks, back to front
    uniform = pal.c(rng.choice(_hexes("#2f3e55", "#3e4a3f", "#4a3f52")))
    shirt = pal.c(_hex("#eef0f2"))
    desk = pal.c(_hex("#d8c7a6"))
    legs = _hex("#6b6f73")
    for row, (y, w, n) in enumerate(((700, 150, 5), (790, 205, 4), (905, 280, 3))):
        spacing = 1600 / n
        for i in range(n):
            x = spacing * (i + 0.5) + (row % 2) * 30 - 15
            cv.rect(x - w * 0.45, y - w * 0.22, x - w * 0.42, y + w * 0.2, legs)
            cv.rect(x + w * 0.42, y - w * 0.22, x + w * 0.45, y + w * 0.2, legs)
            cv.poly(
                [
                    (x - w * 0.5, y - w * 0.28),
                    (x + w * 0.5, y - w * 0.28),
                    (x + w * 0.55, y - w * 0.2),
                    (x - w * 0.55, y - w * 0.2),
                ],
                desk,
            )
            cv.rect(
                x - w * 0.55,
                y - w * 0.2,
                x + w * 0.55,
                y - w * 0.16,
                _shade(desk, -0.2),
            )
            if rng.random() < 0.88:
                body = uniform if rng.random() < 0.7 else shirt
                _bust(
                    cv,
                    x,
                    y - w * 0.12,
                    w * 0.5,
                    body,
                    pal.c(rng.choice(_SKIN[:4])),
                    pal.c(rng.choice(_HAIR[:4])),
                    long_hair=rng.random() < 0.4,
                )
            cv.rrect(
                x - w * 0.24,
                y + w * 0.05,
                x + w * 0.24,
                y + w * 0.35,
                w * 0.04,
                pal.c(_hex("#8b6e4e")),
            )
    return pal


def _market(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    # arcade roof
    roof = pal.c(_hex("#e6ece8"))
    cv.vgrad(-60, -10, 1660, 160, [(0, roof), (1, _shade(roof, -0.1))])
    rib = pal.c(_hex("#7d868c"))
    for i in range(-3, 20):
        x = i * 110
        cv.line([(x, -10), (800 + (x - 800) * 0.85, 160)], rib, 6)
    cv.rect(-60, 140, 1660, 168, rib)
    # stalls
    awnings = _hexes("#b5473e", "#3f6f8c", "#4f7f5a", "#c98a3c", "#8a4f6b", "#b96a45")
    rng.shuffle(awnings)
    produce = {
        "apple": (_hexes("#b8322f", "#c4473a", "#a82a2a"), 24),
        "tangerine": (_hexes("#e38b2c", "#ec9a36", "#d97f24"), 20),
        "cabbage": (_hexes("#a9c98a", "#b8d59a", "#9cbf7f"), 36),
        "pepper": (_hexes("#b02a22", "#c0392b", "#8f231c"), 11),
        "persimmon": (_hexes("#e07b30", "#d96f2a", "#e88a3e"), 23),
        "potato": (_hexes("#c8a878", "#bf9f6e", "#d1b283"), 19),
        "pear": (_hexes("#d9c27a", "#e0c985", "#cdb56c"), 24),
    }
    kinds = list(produce)
    goods = _hexes("#c9b48f", "#a58c6c", "#dfd5c0", "#8f6d4e", "#b7472f", "#557a5c")
    table = pal.c(_hex("#8f7356"))
    x = -40 - rng.uniform(0, 120)
    k = 0
    while x < 1640:
        w = rng.uniform(360, 470)
        col = pal.c(awnings[k % len(awnings)])
        k += 1
        back = pal.c(rng.choice(_hexes("#d9cbb3", "#cfc6b6", "#d6c7ae")))
        cv.rect(x, 168, x + w, 560, _shade(back, -0.25))
        for j in range(3):
            y = 290 + j * 82
            cv.rect(x + 20, y, x + w - 20, y + 8, _shade(back, -0.45))
            bx = x + 30
            while bx < x + w - 50:
                bw = rng.uniform(22, 48)
                bh = rng.uniform(30, 62)
                cv.rect(
                    bx, y - bh, bx + bw, y, pal.c(_vary(rng, rng.choice(goods), 12))
                )
                bx += bw + rng.uniform(2, 10)
        # a vendor behind the counter
        if rng.random() < 0.75:
            vx = x + rng.uniform(0.3, 0.7) * w
            _bust(
                cv,
                vx,
                420,
                110,
                pal.c(rng.choice(_CLOTHES)),
                pal.c(rng.choice(_SKIN)),
                pal.c(rng.choice(_HAIR)),
                back=False,
            )
            cv.rrect(
                vx - 48,
                440,
                vx + 48,
                540,
                12,
                pal.c(rng.choice(_hexes("#7c8a6d", "#9b5b4f", "#5d6f85"))),
            )
        # awning: stripes and a scalloped hem
        stripes = 8
        hem = 232
        cv.poly([(x - 8, 168), (x + w + 8, 168), (x + w + 24, hem), (x - 24, hem)], col)
        light = _shade(col, 0.78)
        for s in range(0, stripes, 2):
            xa = x + s * w / stripes
            cv.poly(
                [
                    (xa, 168),
                    (xa + w / stripes, 168),
                    (x - 24 + (s + 1) * (w + 48) / stripes, hem),
                    (x - 24 + s * (w + 48) / stripes, hem),
                ],
                light,
            )
        for s in range(stripes):
            sx = x - 24 + (s + 0.5) * (w + 48) / stripes
            cv.chord(
                sx,
                hem,
                (w + 48) / stripes / 2,
                20,
                0,
                180,
                light if s % 2 == 0 else col,
            )
        for bulb in (0.3, 0.7):
            lx = x + w * bulb
            cv.line([(lx, hem), (lx, hem + 30)], _hex("#333333"), 2)
            cv.circle(lx, hem + 38, 10, _hex("#fff1c9"))
            cv.glow(lx, hem + 38, 70, _hex("#ffd58a"), 0.35)
        # counter with produce heaped in baskets
        cv.rect(x + 6, 520, x + w - 6, 700, _shade(table, -0.2))
        cv.rect(x, 512, x + w, 530, table)
        nb = rng.randint(2, 3)
        for b in range(nb):
            bcx = x + w * (b + 0.5) / nb
            bw = w / nb * 0.86
            basket = pal.c(
                rng.choice(_hexes("#b23b34", "#3d6ea3", "#c7b07a", "#2f7d64"))
            )
            cols, r = produce[rng.choice(kinds)]
            cols = [pal.c(c) for c in cols]
            layer = 0
            while True:
                n = int((bw * (1 - layer * 0.2)) / (2 * r * 0.92))
                if n < 1 or layer > 5:
                    break
                for i in range(n):
                    px = (
                        bcx - (n - 1) * r * 0.92 + i * 2 * r * 0.92 + rng.uniform(-2, 2)
                    )
                    py = 492 - layer * r * 1.45 + rng.uniform(-2, 2)
                    c = rng.choice(cols)
                    if r < 14:
                        cv.ellipse(px, py, r * 0.8, r * 1.8, c)
                        cv.rect(
                            px - 1.5,
                            py - r * 2.3,
                            px + 1.5,
                            py - r * 1.6,
                            pal.c(_hex("#4f7a3a")),
                        )
                    else:
                        cv.circle(px, py, r, c)
                        cv.circle(px - r * 0.35, py - r * 0.35, r * 0.3, _shade(c, 0.3))
                layer += 1
            cv.poly(
                [
                    (bcx - bw / 2, 486),
                    (bcx + bw / 2, 486),
                    (bcx + bw / 2 - 14, 520),
                    (bcx - bw / 2 + 14, 520),
                ],
                basket,
            )
            cv.rect(bcx - bw / 2, 482, bcx + bw / 2, 492, _shade(basket, 0.15))
        cv.rect(x + w - 4, 168, x + w + 4, 700, rib)
        x += w
    # floor and shoppers
    ground = pal.c(_hex("#a9a49b"))
    cv.vgrad(-60, 700, 1660, 960, [(0, _shade(ground, -0.1)), (1, ground)])
    for px in _spread(rng, rng.randint(3, 5), 40, 1560):
        _person(
            cv,
            px,
            rng.uniform(940, 1080),
            rng.uniform(500, 600),
            rng,
            pal=pal,
            back=rng.random() < 0.7,
        )
    return pal


def _festival(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _TIMES[rng.choice(("night", "night", "dusk"))]
    _sky(cv, pal, 660)
    for _ in range(60 if pal.name == "night" else 10):
        cv.circle(
            rng.uniform(0, 1600), rng.uniform(0, 350), rng.uniform(1, 2.2),
            _alpha((255, 255, 255), rng.uniform(0.3, 0.8)),
        )  # fmt: skip
    sil = _shade(_mix(pal.sky_top, _hex("#141a28"), 0.6), -0.1)
    far_sil = _mix(sil, pal.sky_bottom, 0.25)
    x = -40.0
    while x < 1640:
        w, h = rng.uniform(90, 200), rng.uniform(80, 260)
        cv.rect(x, 660 - h, x + w, 662, far_sil)
        _windows(
            cv, x + 8, 660 - h + 12, x + w - 8, 650, int(w / 24), int(h / 30), far_sil,
            mx=0.5, my=0.5, rng=rng, lit=_hexes("#e9c98a", "#d9b77a"), p=0.2,
        )  # fmt: skip
        x += w + rng.uniform(-20, 10)
    _hills(cv, rng, 650, 30, sil, levels=6)
    # an archway of lights in the middle distance
    if rng.random() < 0.7:
        sx = rng.uniform(350, 1250)
        c = rng.choice(_hexes("#f6d48a", "#f4b870", "#f7e3b0"))
        for ring, (rx, ry) in enumerate(((170, 190), (140, 160), (110, 130))):
            n = 26 - ring * 4
            for i in range(n + 1):
                a = math.pi * i / n
                cv.circle(sx - rx * math.cos(a), 660 - ry * math.sin(a), 5.5 - ring, c)
        for s in (-1, 1):
            cv.rect(sx + s * 170 - 6, 660 - 10, sx + s * 170 + 6, 664, _shade(c, -0.5))
        cv.glow(sx, 560, 260, c, 0.3)
    # lantern strings, far to near
    colors = _hexes(
        "#e2583e", "#f2a33a", "#f4d06f", "#e77a8a", "#f6efe0", "#7fb7d9", "#e98f4f"
    )
    for depth in sorted(rng.uniform(0, 1) for _ in range(rng.randint(3, 4))):
        size = 14 + depth * 30
        y0 = 200 + rng.uniform(-60, 80) - depth * 120
        y1 = 200 + rng.uniform(-60, 80) - depth * 120
        sag = 80 + depth * 120
        x0, x1 = -80.0, 1680.0

        def at(u, y0=y0, y1=y1, sag=sag, x0=x0, x1=x1):
            return (x0 + (x1 - x0) * u, y0 + (y1 - y0) * u + sag * 4 * u * (1 - u))

        cv.line(
            [at(i / 40) for i in range(41)], _alpha((20, 20, 25), 0.9), 2 + depth * 2
        )
        n = int(10 + (1 - depth) * 14)
        for i in range(n):
            lx, ly = at((i + 0.5) / n)
            ly += size * 1.4
            c = rng.choice(colors)
            cv.line([(lx, ly - size * 1.4), (lx, ly - size)], _hex("#222222"), 2)
            cv.ellipse(lx, ly, size * 0.95, size * 1.1, c)
            cv.ellipse(
                lx - size * 0.25,
                ly - size * 0.2,
                size * 0.4,
                size * 0.6,
                _shade(c, 0.45),
            )
            cv.rect(
                lx - size * 0.45,
                ly - size * 1.2,
                lx + size * 0.45,
                ly - size * 0.95,
                _hex("#3a2a22"),
            )
            cv.rect(
                lx - size * 0.45,
                ly + size * 0.95,
                lx + size * 0.45,
                ly + size * 1.2,
                _hex("#3a2a22"),
            )
            cv.line([(lx, ly + size * 1.2), (lx, ly + size * 1.9)], c, 2)
            cv.glow(lx, ly, size * 3, c, 0.28)
    # the ground, lit warm, and the crowd
    cv.vgrad(
        -60,
        660,
        1660,
        960,
        [(0, _mix(sil, _hex("#f2a35e"), 0.3)), (1, _shade(sil, -0.4))],
    )
    rim = _alpha(_hex("#f6b46a"), 0.35)
    for layer, (y, w, n) in enumerate(((720, 56, 30), (800, 84, 21), (900, 130, 13))):
        col = _shade(sil, -0.2 - layer * 0.22)
        for i in range(n + 2):
            x = (i - 1 + rng.uniform(-0.25, 0.25)) * 1600 / n
            yy = y + rng.uniform(-w * 0.15, w * 0.15)
            ww = w * rng.uniform(0.9, 1.1)
            cv.ellipse(x, yy - ww * 0.38, ww * 0.21, ww * 0.245, rim)
            cv.ellipse(x, yy + ww * 0.3, ww * 0.52, ww * 0.34, rim)
            _bust(cv, x, yy, ww, col, col, col)
            cv.rect(x - ww * 0.5, yy + ww * 0.9, x + ww * 0.5, 960, col)
            if rng.random() < 0.05:
                px = x + ww * rng.choice((-0.25, 0.25))
                cv.line(
                    [(px, yy + ww * 0.2), (px + ww * 0.05, yy - ww * 0.8)],
                    col,
                    ww * 0.12,
                )
                cv.rect(
                    px - ww * 0.1,
                    yy - ww * 1.1,
                    px + ww * 0.16,
                    yy - ww * 0.75,
                    _hex("#f8f4e8"),
                )
                cv.glow(px + ww * 0.03, yy - ww * 0.92, ww * 0.4, _hex("#eef4ff"), 0.3)
    return pal


def _stadium(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "day", "afternoon", "dusk", "night")
    lights_on = pal.dark
    _sky(cv, pal, 200)
    _clouds(cv, rng, pal, rng.randint(1, 3), 20, 110)
    cam = _Persp(horizon=196, focal=820, height=26)
    far_z = 80.0
    # stands behind the far touchline
    stand = pal.c(_hex("#8e959b"))
    roof = pal.c(_hex("#4a5058"))
    cv.rect(-60, 110, 1660, 520, stand)
    cv.poly([(-60, 60), (1660, 60), (1660, 118), (-60, 118)], roof)
    cv.rect(-60, 118, 1660, 130, _shade(roof, -0.3))
    for i in range(12):
        x = i * 150 + 20
        cv.rect(x - 4, 118, x + 4, 330, _shade(roof, -0.1))
    crowd_cols = [
        pal.c(c)
        for c in _hexes(
            "#3b5b86", "#dfe2e4", "#b8413a", "#2d3038", "#6c7a86", "#e3c27c", "#5c7f6b"
        )
    ]
    team = rng.choice(crowd_cols[:3])
    for r in range(16):
        y = 140 + r * 20
        cv.rect(-60, y + 14, 1660, y + 18, _shade(stand, -0.18))
        x = -60 + rng.uniform(0, 12)
        while x < 1660:
            if rng.random() < 0.82:
                c = team if rng.random() < 0.35 else rng.choice(crowd_cols)
                cv.ellipse(x, y + 6, 5, 6.5, c)
            x += rng.uniform(9, 15)
    # boards at the foot of the stand
    board_y = cam.p(0, far_z + 6)[1]
    cv.rect(-60, board_y - 24, 1660, board_y, pal.c(_hex("#2b3440")))
    x = -60
    bcols = [
        pal.c(c) for c in _hexes("#2f5c8a", "#e2e4e2", "#b84a3c", "#3c7a5f", "#d9a441")
    ]
    while x < 1660:
        w = rng.uniform(120, 220)
        cv.rect(x + 3, board_y - 21, x + w - 3, board_y - 3, rng.choice(bcols))
        x += w
    # pitch and surrounds
    track = pal.c(_hex("#a55a45"))
    cv.rect(-60, board_y, 1660, 960, track)
    grass_a = pal.c(rng.choice(_hexes("#5f8f4a", "#55874a", "#649552")))
    grass_b = _shade(grass_a, 0.08)
    L, W = 105.0, 68.0
    near = 6.0
    cv.poly(
        [
            cam.p(-L / 2 - 4, far_z + 3),
            cam.p(L / 2 + 4, far_z + 3),
            cam.p(L / 2 + 4, near),
            cam.p(-L / 2 - 4, near),
        ],
        _shade(grass_a, -0.08),
    )
    stripes = 18
    for i in range(stripes):
        xa = -L / 2 + L * i / stripes
        xb = xa + L / stripes
        cv.poly(
            [cam.p(xa, far_z), cam.p(xb, far_z), cam.p(xb, near), cam.p(xa, near)],
            grass_a if i % 2 else grass_b,
        )
    lane = _alpha((240, 232, 222), 0.5)
    for k in range(1, 5):
        d = 4 + k * 1.2
        cv.line(
            [
                cam.p(-L / 2 - d, near),
                cam.p(-L / 2 - d, far_z + d),
                cam.p(L / 2 + d, far_z + d),
                cam.p(L / 2 + d, near),
            ],
            lane,
            2,
        )
    white = _alpha((245, 245, 240), 0.9)
    lw = 3

    def ln(points):
        cv.line([cam.p(x, z) for x, z in points], white, lw)

    ln([(-L / 2, near), (-L / 2, far_z), (L / 2, far_z), (L / 2, near)])
    ln([(0, far_z), (0, near)])
    mid = far_z - W / 2
    ln(
        [
            (
                9.15 * math.cos(t / 36 * 2 * math.pi),
                mid + 9.15 * math.sin(t / 36 * 2 * math.pi),
            )
            for t in range(37)
        ]
    )
    for s in (-1, 1):
        gx = s * L / 2
        ln(
            [
                (gx, mid - 20.16),
                (gx - s * 16.5, mid - 20.16),
                (gx - s * 16.5, mid + 20.16),
                (gx, mid + 20.16),
            ]
        )
        ln(
            [
                (gx, mid - 9.16),
                (gx - s * 5.5, mid - 9.16),
                (gx - s * 5.5, mid + 9.16),
                (gx, mid + 9.16),
            ]
        )
        for z in (mid - 3.66, mid + 3.66):
            cv.line([cam.p(gx, z), cam.p(gx, z, 2.44)], _hex("#ffffff"), 3)
        cv.line(
            [cam.p(gx, mid - 3.66, 2.44), cam.p(gx, mid + 3.66, 2.44)],
            _hex("#ffffff"),
            3,
        )
        cv.poly(
            [
                cam.p(gx, mid - 3.66, 2.44),
                cam.p(gx, mid + 3.66, 2.44),
                cam.p(gx + s * 2, mid + 3.66, 0),
                cam.p(gx + s * 2, mid - 3.66, 0),
            ],
            _alpha((255, 255, 255), 0.25),
        )
    near_z = mid - 20
    # players
    kit_a = pal.c(rng.choice(_hexes("#2f5c8a", "#b84a3c", "#2d6a4f")))
    kit_b = pal.c(rng.choice(_hexes("#f0efe9", "#e4c24a", "#2b2d33")))
    players = []
    for team_kit in (kit_a, kit_b):
        for _ in range(rng.randint(7, 10)):
            players.append(
                (rng.uniform(-45, 45), rng.uniform(near_z, far_z - 4), team_kit)
            )
    players.sort(key=lambda p: -p[1])
    for px, pz, kit in players:
        x, y = cam.p(px, pz)
        s = cam.s(pz)
        cv.ellipse(x + s * 0.3, y, s * 0.5, s * 0.12, _alpha((0, 0, 0), 0.25))
        _person(cv, x, y, s * 1.8, rng, pal=pal, coat=kit)
    bx, by = cam.p(rng.uniform(-30, 30), rng.uniform(near_z + 4, far_z - 10))
    cv.circle(bx, by - 4, 5, _hex("#ffffff"))
    # floodlights
    mast = pal.c(_hex("#6d737a"))
    for fx in (110, 1490):
        cv.poly([(fx - 10, 120), (fx + 10, 120), (fx + 5, -10), (fx - 5, -10)], mast)
        cv.rect(fx - 70, -10, fx + 70, 50, _shade(mast, -0.2))
        panel = _hex("#fff8e4") if lights_on else pal.c(_hex("#c9ced2"))
        for r in range(3):
            for c in range(6):
                cv.rect(
                    fx - 64 + c * 22, -4 + r * 18, fx - 48 + c * 22, 8 + r * 18, panel
                )
        if lights_on:
            cv.glow(fx, 20, 300, _hex("#fff3d6"), 0.7)
    return pal


def _road(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "afternoon", "overcast", "dusk")
    hz = 430
    cam = _Persp(
        horizon=hz,
        focal=1000,
        height=1.4,
        cx=800 + rng.uniform(-40, 40),
        x=rng.uniform(1.6, 2.6),
    )
    _sky(cv, pal, hz)
    _sun(cv, rng, pal, ymax=300)
    _clouds(cv, rng, pal, rng.randint(2, 5), 40, 260)
    _hills(cv, rng, hz - 70, 70, pal.far(_hex("#7d9a7a"), 0.6), levels=7)
    _hills(cv, rng, hz - 25, 40, pal.far(_hex("#6d8c68"), 0.35), levels=7)
    grass = pal.c(rng.choice(_hexes("#8ea46c", "#7f9b62", "#a3a770")))
    cv.rect(-60, hz - 2, 1660, 960, grass)
    asphalt = pal.c(_hex("#6a6d70"))
    left, right = -8.0, 8.5
    far, near = 900.0, 1.0
    cv.poly(
        [
            cam.p(left - 1, far),
            cam.p(right + 1, far),
            cam.p(right + 1, near),
            cam.p(left - 1, near),
        ],
        _shade(asphalt, 0.25),
    )
    cv.poly(
        [cam.p(left, far), cam.p(right, far), cam.p(right, near), cam.p(left, near)],
        asphalt,
    )
    cv.vfade(-60, hz, 1660, 960, (0, 0, 0), 0.0, 0.12)
    white = pal.c(_hex("#f0efe8"))
    yellow = pal.c(_hex("#e6b63c"))
    for x in (left + 0.3, right - 0.3):
        cv.poly(
            [
                cam.p(x - 0.08, far),
                cam.p(x + 0.08, far),
                cam.p(x + 0.08, near),
                cam.p(x - 0.08, near),
            ],
            white,
        )
    for x in (-0.05, 0.17):
        cv.poly(
            [
                cam.p(x - 0.07, far),
                cam.p(x + 0.07, far),
                cam.p(x + 0.07, near),
                cam.p(x - 0.07, near),
            ],
            yellow,
        )
    phase = rng.uniform(0, 12)
    for lane in (-4.0, 4.3):
        z = near + phase
        while z < 300:
            cv.poly(
                [
                    cam.p(lane - 0.07, z + 4),
                    cam.p(lane + 0.07, z + 4),
                    cam.p(lane + 0.07, z),
                    cam.p(lane - 0.07, z),
                ],
                white,
            )
            z += 12
    # guard rail and street lights
    rail = pal.c(_hex("#b7bcc0"))
    cv.line([cam.p(right + 1.2, z, 0.7) for z in (near + 1, 900.0)], rail, 6)
    for z in range(6, 400, 35):
        cv.line(
            [cam.p(right + 1.2, z), cam.p(right + 1.2, z, 0.7)],
            _shade(rail, -0.3),
            max(1, 60 / z),
        )
        px, py = cam.p(right + 1.5, z)
        top = cam.p(right + 1.5, z, 9)[1]
        cv.line(
            [(px, py), (px, top), cam.p(right - 1.0, z, 9.2)],
            pal.c(_hex("#8a9096")),
            max(1.5, 200 / z),
        )
        if pal.dark:
            lx, ly = cam.p(right - 1.0, z, 9.0)
            cv.glow(lx, ly, 900 / z + 6, _hex("#ffd79a"), 0.5)
    leaf = rng.choice(_LEAF)
    for z in sorted((rng.uniform(8, 300) for _ in range(26)), reverse=True):
        xw = rng.uniform(12, 20) if rng.random() < 0.5 else left - rng.uniform(3, 12)
        x, y = cam.p(xw, z)
        _tree(
            cv,
            x,
            y,
            cam.s(z) * rng.uniform(6, 9),
            pal.far(leaf, min(0.6, z / 300)),
            rng=rng,
        )
    # cars, far to near
    cars = [
        (rng.choice((-6.0, -2.0, 2.2, 6.4)), rng.uniform(9, 110))
        for _ in range(rng.randint(4, 7))
    ]
    cars.append((rng.choice((2.2, 6.4)), rng.uniform(11, 22)))
    cars.sort(key=lambda c: -c[1])
    for lane, z in cars:
        x, y = cam.p(lane, z)
        _car_rear(
            cv,
            x,
            y,
            cam.s(z) * 1.8,
            pal.c(rng.choice(_CARS)),
            front=lane < 0,
            lights_on=pal.dark,
        )
    return pal


def _farm(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "afternoon", "afternoon")
    hz = 400
    cam = _Persp(horizon=hz, focal=900, height=1.7, cx=800 + rng.uniform(-80, 80))
    _sky(cv, pal, hz)
    _sun(cv, rng, pal, ymax=230)
    _clouds(cv, rng, pal, rng.randint(2, 4), 40, 220)
    _hills(cv, rng, hz - 110, 90, pal.far(_hex("#6f8a78"), 0.6), levels=7, rough=0.45)
    _hills(cv, rng, hz - 45, 50, pal.far(_hex("#6a8a5a"), 0.35), levels=7, rough=0.45)
    field = pal.c(rng.choice(_hexes("#a5b26f", "#9bb06a", "#b7b873")))
    cv.rect(-60, hz - 4, 1660, 960, field)
    # orchard rows with grass alleys
    alley = _shade(field, 0.1)
    rows = [-18.0, -13.0, -8.0, -3.0, 3.0, 8.0, 13.0, 18.0]
    for x in rows:
        cv.poly(
            [
                cam.p(x - 1.6, 140),
                cam.p(x + 1.6, 140),
                cam.p(x + 1.6, 1.0),
                cam.p(x - 1.6, 1.0),
            ],
            _shade(field, -0.1),
        )
    cv.poly(
        [cam.p(-1.1, 140), cam.p(1.1, 140), cam.p(1.1, 1.0), cam.p(-1.1, 1.0)], alley
    )
    leaf = pal.c(rng.choice(_hexes("#5f8a4c", "#6b9250", "#58804a")))
    apple = pal.c(rng.choice(_hexes("#c0392b", "#b8342c", "#cc4a35")))
    phase = rng.uniform(0, 5)
    trees = sorted(
        ((x, z + phase) for x in rows for z in range(3, 140, 5)), key=lambda t: -t[1]
    )
    for x, z in trees:
        zz = z + rng.uniform(-0.6, 0.6)
        px, py = cam.p(x, zz)
        if px < -600 or px > 2200:
            continue
        s = cam.s(zz)
        h = s * 3.0
        col = _mix(leaf, pal.haze, min(0.55, zz / 200))
        cv.rect(px - h * 0.04, py - h * 0.45, px + h * 0.04, py, _TRUNK)
        cv.ellipse(px, py - h * 0.62, h * 0.42, h * 0.33, _shade(col, -0.1))
        cv.ellipse(px - h * 0.05, py - h * 0.68, h * 0.36, h * 0.28, col)
        cv.chord(
            px - h * 0.05,
            py - h * 0.68,
            h * 0.36,
            h * 0.28,
            180,
            320,
            _shade(col, 0.12),
        )
        if s > 8:
            for _ in range(int(10 + s / 6)):
                a = rng.uniform(0, 2 * math.pi)
                d = rng.uniform(0, 0.9)
                ax = px + math.cos(a) * d * h * 0.38
                ay = py - h * 0.64 + math.sin(a) * d * h * 0.28
                cv.circle(ax, ay, max(1.5, s * 0.06), apple)
    # a farmer with a crate of apples
    if rng.random() < 0.75:
        fz = rng.uniform(6, 9)
        fx, fy = cam.p(rng.uniform(-0.6, 0.6), fz)
        s = cam.s(fz)
        _person(cv, fx, fy, s * 1.65, rng, pal=pal)
        cv.rect(fx + s * 0.25, fy - s * 0.35, fx + s * 0.85, fy, pal.c(_hex("#a0784e")))
        for i in range(5):
            cv.circle(fx + s * (0.31 + i * 0.12), fy - s * 0.37, s * 0.07, apple)
    return pal


def _river(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "afternoon", "overcast", "dusk")
    far_bank = 470
    _sky(cv, pal, far_bank)
    _sun(cv, rng, pal, ymax=260)
    _clouds(cv, rng, pal, rng.randint(2, 5), 40, 260)
    _hills(
        cv, rng, far_bank - 150, 60, pal.far(_hex("#7f957f"), 0.6), levels=6, rough=0.45
    )
    _skyline(
        cv, rng, pal, far_bank - 10, 40, 190, 0.45, wmin=40, wmax=110, windows=True
    )
    leaf = rng.choice(_LEAF)
    for _ in range(26):
        _tree(
            cv,
            rng.uniform(-40, 1640),
            far_bank,
            rng.uniform(40, 70),
            pal.far(leaf, 0.35),
            rng=rng,
        )
    cv.rect(-60, far_bank - 6, 1660, far_bank + 6, pal.far(_hex("#9a9686"), 0.2))
    water = _mix(pal.sky_top, pal.c(_hex("#4f747c")), 0.55)
    cv.vgrad(
        -60,
        far_bank + 6,
        1660,
        780,
        [(0, _mix(pal.sky_bottom, water, 0.45)), (1, _shade(water, -0.12))],
    )
    for _ in range(70):
        y = rng.uniform(far_bank + 12, 770)
        x = rng.uniform(-40, 1600)
        w = rng.uniform(30, 160) * (0.5 + (y - far_bank) / 300)
        cv.rect(
            x,
            y,
            x + w,
            y + 2 + (y - far_bank) / 120,
            _alpha(_shade(pal.sky_bottom, 0.3), rng.uniform(0.15, 0.4)),
        )
    # the bridge
    deck = pal.far(_hex("#c9c6be"), 0.15)
    dy = far_bank - rng.uniform(45, 90)
    kind = rng.choice(("arch", "girder", "cable"))
    cv.rect(-60, dy, 1660, dy + 22, deck)
    cv.rect(-60, dy + 22, 1660, dy + 30, _shade(deck, -0.25))
    for x in range(60, 1600, 260):
        cv.rect(x - 14, dy + 30, x + 14, far_bank + 40, _shade(deck, -0.12))
        cv.rect(
            x - 14,
            far_bank + 40,
            x + 14,
            far_bank + 80,
            _alpha(_shade(deck, -0.3), 0.25),
        )
    if kind == "arch":
        acol = pal.c(rng.choice(_hexes("#c6503f", "#3f6f8c", "#d9d6cc")))
        for x in range(60, 1600, 520):
            cv.arc(x + 260, dy, 250, 130, 180, 360, acol, 10)
            for i in range(1, 10):
                hx = x + 260 - 250 + i * 50
                hy = dy - 130 * math.sqrt(max(0, 1 - ((hx - x - 260) / 250) ** 2))
                cv.line([(hx, hy), (hx, dy)], acol, 2)
    elif kind == "cable":
        px = rng.uniform(500, 1100)
        pcol = pal.c(_hex("#e6e4de"))
        cv.poly(
            [
                (px - 18, dy + 30),
                (px + 18, dy + 30),
                (px + 8, dy - 260),
                (px - 8, dy - 260),
            ],
            pcol,
        )
        for i in range(1, 12):
            for s in (-1, 1):
                cv.line([(px, dy - 250 + i * 12), (px + s * i * 60, dy)], pcol, 2)
    else:
        for x in range(-60, 1660, 40):
            cv.line([(x, dy), (x + 20, dy - 26), (x + 40, dy)], _shade(deck, -0.2), 3)
        cv.rect(-60, dy - 28, 1660, dy - 22, _shade(deck, -0.2))
    for i in range(20):
        vx = (i * 173 + rng.uniform(0, 80)) % 1700 - 50
        cv.rrect(vx, dy - 10, vx + 34, dy, 3, pal.c(rng.choice(_CARS)))
    # near embankment: riprap, reeds, path and people
    bank = pal.c(rng.choice(_hexes("#8aa06a", "#7f9863", "#9aa774")))
    cv.poly([(-60, 790), (1660, 760), (1660, 960), (-60, 960)], bank)
    cv.poly([(-60, 780), (1660, 752), (1660, 772), (-60, 800)], pal.c(_hex("#a7a398")))
    reed = pal.c(_hex("#b9a874"))
    for _ in range(160):
        x = rng.uniform(-40, 1640)
        y = 790 - (x + 60) / 1720 * 30 + rng.uniform(-4, 12)
        tip = (x + rng.uniform(-14, 14), y - rng.uniform(30, 90))
        cv.line([(x, y), tip], reed, 2)
        if rng.random() < 0.3:
            cv.ellipse(tip[0], tip[1], 3, 8, _shade(reed, 0.15))
    path = pal.c(_hex("#cfc6b3"))
    cv.poly([(-60, 852), (1660, 828), (1660, 872), (-60, 900)], path)
    cv.poly([(-60, 873), (1660, 848), (1660, 852), (-60, 877)], pal.c(_hex("#c76b50")))
    for x in _spread(rng, rng.randint(3, 6), 60, 1540):
        y = 878 - (x + 60) / 1720 * 26
        if rng.random() < 0.35:
            _cyclist(cv, x, y, rng, pal)
        else:
            _person(cv, x, y, rng.uniform(110, 130), rng, pal=pal)
    return pal


def _mountain(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "morning", "day", "dusk", "overcast")
    _sky(cv, pal, 700)
    _sun(cv, rng, pal, ymax=300)
    _clouds(cv, rng, pal, rng.randint(0, 3), 40, 200)
    near = pal.c(rng.choice(_hexes("#3f5f48", "#3c5a50", "#4a6043")))
    if pal.dark:
        near = _mix(near, pal.sky_top, 0.4)
    far = _mix(_mix(pal.sky_top, pal.sky_bottom, 0.55), (255, 255, 255), 0.12)
    mist = _mix(pal.sky_bottom, (255, 255, 255), 0.3)
    layers = 6
    for i in range(layers):
        t = i / (layers - 1)
        y = 310 + t * 440 + rng.uniform(-15, 15)
        col = _mix(far, near, t**0.85)
        _hills(cv, rng, y, 190 - t * 100, col, levels=8, rough=0.5)
        if i < layers - 1:
            cv.vfade(-60, y + 30, 1660, y + 95, mist, 0.0, 0.3)
            cv.vfade(-60, y + 95, 1660, y + 160, mist, 0.3, 0.0)
    # pines on the nearest slopes
    dark = _shade(near, -0.3)
    for _ in range(rng.randint(6, 11)):
        x = rng.choice((rng.uniform(-40, 380), rng.uniform(1220, 1640)))
        _pine(cv, x, 960, rng.uniform(200, 380), dark, trunk=_shade(dark, -0.2))
    # a pavilion on an outcrop
    if rng.random() < 0.5:
        px, py = rng.uniform(450, 1150), rng.uniform(720, 770)
        rock = _shade(near, -0.15)
        cv.poly(
            [*_bez((px - 260, 960), (px - 180, py + 20), (px - 120, py), (px, py)),
             *_bez((px, py), (px + 120, py), (px + 180, py + 30), (px + 280, 960))],
            rock,
        )  # fmt: skip
        wood = pal.c(_hex("#7a3b2e"))
        for dx in (-60, -20, 20, 60):
            cv.rect(px + dx - 4, py - 70, px + dx + 4, py, wood)
        cv.rect(px - 70, py - 10, px + 70, py, wood)
        roof = pal.c(_hex("#3d3f42"))
        cv.poly(
            _bez(
                (px - 120, py - 95),
                (px - 80, py - 75),
                (px - 60, py - 110),
                (px - 20, py - 130),
            )
            + _bez(
                (px + 20, py - 130),
                (px + 60, py - 110),
                (px + 80, py - 75),
                (px + 120, py - 95),
            )
            + [(px + 80, py - 70), (px - 80, py - 70)],
            roof,
        )
    return pal


def _night(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _TIMES["night"] if rng.random() < 0.75 else _TIMES["dusk"]
    water = 650
    _sky(cv, pal, water)
    if pal.name == "night":
        for _ in range(80):
            cv.circle(
                rng.uniform(0, 1600), rng.uniform(0, 380), rng.uniform(0.8, 2),
                _alpha((255, 255, 255), rng.uniform(0.3, 0.8)),
            )  # fmt: skip
    _sun(cv, rng, pal, ymax=200)
    cv.glow(800, water, 900, _hex("#f2b46b"), 0.1)
    lit = _hexes("#f6d68e", "#f3c77a", "#fbe6b8", "#cfe3ef", "#e9eef0")
    layers = (
        (160, 340, 60, 130, 0.3, 12),
        (100, 420, 70, 160, 0.12, 16),
        (60, 260, 110, 220, 0.0, 22),
    )
    for layer, (hmin, hmax, wmin, wmax, f, cell) in enumerate(layers):
        x = -40 - rng.uniform(0, 60)
        while x < 1640:
            w, h = rng.uniform(wmin, wmax), rng.uniform(hmin, hmax)
            body = _shade(
                _mix(pal.sky_top, _hex("#1c2333"), 0.55 + layer * 0.15), -0.12 * layer
            )
            body = _mix(body, pal.sky_bottom, f)
            cv.rect(x, water - h, x + w, water, body)
            off = _shade(body, -0.12)
            cols, rows = max(2, int(w / cell)), max(2, int(h / (cell * 1.2)))
            _windows(
                cv, x + 6, water - h + 10, x + w - 6, water - 4, cols, rows, off,
                mx=0.42, my=0.45, rng=rng, lit=lit, p=rng.uniform(0.15, 0.55), off=off,
            )  # fmt: skip
            if rng.random() < 0.15 and h > 250:
                cv.line([(x + w / 2, water - h), (x + w / 2, water - h - 40)], body, 3)
                cv.circle(x + w / 2, water - h - 42, 3, _hex("#ff6a5a"))
                cv.glow(x + w / 2, water - h - 42, 14, _hex("#ff5a4a"), 0.3)
            x += w + rng.uniform(-10, 20)
    # the embankment road with light trails
    cv.rect(-60, water - 6, 1660, water + 10, _hex("#151b27"))
    for _ in range(14):
        x = rng.uniform(-60, 1500)
        c = _hex("#ffdca0") if rng.random() < 0.5 else _hex("#ff5444")
        cv.line([(x, water + 2), (x + rng.uniform(80, 300), water + 2)], c, 2)
    # the river, mirroring the city, smeared by ripples
    img = cv.img
    top_px = max(0, round(cv.p(0, water - 340)[1]))
    mid_px = round(cv.p(0, water + 10)[1])
    if mid_px < img.height and mid_px > top_px:
        region = img.crop((0, top_px, img.width, mid_px)).transpose(
            Image.FLIP_TOP_BOTTOM
        )
        w, h = region.size
        region = region.reduce((3, 10)).resize((w, h), Image.BILINEAR)
        dark = _shade(pal.sky_top, -0.25)
        region = Image.blend(region, Image.new("RGB", region.size, dark), 0.45)
        img.paste(region, (0, mid_px))
        cv.vfade(-60, water + 10, 1660, 960, dark, 0.1, 0.7)
        for _ in range(110):
            y = rng.uniform(water + 14, 900)
            x = rng.uniform(-40, 1600)
            cv.rect(x, y, x + rng.uniform(40, 240), y + 2.5, _alpha(dark, 0.6))
    return pal


def _snow(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _TIMES["overcast"] if rng.random() < 0.7 else _TIMES["dusk"]
    snow = _shade(pal.c(_hex("#f4f6f8")), 0.4)
    snow_shadow = _mix(snow, _hex("#9fb0c4"), 0.3)
    _sky(cv, pal, 600)
    _hills(cv, rng, 300, 60, pal.far(_hex("#c9d0d6"), 0.5), levels=6)
    # buildings along the street
    x = -40 - rng.uniform(0, 80)
    facades = _hexes("#b9a58d", "#9c9184", "#c7bba8", "#8f9aa1", "#a88e7a", "#b7b0a3")
    lit = [_hex("#f1d49a"), _hex("#f6e2b6")]
    while x < 1640:
        w = rng.uniform(220, 360)
        h = rng.uniform(220, 380)
        col = pal.c(rng.choice(facades))
        top = 600 - h
        cv.rect(x, top, x + w, 600, col)
        if rng.random() < 0.5:
            cv.poly(
                [(x - 14, top), (x + w / 2, top - 70), (x + w + 14, top)],
                pal.c(_hex("#5d5a5a")),
            )
            cv.poly(
                _bez(
                    (x - 16, top + 2),
                    (x + w * 0.2, top - 30),
                    (x + w * 0.3, top - 56),
                    (x + w / 2, top - 74),
                )
                + _bez(
                    (x + w / 2, top - 74),
                    (x + w * 0.7, top - 56),
                    (x + w * 0.8, top - 30),
                    (x + w + 16, top + 2),
                ),
                snow,
            )
        else:
            cv.rrect(x - 8, top - 16, x + w + 8, top + 8, 8, snow)
        glass = _shade(col, -0.35)
        floors = max(1, int((h - 120) / 90))
        _windows(
            cv, x + 16, top + 30, x + w - 16, top + 30 + floors * 90, max(2, int(w / 80)), floors, glass,
            mx=0.35, my=0.35, rng=rng, lit=lit, p=0.35, off=glass,
        )  # fmt: skip
        # shopfront with a snowy awning
        frame = _shade(col, -0.45)
        cv.rect(x + 14, 480, x + w - 14, 600, frame)
        cv.rect(x + 24, 492, x + w - 24, 590, _mix(_hex("#f3d9a4"), col, 0.35))
        door = x + w - 24 - 70 if rng.random() < 0.5 else x + 24
        cv.rect(door, 492, door + 70, 600, frame)
        cv.rect(door + 10, 502, door + 60, 600, _mix(_hex("#f3d9a4"), col, 0.55))
        for mx in range(int(x + 24 + 90), int(x + w - 24), 90):
            cv.rect(mx - 3, 492, mx + 3, 590, frame)
        cv.glow(x + w / 2, 540, w * 0.45, _hex("#f4cf8e"), 0.2)
        aw = pal.c(rng.choice(_hexes("#7c3b36", "#385a6d", "#4d6b4f", "#6b5d4c")))
        cv.poly([(x + 6, 452), (x + w - 6, 452), (x + w + 10, 486), (x - 10, 486)], aw)
        cv.rrect(x + 2, 444, x + w - 2, 458, 7, snow)
        x += w + rng.uniform(0, 14)
    # sidewalk and street
    cv.rect(-60, 600, 1660, 660, snow_shadow)
    cv.rect(-60, 600, 1660, 612, snow)
    cv.vgrad(-60, 660, 1660, 960, [(0, _mix(snow, snow_shadow, 0.6)), (1, snow)])
    track = _alpha(_hex("#8a929a"), 0.35)
    for y in (700, 728, 790, 824):
        ph = rng.uniform(0, 6)
        cv.line(
            [(x, y + math.sin(x / 260 + ph) * 5) for x in range(-60, 1700, 40)],
            track,
            9 + (y - 700) * 0.03,
        )
    for x in (rng.uniform(-20, 300), rng.uniform(1050, 1400)):
        _car_side(
            cv,
            x,
            670,
            330,
            pal.c(rng.choice(_CARS)),
            facing=rng.choice((1, -1)),
            snow=snow,
        )
    for _ in range(2):
        _bare_tree(
            cv,
            rng,
            rng.uniform(100, 1500),
            640,
            rng.uniform(360, 460),
            pal.c(_hex("#4a4038")),
            snow=snow,
        )
    _lamp_post(
        cv,
        rng.uniform(300, 1300),
        640,
        380,
        pal.c(_hex("#3d4247")),
        arm=rng.choice((-1, 1)),
        lit=True,
    )
    umbrellas = _hexes("#2b2d33", "#7c3b36", "#385a6d", "#c9a55a", "#e6e3dc")
    for x in _spread(rng, rng.randint(2, 5), 60, 1540):
        y = rng.uniform(720, 900)
        umbrella = rng.choice(umbrellas) if rng.random() < 0.6 else None
        _person(cv, x, y, (y - 450) * 0.72, rng, pal=pal, umbrella=umbrella)
    # falling snow
    for _ in range(520):
        r = rng.choice((1.5, 2, 2.5, 3, 4, 5, 7))
        cv.circle(
            rng.uniform(-20, 1620),
            rng.uniform(-20, 920),
            r,
            _alpha((255, 255, 255), 0.55 + r / 20),
        )
    return pal


def _hospital(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "day", "afternoon", "overcast")
    base = 640
    _sky(cv, pal, base)
    _sun(cv, rng, pal)
    _clouds(cv, rng, pal, rng.randint(2, 4), 40, 240)
    _skyline(cv, rng, pal, base, 80, 260, 0.55)
    leaf = rng.choice(_LEAF)
    white = pal.c(rng.choice(_hexes("#eef0ee", "#e9e7e1", "#f0eee8")))
    glass = pal.c(rng.choice(_hexes("#6f8ea3", "#7c98a6", "#6a8794")))
    shade = _shade(white, -0.15)
    x0 = 420 + rng.uniform(-80, 80)
    x1 = x0 + rng.uniform(620, 760)
    top = rng.uniform(110, 170)
    # low wing
    wx0 = x0 - rng.uniform(300, 360)
    cv.rect(wx0, 420, x0, base, shade)
    for f in range(3):
        y = 440 + f * 62
        cv.rect(wx0 + 14, y, x0 - 10, y + 34, glass)
    # main block with window bands
    cv.rect(x0, top, x1, base, white)
    cv.rect(x1 - 30, top, x1, base, shade)
    floors = int((base - 60 - top) / 55)
    for f in range(floors):
        y = top + 30 + f * 55
        cv.rect(x0 + 20, y, x1 - 40, y + 30, glass)
        for i in range(1, 12):
            mx = x0 + 20 + (x1 - x0 - 60) * i / 12
            cv.rect(mx - 2, y, mx + 2, y + 30, _shade(white, -0.05))
    # tower with the cross
    tx = rng.choice((x0 - 40, x1 - 110))
    cv.rect(tx, top - 70, tx + 150, base, _shade(white, -0.06))
    cv.rect(tx + 30, top + 150, tx + 120, base - 80, _shade(glass, -0.1))
    cross = pal.c(rng.choice(_hexes("#c4473f", "#b8433c", "#3f8f6a")))
    cx, cy = tx + 75, top - 5
    cv.rect(cx - 52, cy - 52, cx + 52, cy + 52, _hex("#fbfbf8"))
    cv.rect(cx - 14, cy - 40, cx + 14, cy + 40, cross)
    cv.rect(cx - 40, cy - 14, cx + 40, cy + 14, cross)
    # entrance canopy
    ex = (x0 + x1) / 2 + rng.uniform(-100, 100)
    cv.rect(ex - 170, base - 110, ex + 170, base, _shade(glass, -0.2))
    for i in range(5):
        cv.rect(
            ex - 170 + i * 85 - 2,
            base - 110,
            ex - 170 + i * 85 + 2,
            base,
            _shade(white, -0.1),
        )
    cv.rect(ex - 210, base - 130, ex + 210, base - 110, white)
    cv.rect(ex - 210, base - 114, ex + 210, base - 108, shade)
    # forecourt, lawn and trees, road
    ground = pal.c(_hex("#c9c4b9"))
    cv.rect(-60, base, 1660, 960, ground)
    cv.rect(-60, base, 1660, base + 10, _shade(ground, -0.12))
    grass = pal.c(_shade(leaf, 0.08))
    for x in range(-40, 1660, 170):
        tx = x + rng.uniform(-30, 30)
        if abs(tx - ex) < 260:
            continue
        cv.rect(tx - 70, base + 40, tx + 70, base + 62, grass)
        _tree(cv, tx, base + 52, rng.uniform(150, 200), pal.c(leaf), rng=rng)
    road = pal.c(_hex("#8d8e8e"))
    cv.rect(-60, base + 100, 1660, 960, road)
    cv.rect(-60, base + 100, 1660, base + 108, _shade(ground, 0.2))
    for i in range(8):
        x = i * 220 + 40
        cv.rect(x, base + 210, x + 120, base + 218, _shade(road, 0.3))
    for x in _spread(rng, rng.randint(2, 4), 80, 1520):
        if abs(x - ex) < 120:
            continue
        _person(cv, x, base + rng.uniform(50, 90), rng.uniform(110, 130), rng, pal=pal)
    # ambulance at the door
    ax = ex + rng.choice((-1, 1)) * rng.uniform(200, 380) - 190
    ay = base + 200
    body = pal.c(_hex("#f3f3ef"))
    stripe = pal.c(rng.choice(_hexes("#c94b3d", "#e08a2e", "#3f8f6a")))
    face = rng.choice((1, -1))

    def X(u):
        return ax + 380 * u if face == 1 else ax + 380 * (1 - u)

    cv.ellipse(X(0.5), ay, 200, 10, _alpha((0, 0, 0), 0.25))
    cv.rrect(min(X(0), X(0.72)), ay - 180, max(X(0), X(0.72)), ay - 30, 10, body)
    cv.poly(
        [
            (X(0.72), ay - 170),
            (X(0.86), ay - 170),
            (X(1.0), ay - 95),
            (X(1.0), ay - 30),
            (X(0.72), ay - 30),
        ],
        body,
    )
    cv.poly(
        [
            (X(0.74), ay - 160),
            (X(0.85), ay - 160),
            (X(0.97), ay - 98),
            (X(0.74), ay - 98),
        ],
        glass,
    )
    cv.rect(min(X(0), X(1.0)), ay - 88, max(X(0), X(1.0)), ay - 70, stripe)
    cv.rect(X(0.35) - 8, ay - 160, X(0.35) + 8, ay - 110, stripe)
    cv.rect(X(0.35) - 25, ay - 143, X(0.35) + 25, ay - 127, stripe)
    cv.rect(X(0.66) - 30, ay - 192, X(0.66) + 30, ay - 180, _hex("#c8453b"))
    for u in (0.18, 0.82):
        cv.circle(X(u), ay - 26, 30, _hex("#202326"))
        cv.circle(X(u), ay - 26, 13, _hex("#a2a6a9"))
    return pal


def _factory(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "overcast", "overcast", "afternoon")
    base = 640
    _sky(cv, pal, base)
    _sun(cv, rng, pal)
    _hills(cv, rng, 380, 80, pal.far(_hex("#7a8c80"), 0.55), levels=6)
    # tanks and chimneys behind the sheds
    tank = pal.c(_hex("#d9d8d2"))
    tx = rng.choice((rng.uniform(1080, 1350), rng.uniform(150, 400)))
    for i in range(rng.randint(2, 3)):
        x = tx + i * 130
        cv.rect(x - 55, 360, x + 55, base, tank)
        cv.chord(x, 360, 55, 22, 180, 360, _shade(tank, 0.1))
        cv.rect(x - 55, 360, x - 30, base, _shade(tank, 0.15))
        cv.rect(x + 30, 360, x + 55, base, _shade(tank, -0.1))
    brick = pal.c(rng.choice(_hexes("#9a6b57", "#a9aaa6", "#8d8f8f")))
    band = pal.c(_hex("#c5493e"))
    stacks = []
    for x in _spread(rng, rng.randint(2, 3), 250, 1350, 0.25):
        top = rng.uniform(60, 200)
        cv.poly([(x - 22, base), (x + 22, base), (x + 15, top), (x - 15, top)], brick)
        cv.poly(
            [(x - 22, base), (x - 8, base), (x - 5, top), (x - 15, top)],
            _shade(brick, 0.15),
        )
        for j in range(2):
            y = top + 14 + j * 30
            cv.rect(x - 16, y, x + 16, y + 14, band if j == 0 else _shade(brick, 0.7))
        cv.rect(x - 18, top - 6, x + 18, top + 2, _shade(brick, -0.3))
        stacks.append((x, top))
    wind = rng.uniform(0.6, 1.4) * rng.choice((-1, 1))
    soft = _Soft(cv)
    puff = _shade(pal.cloud, -0.04)
    for x, top in stacks:
        for j in range(18):
            t = j / 17
            r = 16 + t * 80
            px = x + wind * t * 460 + rng.uniform(-10, 10)
            py = top - 16 - t * 150 - math.sin(t * 3) * 20 + rng.uniform(-8, 8)
            soft.circle(
                px, py, r, _shade(puff, -0.08), 0.5 * (1 - t) + 0.08, shade=puff
            )
    soft.apply(1.2)
    # sheds with saw-tooth roofs
    sheds = [
        pal.c(c) for c in _hexes("#b8c0c4", "#c9c2b3", "#9fb2b0", "#bfb7aa", "#aab6bf")
    ]
    rng.shuffle(sheds)
    x = -40 - rng.uniform(0, 100)
    k = 0
    while x < 1640:
        w = rng.uniform(380, 560)
        h = rng.uniform(170, 250)
        col = sheds[k % len(sheds)]
        k += 1
        top = base - h
        cv.rect(x, top, x + w, base, col)
        for i in range(0, int(w), 16):
            cv.rect(x + i, top + 8, x + i + 3, base, _shade(col, -0.06))
        teeth = int(w / 80)
        tw = w / teeth
        roof = _shade(col, -0.25)
        for i in range(teeth):
            sx = x + i * tw
            cv.poly([(sx, top), (sx + tw, top - 50), (sx + tw, top)], roof)
            cv.poly(
                [
                    (sx + tw - 6, top - 46),
                    (sx + tw, top - 50),
                    (sx + tw, top),
                    (sx + tw - 6, top),
                ],
                pal.c(_hex("#7d99ad")),
            )
        dw = min(150, w * 0.3)
        dx = x + rng.uniform(40, w - dw - 40)
        cv.rect(dx, base - 130, dx + dw, base, _shade(col, -0.2))
        for i in range(12):
            cv.rect(
                dx, base - 130 + i * 11, dx + dw, base - 128 + i * 11, _shade(col, -0.3)
            )
        _windows(
            cv,
            x + 20,
            top + 30,
            x + w - 20,
            top + 70,
            int(w / 60),
            1,
            pal.c(_hex("#6a8293")),
            mx=0.3,
            my=0.3,
        )
        x += w + rng.uniform(10, 40)
    # yard, trucks and fence
    yard = pal.c(_hex("#a8a59e"))
    cv.rect(-60, base, 1660, 960, yard)
    cv.rect(-60, base, 1660, base + 8, _shade(yard, -0.2))
    for i in range(6):
        cv.rect(i * 300 - 20, base + 40, i * 300 + 150, base + 46, _shade(yard, 0.2))
    for tx in _spread(rng, rng.randint(1, 2), 0, 1300, 0.2):
        facing = rng.choice((1, -1))
        box = pal.c(rng.choice(_hexes("#e6e4de", "#3f6f8c", "#c9a55a")))
        cab = pal.c(rng.choice(_hexes("#2f5c8a", "#e8e6e0", "#b84a3c")))
        y = base + rng.uniform(100, 140)
        bx0 = tx if facing == 1 else tx + 100
        cv.ellipse(tx + 180, y, 200, 10, _alpha((0, 0, 0), 0.2))
        cv.rect(bx0, y - 150, bx0 + 260, y - 30, box)
        cx0 = tx + 265 if facing == 1 else tx
        cv.rrect(cx0, y - 120, cx0 + 95, y - 30, 12, cab)
        gx = cx0 + 50 if facing == 1 else cx0 + 5
        cv.rect(gx, y - 110, gx + 40, y - 78, pal.c(_hex("#51667a")))
        for wx in (
            (tx + 50, tx + 200, tx + 320)
            if facing == 1
            else (tx + 40, tx + 190, tx + 310)
        ):
            cv.circle(wx, y - 26, 26, _hex("#202326"))
            cv.circle(wx, y - 26, 10, _hex("#9ea3a7"))
    fence = pal.c(_hex("#5e6569"))
    cv.line([(-60, 800), (1660, 800)], fence, 5)
    cv.line([(-60, 880), (1660, 880)], fence, 5)
    for x in range(-40, 1660, 16):
        cv.line([(x, 800), (x + 16, 880)], _alpha(fence, 0.6), 2)
        cv.line([(x + 16, 800), (x, 880)], _alpha(fence, 0.6), 2)
    for x in range(-40, 1660, 200):
        cv.rect(x - 5, 780, x + 5, 960, _shade(fence, -0.2))
    return pal


def _library(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    wood = pal.c(rng.choice(_hexes("#6e4d36", "#7a5a40", "#5e4634", "#8a6a4c")))
    wall = pal.c(_hex("#e8dcc4"))
    cv.rect(-60, -10, 1660, 960, wall)
    books = _hexes(
        "#7c2f2f", "#2f4a6b", "#3f5f46", "#b38a3e", "#d8cfb8", "#5b3b2e", "#8a6d4e",
        "#4d4a6b", "#a34f3c", "#6b7f8a", "#c2b08c", "#2e3a33", "#9b8a6a", "#e3dccb",
    )  # fmt: skip
    unit_w = 250
    offset = rng.uniform(-120, 0)
    wx = rng.choice((2, 3)) if rng.random() < 0.5 else -9
    for u in range(-1, 8):
        x0 = offset + u * unit_w
        x1 = x0 + unit_w
        if u == wx:
            cv.rect(x0, 40, x1, 680, _shade(wood, -0.2))
            cv.vgrad(
                x0 + 30, 110, x1 - 30, 660, [(0, _hex("#dfe8ea")), (1, _hex("#f3ead2"))]
            )
            cv.chord(
                (x0 + x1) / 2, 160, (x1 - x0) / 2 - 30, 100, 180, 360, _hex("#dfe8ea")
            )
            cv.rect((x0 + x1) / 2 - 4, 60, (x0 + x1) / 2 + 4, 660, _shade(wood, -0.2))
            cv.rect(x0 + 30, 380, x1 - 30, 388, _shade(wood, -0.2))
            cv.glow((x0 + x1) / 2, 360, 260, _hex("#fff3d8"), 0.35)
            continue
        cv.rect(x0, 40, x1, 680, _shade(wood, -0.45))
        cv.rect(x0, 30, x1, 60, wood)
        shelf_h = 98
        for s in range(6):
            sy = 170 + s * shelf_h
            x = x0 + 18 + rng.uniform(0, 10)
            while x < x1 - 30:
                if rng.random() < 0.06:
                    x += rng.uniform(20, 50)
                    continue
                bw = rng.uniform(11, 26)
                bh = rng.uniform(0.62, 0.9) * (shelf_h - 12)
                c = pal.c(_vary(rng, rng.choice(books), 10))
                if rng.random() < 0.05 and x + bh * 0.7 < x1 - 20:
                    cv.poly(
                        [
                            (x, sy),
                            (x + bw, sy),
                            (x + bw + bh * 0.55, sy - bh * 0.8),
                            (x + bh * 0.55, sy - bh * 0.86),
                        ],
                        c,
                    )
                    x += bw + bh * 0.6
                    continue
                cv.rect(x, sy - bh, x + bw, sy, c)
                if bw > 16:
                    cv.rect(
                        x + 3,
                        sy - bh * 0.8,
                        x + bw - 3,
                        sy - bh * 0.76,
                        _shade(c, 0.35),
                    )
                cv.rect(x + bw - 3, sy - bh, x + bw, sy, _shade(c, -0.2))
                x += bw + rng.uniform(0, 2.5)
            cv.rect(x0 + 10, sy, x1 - 10, sy + 12, wood)
        cv.rect(x0, 40, x0 + 14, 690, wood)
        cv.rect(x1 - 14, 40, x1, 690, wood)
    cv.vfade(-60, -10, 1660, 200, _hex("#2a2018"), 0.35, 0.0)
    # rolling ladder
    if rng.random() < 0.5:
        lx = rng.uniform(200, 1300)
        lc = _shade(wood, 0.2)
        cv.line([(lx, 40), (lx + 120, 690)], lc, 8)
        cv.line([(lx + 60, 40), (lx + 180, 690)], lc, 8)
        for i in range(1, 12):
            t = i / 12
            cv.line(
                [(lx + t * 120, 40 + t * 650), (lx + 60 + t * 120, 40 + t * 650)], lc, 6
            )
    # floor, table, lamps and readers
    cv.rect(-60, 690, 1660, 960, _shade(wood, -0.25))
    spots = rng.sample([250, 560, 1040, 1350], rng.randint(1, 3))
    for x in spots:
        _bust(
            cv, x, 680, 130,
            pal.c(rng.choice(_CLOTHES)), pal.c(rng.choice(_SKIN)), pal.c(rng.choice(_HAIR)),
            back=False, long_hair=rng.random() < 0.4,
        )  # fmt: skip
    table = _shade(wood, 0.15)
    cv.poly([(60, 760), (1540, 760), (1600, 820), (0, 820)], table)
    cv.rect(0, 820, 1600, 850, _shade(table, -0.3))
    cv.rect(60, 850, 100, 960, _shade(table, -0.35))
    cv.rect(1500, 850, 1540, 960, _shade(table, -0.35))
    for x in spots:
        cv.poly([(x - 90, 790), (x, 784), (x, 806), (x - 95, 810)], _hex("#f4efe2"))
        cv.poly([(x, 784), (x + 90, 790), (x + 95, 810), (x, 806)], _hex("#ebe4d2"))
    shade_col = pal.c(rng.choice(_hexes("#2f6b4f", "#2f5f55", "#8a6a2e")))
    brass = _hex("#b39a5a")
    for x in (400, 800, 1200):
        if any(abs(x - s) < 100 for s in spots):
            x += 120
        cv.ellipse(x, 776, 120, 14, _alpha(_hex("#fff1c8"), 0.3))
        cv.rect(x - 4, 700, x + 4, 778, brass)
        cv.ellipse(x, 780, 36, 8, brass)
        cv.chord(x, 712, 70, 40, 180, 360, shade_col)
        cv.chord(x, 712, 70, 40, 180, 250, _shade(shade_col, 0.15))
        cv.rect(x - 70, 708, x + 70, 716, _shade(shade_col, -0.2))
        cv.rect(x - 62, 716, x + 62, 722, _hex("#fff1c8"))
        cv.glow(x, 735, 200, _hex("#ffd996"), 0.4)
    return pal


def _painting(cv: _Canvas, rng: random.Random, x0, y0, x1, y1) -> None:
    w, h = x1 - x0, y1 - y0
    style = rng.choice(("landscape", "field", "geometric", "ink", "figure"))
    if style == "landscape":
        sky = rng.choice(_hexes("#c9d9e0", "#f0d9b5", "#d8c6d2"))
        cv.vgrad(x0, y0, x1, y1, [(0, sky), (1, _shade(sky, 0.3))])
        cv.circle(
            x0 + w * rng.uniform(0.2, 0.8),
            y0 + h * 0.3,
            min(w, h) * 0.1,
            _hex("#f2b35e"),
        )
        for i, c in enumerate(_hexes("#8ea5a8", "#5f7f76", "#3f5f50")):
            pts = _ridge(
                rng, y0 + h * (0.5 + i * 0.14), h * 0.12, x0=x0, x1=x1, levels=5
            )
            cv.poly([*pts, (x1, y1), (x0, y1)], c)
    elif style == "field":
        palette = _hexes(
            "#b5473e", "#d9a441", "#3f6f8c", "#2e3a33", "#c97b4f", "#7d5a7a", "#e6dcc6"
        )
        cols = rng.sample(palette, 3)
        cv.rect(x0, y0, x1, y1, cols[0])
        cv.rect(x0 + w * 0.1, y0 + h * 0.08, x1 - w * 0.1, y0 + h * 0.48, cols[1])
        cv.rect(x0 + w * 0.1, y0 + h * 0.56, x1 - w * 0.1, y1 - h * 0.08, cols[2])
    elif style == "geometric":
        cv.rect(x0, y0, x1, y1, _hex("#efe9dc"))
        for _ in range(5):
            c = rng.choice(
                _hexes("#b5473e", "#d9a441", "#3f6f8c", "#2e3a33", "#7fa38f")
            )
            r = min(w, h) * rng.uniform(0.1, 0.28)
            cx, cy = rng.uniform(x0 + r, x1 - r), rng.uniform(y0 + r, y1 - r)
            if rng.random() < 0.5:
                cv.circle(cx, cy, r, c)
            else:
                cv.rect(cx - r, cy - r * 0.6, cx + r, cy + r * 0.6, c)
    elif style == "ink":
        paper = _hex("#efe8d8")
        cv.rect(x0, y0, x1, y1, paper)
        for i in range(3):
            c = _mix(paper, _hex("#2a2a2a"), 0.25 + i * 0.25)
            pts = _ridge(
                rng,
                y0 + h * (0.35 + i * 0.2),
                h * 0.2,
                x0=x0,
                x1=x1,
                levels=5,
                rough=0.6,
            )
            cv.poly([*pts, (x1, y1), (x0, y1)], c)
            if i < 2:
                cv.vfade(
                    x0,
                    y0 + h * (0.45 + i * 0.2),
                    x1,
                    y0 + h * (0.6 + i * 0.2),
                    paper,
                    0.0,
                    0.8,
                )
        cv.circle(x1 - w * 0.2, y0 + h * 0.18, min(w, h) * 0.05, _hex("#b5473e"))
    else:
        bg = rng.choice(_hexes("#6f8a8a", "#a87e5e", "#5d6f85"))
        cv.rect(x0, y0, x1, y1, bg)
        bw = min(w * 0.55, h * 0.55)
        _bust(
            cv,
            (x0 + x1) / 2,
            y1 - bw * 0.95,
            bw,
            _shade(bg, -0.5),
            _hex("#d9b08c"),
            _hex("#2a2420"),
            back=False,
        )


def _museum(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    wall = pal.c(
        rng.choice(_hexes("#ece9e2", "#e4e2dc", "#dcd8cd", "#e6e9e6", "#c9d2d3"))
    )
    floor = pal.c(rng.choice(_hexes("#bfa584", "#a9a49c", "#c7b79a")))
    cv.rect(-60, -10, 1660, 660, wall)
    cv.vfade(-60, -10, 1660, 660, _hex("#000000"), 0.12, 0.0)
    cv.rect(-60, -10, 1660, 30, _shade(wall, -0.15))
    cv.rect(-60, 30, 1660, 40, _hex("#3a3a3a"))
    cv.rect(-60, 640, 1660, 660, _shade(wall, -0.12))
    layout = rng.choice(
        (
            [(180, 480, 230, 470), (640, 1080, 170, 470), (1230, 1450, 230, 430)],
            [(150, 430, 200, 400), (560, 1040, 150, 480), (1170, 1450, 200, 400)],
            [(260, 700, 170, 460), (900, 1340, 170, 460)],
        )
    )
    frames = _hexes("#2b2b2b", "#b8944f", "#f4f2ec", "#6b4a33")
    for x0, x1, y0, y1 in layout:
        x0 += rng.uniform(-20, 20)
        x1 += rng.uniform(-20, 20)
        fc = rng.choice(frames)
        cx = (x0 + x1) / 2
        cv.poly(
            [(cx - 40, 40), (cx + 40, 40), (x1 + 60, y1 + 60), (x0 - 60, y1 + 60)],
            _alpha((255, 250, 235), 0.12),
        )
        cv.rect(cx - 10, 40, cx + 10, 56, _hex("#2b2b2b"))
        cv.rect(x0 - 10, y0 - 8, x1 + 26, y1 + 28, _alpha((0, 0, 0), 0.15))
        cv.rect(x0 - 18, y0 - 18, x1 + 18, y1 + 18, fc)
        cv.rect(
            x0 - 4,
            y0 - 4,
            x1 + 4,
            y1 + 4,
            _shade(fc, 0.2) if fc[0] < 200 else _hex("#ffffff"),
        )
        _painting(cv, rng, x0, y0, x1, y1)
        cv.rect(x0 - 18, y1, x1 + 18, y1 + 18, fc)
        cv.rect(x1 + 40, 360, x1 + 80, 390, _hex("#f7f6f2"))
        cv.glow(cx, y0 - 20, (x1 - x0) * 0.6, _hex("#fff2d6"), 0.2)
    # floor with a faint reflection of the wall
    cv.rect(-60, 660, 1660, 960, floor)
    for i in range(-20, 21):
        cv.line([(800 + i * 70, 660), (800 + i * 300, 960)], _shade(floor, -0.06), 2)
    cv.vfade(-60, 660, 1660, 760, _shade(wall, 0.1), 0.25, 0.0)
    # bench and visitors
    bench = pal.c(_hex("#6b4a33"))
    bx = rng.uniform(600, 1000)
    cv.rect(bx - 200, 740, bx + 200, 770, bench)
    cv.rect(bx - 180, 770, bx - 160, 830, _hex("#2b2b2b"))
    cv.rect(bx + 160, 770, bx + 180, 830, _hex("#2b2b2b"))
    for x in _spread(rng, rng.randint(1, 3), 150, 1450):
        y = rng.uniform(850, 930)
        _person(cv, x, y, (y - 300) * 0.72, rng, pal=pal, back=True)
    return pal


def _train(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "morning", "day", "afternoon", "overcast")
    face = rng.choice((1, -1))

    def X(x):
        return x if face == 1 else 1600 - x

    # beyond the platform: sky, the town and a far wall
    _sky(cv, pal, 360, 100)
    _skyline(cv, rng, pal, 360, 60, 200, 0.5)
    wall = pal.c(_hex("#8c8f8f"))
    cv.rect(-60, 360, 1660, 640, wall)
    cv.rect(-60, 360, 1660, 372, _shade(wall, 0.2))
    for x in range(40, 1660, 300):
        cv.rect(x - 6, 200, x + 6, 640, pal.c(_hex("#6d747a")))
        cv.rect(x - 40, 236, x + 40, 244, pal.c(_hex("#6d747a")))
    cv.line([(-60, 242), (1660, 242)], _hex("#3a3f44"), 2)
    # canopy
    steel = pal.c(_hex("#5b636b"))
    cv.rect(-60, -10, 1660, 130, pal.c(_hex("#d7dadb")))
    for i in range(-2, 20):
        x = i * 100
        cv.line([(x, -10), (800 + (x - 800) * 1.4, 130)], _shade(steel, 0.3), 5)
    cv.rect(-60, 110, 1660, 138, steel)
    cv.vgrad(
        -60, 40, 1660, 110, [(0, pal.c(_hex("#eef2f2"))), (1, pal.c(_hex("#c3c9cc")))]
    )
    # the train
    white = pal.c(rng.choice(_hexes("#eeeeea", "#e4e6e6", "#f1efe8")))
    stripe = pal.c(rng.choice(_hexes("#2f5c8a", "#5b3b6b", "#2f6f6b", "#8a2f3a")))
    glass = _hex("#2c3540")
    top, bot = 330, 620
    nose_x = rng.uniform(120, 420)
    pts = [
        (X(nose_x + 380), top),
        *_bez(
            (X(nose_x + 380), top),
            (X(nose_x + 150), top),
            (X(nose_x), bot - 150),
            (X(nose_x - 40), bot - 40),
            20,
        ),
        (X(nose_x - 30), bot),
        (X(1700), bot),
        (X(1700), top),
    ]
    cv.poly(pts, white)
    skirt = _shade(white, -0.35)
    cv.rect(X(nose_x + 60), bot - 40, X(1700), bot, skirt)
    cv.poly(
        [
            (X(nose_x - 30), bot),
            (X(nose_x - 36), bot - 40),
            (X(nose_x + 60), bot - 40),
            (X(nose_x + 60), bot),
        ],
        skirt,
    )
    cv.poly(
        [
            *_bez(
                (X(nose_x + 30), bot - 70),
                (X(nose_x + 300), bot - 80),
                (X(nose_x + 420), bot - 98),
                (X(1700), bot - 100),
                16,
            ),
            (X(1700), bot - 72),
            (X(nose_x + 420), bot - 70),
            (X(nose_x - 10), bot - 54),
        ],
        stripe,
    )
    screen = _bez(
        (X(nose_x + 330), top + 10),
        (X(nose_x + 180), top + 12),
        (X(nose_x + 90), top + 90),
        (X(nose_x + 60), top + 118),
        12,
    )
    cv.poly([*screen, (X(nose_x + 360), top + 118)], glass)
    cv.circle(X(nose_x + 20), bot - 110, 10, _hex("#fff6da"))
    x = nose_x + 520
    while x < 1700:
        cv.rrect(X(x), top + 45, X(x + 70), top + 95, 10, glass)
        x += 95
        if (x - nose_x) % 760 < 95:
            cv.rect(X(x) - 1, top + 30, X(x + 70) + 1, bot - 42, _shade(white, -0.08))
            cv.rect(X(x + 16), top + 45, X(x + 54), top + 110, glass)
            x += 100
    cv.rect(X(nose_x + 380), top - 10, X(1700), top, _shade(white, -0.15))
    pan = nose_x + 700 + rng.uniform(0, 300)
    cv.line(
        [(X(pan), top - 10), (X(pan + 50), top - 60), (X(pan + 120), top - 84)],
        _hex("#3a3f44"),
        4,
    )
    cv.line([(X(pan + 90), top - 88), (X(pan + 160), top - 82)], _hex("#3a3f44"), 5)
    cv.line([(-60, top - 88), (1660, top - 88)], _hex("#3a3f44"), 2)
    # platform
    plat = pal.c(_hex("#a9a8a3"))
    cv.rect(-60, 620, 1660, 960, plat)
    cv.rect(-60, 620, 1660, 640, _shade(plat, 0.2))
    cv.rect(-60, 652, 1660, 690, pal.c(_hex("#d9b440")))
    for x in range(-60, 1660, 14):
        cv.rect(x, 652, x + 4, 690, pal.c(_hex("#c4a033")))
    for i in range(-20, 21):
        cv.line([(800 + i * 80, 690), (800 + i * 260, 960)], _shade(plat, -0.05), 2)
    # pillars
    for x in (rng.uniform(250, 450), rng.uniform(1150, 1350)):
        cv.rect(x - 22, 130, x + 22, 960, steel)
        cv.rect(x - 22, 130, x - 8, 960, _shade(steel, 0.15))
    # passengers
    for x in _spread(rng, rng.randint(3, 5), 60, 1540):
        y = rng.uniform(760, 920)
        h = (y - 470) * 0.85
        _person(cv, x, y, h, rng, pal=pal, back=rng.random() < 0.5)
        if rng.random() < 0.5:
            s = rng.choice((-1, 1))
            lc = pal.c(rng.choice(_hexes("#2b2d33", "#7c3b36", "#385a6d", "#c9a55a")))
            bx = x + s * h * 0.24
            cv.rrect(
                bx - h * 0.09, y - h * 0.3, bx + h * 0.09, y - h * 0.02, h * 0.02, lc
            )
            cv.line(
                [
                    (bx, y - h * 0.3),
                    (bx, y - h * 0.42),
                    (bx - s * h * 0.08, y - h * 0.44),
                ],
                _hex("#444444"),
                3,
            )
    return pal


def _fire(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _pick_time(rng, "overcast", "day", "afternoon", "dusk")
    base = 690
    _sky(cv, pal, base)
    _skyline(cv, rng, pal, base, 100, 300, 0.5)
    # the burning building
    wall = pal.c(rng.choice(_hexes("#b9a892", "#a9a39a", "#c2b39c", "#9c8a78")))
    bx0 = rng.uniform(180, 360)
    bx1 = bx0 + rng.uniform(620, 760)
    top = rng.uniform(170, 230)
    cv.rect(bx0, top, bx1, base, wall)
    cv.rect(bx0 - 10, top - 14, bx1 + 10, top, _shade(wall, -0.2))
    floors = int((base - top - 40) / 100)
    cols = int((bx1 - bx0) / 110)
    glass = _shade(wall, -0.4)
    f0, c0 = rng.randint(0, 1), rng.randint(0, cols - 2)
    burning = {(f0, c0), (f0, c0 + 1)}
    if rng.random() < 0.5:
        burning.add((f0 + 1, c0 + rng.randint(0, 1)))
    flames = []
    for f in range(floors):
        for c in range(cols):
            wx0 = bx0 + 30 + c * (bx1 - bx0 - 60) / cols
            wx1 = wx0 + (bx1 - bx0 - 60) / cols - 36
            wy0 = top + 40 + f * 100
            wy1 = wy0 + 58
            if (f, c) in burning:
                cv.rect(wx0, wy0, wx1, wy1, _hex("#3a1c12"))
                cv.rect(wx0 - 10, wy0 - 70, wx1 + 10, wy0, _alpha(_hex("#2a2522"), 0.5))
                flames.append((wx0, wy0, wx1, wy1))
            else:
                cv.rect(wx0, wy0, wx1, wy1, glass)
                cv.rect(wx0, wy1 - 6, wx1, wy1, _shade(wall, 0.2))
    cv.rect(bx0 + 40, base - 90, bx0 + 180, base, _shade(wall, -0.5))
    # smoke plume, drifting with the wind
    wind = rng.uniform(0.6, 1.2) * rng.choice((-1, 1))
    soft = _Soft(cv)
    for wx0, wy0, wx1, _ in flames:
        sx = (wx0 + wx1) / 2
        for j in range(30):
            t = j / 29
            r = 28 + t * 150
            x = sx + wind * t * t * 700 + rng.uniform(-25, 25)
            y = wy0 - 30 - t * 520 + rng.uniform(-20, 20)
            c = _mix(_hex("#3a3736"), _hex("#a09d9a"), t)
            soft.circle(x, y, r, c, 0.55 - t * 0.3, shade=_shade(c, 0.12))
    soft.apply(1.3)
    # flames
    for wx0, wy0, wx1, wy1 in flames:
        w = wx1 - wx0
        for layer, col in enumerate(_hexes("#d9552b", "#f08a2f", "#f7c450")):
            k = 1 - layer * 0.28
            pts = [(wx0 + w * (1 - k) / 2, wy1)]
            n = 5
            for i in range(n):
                u = (i + 0.5) / n
                pts.append(
                    (wx0 + w * ((1 - k) / 2 + k * u), wy0 - rng.uniform(40, 110) * k)
                )
                pts.append(
                    (
                        wx0 + w * ((1 - k) / 2 + k * (i + 1) / n),
                        wy0 + 10 + rng.uniform(0, 20),
                    )
                )
            pts.append((wx0 + w * (1 + k) / 2, wy1))
            cv.poly(pts, col)
        cv.glow((wx0 + wx1) / 2, wy0, 200, _hex("#ff8a3a"), 0.45)
    # street
    road = pal.c(_hex("#6d6e70"))
    cv.rect(-60, base, 1660, 960, road)
    cv.rect(-60, base, 1660, base + 14, _shade(road, 0.25))
    # fire engine
    red = pal.c(rng.choice(_hexes("#b8322a", "#c23b2d", "#a82e28")))
    face = rng.choice((1, -1))
    ex = rng.uniform(900, 1000)
    ey = 860

    def X(u):
        return ex + 600 * u if face == 1 else ex + 600 * (1 - u)

    cv.ellipse(X(0.5), ey, 330, 14, _alpha((0, 0, 0), 0.3))
    cv.rrect(min(X(0), X(0.75)), ey - 230, max(X(0), X(0.75)), ey - 40, 8, red)
    cv.poly(
        [
            (X(0.75), ey - 230),
            (X(0.9), ey - 230),
            (X(1.0), ey - 150),
            (X(1.0), ey - 40),
            (X(0.75), ey - 40),
        ],
        red,
    )
    cv.poly(
        [
            (X(0.77), ey - 218),
            (X(0.89), ey - 218),
            (X(0.97), ey - 155),
            (X(0.77), ey - 155),
        ],
        _hex("#34404b"),
    )
    for i in range(4):
        u0 = 0.03 + i * 0.175
        xa, xb = sorted((X(u0), X(u0 + 0.15)))
        cv.rect(xa, ey - 200, xb, ey - 90, _shade(red, -0.15))
        for j in range(8):
            cv.rect(xa, ey - 196 + j * 13, xb, ey - 194 + j * 13, _shade(red, -0.3))
    xa, xb = sorted((X(0), X(1.0)))
    cv.rect(xa, ey - 80, xb, ey - 66, _hex("#e8e4d8"))
    cv.rect(X(0.83) - 40, ey - 246, X(0.83) + 40, ey - 230, _hex("#2d5fb0"))
    cv.glow(X(0.83), ey - 240, 70, _hex("#6f9cff"), 0.4)
    # ladder: raised towards the fire, or stowed
    lc = _hex("#d9d9d4")
    if flames and rng.random() < 0.6:
        target = min(flames, key=lambda f: abs((f[0] + f[2]) / 2 - X(0.2)))
        fx = (target[0] + target[2]) / 2 + (140 if X(0.2) > target[2] else -140)
        fy = target[3] + 50
        sx, sy = X(0.2), ey - 240
        cv.line([(sx, sy), (fx, fy)], lc, 10)
        cv.line([(sx, sy - 16), (fx, fy - 16)], lc, 6)
        for i in range(18):
            t = i / 18
            px, py = sx + (fx - sx) * t, sy + (fy - sy) * t
            cv.line([(px, py), (px, py - 16)], lc, 3)
        cv.rect(fx - 30, fy - 40, fx + 30, fy, _hex("#cfcfc8"))
        tx = (target[0] + target[2]) / 2
        spray = [
            (fx + (tx - fx) * t, fy - 40 - 90 * math.sin(t * math.pi))
            for t in (i / 12 for i in range(13))
        ]
        cv.line(spray, _alpha(_hex("#e8f2ff"), 0.5), 10)
    else:
        xa, xb = sorted((X(0.02), X(0.72)))
        cv.rect(xa, ey - 250, xb, ey - 240, lc)
        for i in range(16):
            u = 0.02 + i * 0.045
            cv.rect(X(u) - 2, ey - 256, X(u) + 2, ey - 236, lc)
    for u in (0.16, 0.34, 0.86):
        cv.circle(X(u), ey - 38, 40, _hex("#202326"))
        cv.circle(X(u), ey - 38, 16, _hex("#a2a6a9"))
    # firefighters and a hose
    hose = pal.c(_hex("#d6cfb8"))
    truck_left = min(X(0), X(1.0))
    cv.line(
        _bez(
            (truck_left + 40, ey - 60),
            (truck_left - 200, 960),
            (300, 720),
            (bx0 + 100, base + 20),
        ),
        hose,
        7,
    )
    helmet = pal.c(_hex("#e6c43c"))
    coat = pal.c(_hex("#3a3b3a"))
    for x in _spread(rng, rng.randint(2, 3), 80, truck_left - 60, 0.2):
        y = rng.uniform(780, 880)
        h = (y - 450) * 0.72
        _person(cv, x, y, h, rng, pal=pal, coat=coat)
        cv.chord(x, y - h * 0.9, h * 0.085, h * 0.07, 180, 360, helmet)
        cv.rect(x - h * 0.095, y - h * 0.905, x + h * 0.095, y - h * 0.89, helmet)
        cv.rect(x - h * 0.12, y - h * 0.55, x + h * 0.12, y - h * 0.52, _hex("#e9e35a"))
        cv.rect(
            x - h * 0.075, y - h * 0.1, x + h * 0.075, y - h * 0.07, _hex("#e9e35a")
        )
    return pal


def _portrait_figure(cv: _Canvas, rng: random.Random, cx, cy, s, bg) -> None:
    """A head-and-shoulders silhouette, the head centred at (cx, cy), s the head's height."""
    hue = rng.choice(
        _hexes("#2f3a48", "#3b3f45", "#34403a", "#45363a", "#3a3546", "#4a4038")
    )
    body = _mix(hue, bg, 0.12)
    head = _shade(_mix(hue, bg, 0.32), 0.06)
    hair = _shade(hue, -0.3)
    style = rng.choice(("short", "short", "side", "long", "bob", "bun"))
    if style == "long":
        cv.rrect(
            cx - s * 0.46, cy - s * 0.42, cx + s * 0.46, cy + s * 1.05, s * 0.3, hair
        )
    elif style == "bob":
        cv.rrect(
            cx - s * 0.45, cy - s * 0.42, cx + s * 0.45, cy + s * 0.5, s * 0.22, hair
        )
    # neck and shoulders
    cv.rect(
        cx - s * 0.16, cy + s * 0.2, cx + s * 0.16, cy + s * 1.0, _shade(head, -0.08)
    )
    cv.ellipse(cx, cy + s * 1.52, s * 1.32, s * 0.8, body)
    cv.rect(cx - s * 1.32, cy + s * 1.52, cx + s * 1.32, cy + s * 3.2, body)
    if style == "long":
        for d in (-1, 1):
            cv.rrect(
                cx + d * s * 0.3 - s * 0.14,
                cy + s * 0.3,
                cx + d * s * 0.3 + s * 0.14,
                cy + s * 1.25,
                s * 0.12,
                hair,
            )
    # collar: a shirt V between jacket lapels
    shirt = _shade(bg, 0.45)
    cv.poly(
        [
            (cx - s * 0.3, cy + s * 0.76),
            (cx + s * 0.3, cy + s * 0.76),
            (cx, cy + s * 1.5),
        ],
        shirt,
    )
    cv.poly(
        [
            (cx - s * 0.17, cy + s * 0.74),
            (cx + s * 0.17, cy + s * 0.74),
            (cx, cy + s * 1.0),
        ],
        _shade(head, -0.08),
    )
    if rng.random() < 0.45:
        tie = _shade(hue, -0.15)
        cv.poly(
            [(cx - s * 0.06, cy + s * 1.06), (cx + s * 0.06, cy + s * 1.06), (cx + s * 0.07, cy + s * 1.42),
             (cx, cy + s * 1.52), (cx - s * 0.07, cy + s * 1.42)],
            tie,
        )  # fmt: skip
    lap = _shade(body, -0.14)
    for d in (-1, 1):
        cv.poly(
            [
                (cx + d * s * 0.3, cy + s * 0.76),
                (cx + d * s * 0.04, cy + s * 1.62),
                (cx + d * s * 0.46, cy + s * 1.18),
            ],
            lap,
        )
    # head
    cv.ellipse(cx - s * 0.34, cy + s * 0.02, s * 0.07, s * 0.11, head)
    cv.ellipse(cx + s * 0.34, cy + s * 0.02, s * 0.07, s * 0.11, head)
    cv.ellipse(cx, cy, s * 0.34, s * 0.44, head)
    # hair: a cap over the crown, its lower edge shaped by the style
    crown = _bez(
        (cx - s * 0.37, cy - s * 0.02),
        (cx - s * 0.4, cy - s * 0.62),
        (cx + s * 0.4, cy - s * 0.62),
        (cx + s * 0.37, cy - s * 0.02),
        18,
    )
    if style in ("short", "side"):
        d = 1 if rng.random() < 0.5 else -1
        edge = _bez(
            (cx + d * s * 0.37, cy - s * 0.02), (cx + d * s * 0.2, cy - s * 0.3),
            (cx - d * s * 0.1, cy - s * (0.12 if style == "side" else 0.26)), (cx - d * s * 0.37, cy - s * 0.06), 12,
        )  # fmt: skip
        cv.poly(crown + (edge if d == 1 else edge[::-1]), hair)
    elif style in ("long", "bob"):
        edge = _bez(
            (cx + s * 0.4, cy + s * 0.1),
            (cx + s * 0.3, cy - s * 0.3),
            (cx + s * 0.05, cy - s * 0.34),
            (cx, cy - s * 0.3),
            8,
        )
        edge += _bez(
            (cx, cy - s * 0.3),
            (cx - s * 0.05, cy - s * 0.34),
            (cx - s * 0.3, cy - s * 0.3),
            (cx - s * 0.4, cy + s * 0.1),
            8,
        )
        cv.poly([*crown, (cx + s * 0.4, cy + s * 0.1), *edge[1:]], hair)
    else:
        edge = _bez(
            (cx + s * 0.36, cy - s * 0.08),
            (cx + s * 0.2, cy - s * 0.32),
            (cx - s * 0.2, cy - s * 0.32),
            (cx - s * 0.36, cy - s * 0.08),
            12,
        )
        cv.poly(crown + edge, hair)
        cv.circle(cx, cy - s * 0.56, s * 0.16, hair)
    if rng.random() < 0.3:
        g = _shade(hue, -0.3)
        for d in (-1, 1):
            cv.arc(
                cx + d * s * 0.15,
                cy + s * 0.02,
                s * 0.11,
                s * 0.08,
                0,
                360,
                g,
                max(2, s * 0.022),
            )
        cv.line([(cx - s * 0.04, cy), (cx + s * 0.04, cy)], g, max(2, s * 0.022))


_BACKDROPS = _hexes(
    "#cfd8dc",
    "#d9d3c7",
    "#d5dccf",
    "#dcd0cc",
    "#d3d0dc",
    "#e0d8c8",
    "#c9d3d8",
    "#d8dcd4",
)


def _portrait(cv: _Canvas, rng: random.Random) -> _Pal:
    pal = _INTERIOR
    bg = rng.choice(_BACKDROPS)
    cv.vgrad(-60, -10, 1660, 960, [(0, _shade(bg, 0.25)), (1, _shade(bg, -0.12))])
    for _ in range(9):
        c = _alpha(_shade(bg, rng.choice((0.35, -0.1))), 0.35)
        cv.circle(rng.uniform(0, 1600), rng.uniform(0, 700), rng.uniform(40, 140), c)
    cv.glow(800 + rng.uniform(-300, 300), 300, 500, _shade(bg, 0.5), 0.25)
    _portrait_figure(cv, rng, 800 + rng.uniform(-120, 120), 390, 300, bg)
    return pal


def _city(cv: _Canvas, rng: random.Random) -> _Pal:
    """The fallback: a plain city street."""
    pal = _pick_time(rng, "morning", "day", "afternoon", "overcast")
    base = 640
    _sky(cv, pal, base)
    _sun(cv, rng, pal)
    _clouds(cv, rng, pal, rng.randint(2, 5), 40, 260)
    _skyline(cv, rng, pal, base, 160, 420, 0.5, windows=True)
    x = -40 - rng.uniform(0, 80)
    while x < 1640:
        w, h = rng.uniform(160, 300), rng.uniform(150, 380)
        col = pal.c(rng.choice(_CONCRETE))
        cv.rect(x, base - h, x + w, base, col)
        _windows(
            cv,
            x + 14,
            base - h + 20,
            x + w - 14,
            base - 70,
            max(2, int(w / 50)),
            max(1, int((h - 90) / 50)),
            _shade(col, -0.3),
            mx=0.4,
            my=0.4,
        )
        cv.rect(x + 10, base - 60, x + w - 10, base, _shade(col, -0.45))
        x += w + rng.uniform(4, 20)
    cv.rect(-60, base, 1660, base + 40, pal.c(_hex("#b8b3a8")))
    cv.rect(-60, base + 40, 1660, 960, pal.c(_hex("#77797b")))
    for i in range(8):
        cv.rect(i * 220, base + 150, i * 220 + 120, base + 158, pal.c(_hex("#e9e6dc")))
    leaf = rng.choice(_LEAF)
    for x in range(60, 1600, 300):
        _tree(
            cv,
            x + rng.uniform(-40, 40),
            base + 30,
            rng.uniform(200, 260),
            pal.c(leaf),
            rng=rng,
        )
    for x in sorted(_spread(rng, rng.randint(2, 3), -150, 1450, 0.2)):
        _car_side(
            cv,
            x - 150,
            base + rng.uniform(130, 220),
            300,
            pal.c(rng.choice(_CARS)),
            facing=rng.choice((1, -1)),
        )
    for _ in range(rng.randint(3, 6)):
        _person(
            cv,
            rng.uniform(40, 1560),
            base + rng.uniform(30, 40),
            rng.uniform(100, 120),
            rng,
            pal=pal,
        )
    return pal


_SCENES = {
    "city-hall": _city_hall,
    "council": _council,
    "classroom": _classroom,
    "market": _market,
    "festival": _festival,
    "stadium": _stadium,
    "road": _road,
    "farm": _farm,
    "river": _river,
    "mountain": _mountain,
    "night": _night,
    "snow": _snow,
    "hospital": _hospital,
    "factory": _factory,
    "library": _library,
    "museum": _museum,
    "train": _train,
    "fire": _fire,
    "portrait": _portrait,
}

SCENES = tuple(_SCENES)


# ---------------------------------------------------------------------------------------
# public API


def draw_scene(
    scene: str, *, seed: str, size: tuple[int, int] = (1600, 900)
) -> Image.Image:
    """Draw a scene (one of SCENES; anything else gets a city street) as an RGB image."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    rng = random.Random(f"sinmun-demo:{scene}:{seed}")
    cv = _Canvas((w, h))
    pal = _SCENES.get(scene, _city)(cv, rng)
    return cv.finish(pal)


def _jpeg(img: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, progressive=True, optimize=True)
    return out.getvalue()


def scene_jpeg(
    scene: str, *, seed: str, size: tuple[int, int] = (1600, 900), quality: int = 85
) -> bytes:
    """draw_scene, encoded as a progressive JPEG."""
    return _jpeg(draw_scene(scene, seed=seed, size=size), quality)


def portrait_jpeg(name_seed: str, *, size: tuple[int, int] = (600, 600)) -> bytes:
    """A stylised head-and-shoulders silhouette on a soft backdrop, for a byline photo."""
    w, h = max(1, int(size[0])), max(1, int(size[1]))
    rng = random.Random(f"sinmun-demo-portrait:{name_seed}")
    cv = _Canvas((w, h), design=(600, 600))
    bg = rng.choice(_BACKDROPS)
    cv.vgrad(-20, -20, 620, 620, [(0, _shade(bg, 0.3)), (1, _shade(bg, -0.1))])
    cv.glow(300 + rng.uniform(-120, 120), 200, 260, _shade(bg, 0.6), 0.3)
    _portrait_figure(
        cv, rng, 300 + rng.uniform(-12, 12), 250 + rng.uniform(-10, 10), 170, bg
    )
    return _jpeg(cv.finish(_INTERIOR, vignette=0.12), 88)
