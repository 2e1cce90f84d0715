"""Where a video story's player comes from: YouTube, Naver TV, Kakao TV or a file's address.

The page shows only the poster and a link until the reader taps it (static/js/video.js);
then the player's iframe, or a <video> for a file, takes the poster's place. No third
party hears of the reader before that tap.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

FILE_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".m4v": "video/mp4"}

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_CLIP_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")


@dataclass(frozen=True)
class Player:
    """How to play one video: an embed address for an iframe, or a file for <video>."""

    provider: str  # "youtube", "navertv", "kakaotv" or "file"
    embed_url: str = ""
    file_url: str = ""
    file_type: str = ""

    @property
    def is_file(self) -> bool:
        return self.provider == "file"


def player_for(url: str) -> Player | None:
    """Return the player of `url`, or None when it is no address this paper can play."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    if host in ("youtube.com", "youtube-nocookie.com", "youtu.be"):
        video_id = _youtube_id(host, segments, parts.query)
        if video_id:
            # youtube-nocookie: no cookie until the reader plays the video.
            return Player(
                "youtube",
                embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
            )
        return None
    if host == "tv.naver.com" and len(segments) >= 2 and segments[0] in ("v", "embed"):
        if _CLIP_ID.match(segments[1]):
            return Player(
                "navertv",
                embed_url=f"https://tv.naver.com/embed/{segments[1]}?autoPlay=true",
            )
        return None
    if host == "tv.kakao.com":
        clip = _kakao_clip(segments)
        if clip:
            return Player(
                "kakaotv",
                embed_url=f"https://play-tv.kakao.com/embed/player/cliplink/{clip}?autoplay=1",
            )
        return None
    suffix = parts.path[parts.path.rfind(".") :].lower() if "." in parts.path else ""
    if parts.scheme == "https" and suffix in FILE_TYPES:
        return Player("file", file_url=url.strip(), file_type=FILE_TYPES[suffix])
    return None


def _youtube_id(host: str, segments: list[str], query: str) -> str:
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = parse_qs(query).get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live"):
        candidate = segments[1]
    else:
        candidate = ""
    return candidate if _YOUTUBE_ID.match(candidate) else ""


def _kakao_clip(segments: list[str]) -> str:
    # tv.kakao.com/v/<id> and tv.kakao.com/channel/<channel>/cliplink/<id>
    if len(segments) >= 2 and segments[0] == "v":
        candidate = segments[1]
    elif "cliplink" in segments and segments.index("cliplink") + 1 < len(segments):
        candidate = segments[segments.index("cliplink") + 1]
    else:
        candidate = ""
    return candidate if _CLIP_ID.match(candidate) else ""


def iso_duration(length: str) -> str:
    """Return "3:25" or "1:02:03" (분:초) as an ISO 8601 duration, PT3M25S; "" if empty."""
    if not length:
        return ""
    numbers = [int(n) for n in length.split(":")]
    while len(numbers) < 3:
        numbers.insert(0, 0)
    hours, minutes, seconds = numbers
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{seconds}S" if seconds or text == "PT" else "")
