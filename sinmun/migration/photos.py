"""Old images → `images.Photo`: from a local copy of the uploads folder first, else downloaded.

Each image is stored once (an `ImportRecord` of kind `attachment`, keyed by its path below
the uploads marker), so a re-run or a second story using it reuses the photo. A download is
bounded in size and time and must decode as an image; anything else is a missing image,
which the caller reports and which never stops an import.
"""

import urllib.error
import urllib.request
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from django.core.files.images import ImageFile
from PIL import Image, UnidentifiedImageError

from sinmun.core.text import normalize_line
from sinmun.images.models import Photo
from sinmun.migration.models import ImportRecord

DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024
DOWNLOAD_TIMEOUT = 10  # seconds, for the connection and for each read
IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


class PhotoStore:
    """Find an old image in a local mirror of the uploads folder, or download it; store it once."""

    def __init__(
        self,
        *,
        source: str,
        uploads: Path | None,
        marker: str,
        dry_run: bool,
        download: bool = False,
        base_url: str = "",
        max_bytes: int = DOWNLOAD_MAX_BYTES,
        timeout: float = DOWNLOAD_TIMEOUT,
    ):
        self.source, self.uploads, self.marker = source, uploads, marker
        self.dry_run, self.download, self.base_url = dry_run, download, base_url
        self.max_bytes, self.timeout = max_bytes, timeout
        self.problems: dict[str, str] = {}  # address → why it could not be had

    def relative(self, src: str) -> str:
        path = unquote(urlsplit(src).path)
        _, found, rest = path.partition(self.marker)
        return rest.lstrip("/") if found else path.lstrip("/")

    def photo(self, src: str, *, caption: str = "", credit: str = "") -> Photo | None:
        relative = self.relative(src)
        if not relative:
            return None
        record = (
            ImportRecord.objects.filter(
                source=self.source, kind="attachment", source_id=relative
            )
            .select_related("photo")
            .first()
        )
        if record and record.photo_id:
            return record.photo
        if src in self.problems:
            return None
        name, content = self._local(relative) or self._downloaded(src) or ("", b"")
        if not content:
            return None
        if self.dry_run:
            return Photo(title=relative)
        photo = Photo(
            title=normalize_line(caption)[:255] or name,
            caption=caption,
            credit=credit,
        )
        photo.file = ImageFile(BytesIO(content), name=name)
        photo.save()
        ImportRecord.objects.update_or_create(
            source=self.source,
            kind="attachment",
            source_id=relative,
            defaults={"photo": photo, "fingerprint": ""},
        )
        return photo

    def _local(self, relative: str) -> tuple[str, bytes] | None:
        if self.uploads is None:
            return None
        file = (self.uploads / relative).resolve()
        if not file.is_relative_to(self.uploads.resolve()) or not file.is_file():
            return None
        if file.stat().st_size > self.max_bytes:
            return None
        content = file.read_bytes()
        return (file.name, content) if _is_image(content) else None

    def _downloaded(self, src: str) -> tuple[str, bytes] | None:
        if not self.download:
            self.problems[src] = "not in --uploads"
            return None
        url = src
        if not urlsplit(url).scheme and self.base_url:
            url = self.base_url.rstrip("/") + "/" + url.lstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            self.problems[src] = "not in --uploads and not a web address"
            return None
        # Old exports hold Korean file names unescaped; the request needs them escaped.
        url = parts._replace(path=quote(unquote(parts.path))).geturl()
        request = urllib.request.Request(url, headers={"User-Agent": "sinmun-import"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read(self.max_bytes + 1)
        except (urllib.error.URLError, OSError, ValueError) as error:
            self.problems[src] = f"download failed ({error})"
            return None
        if len(content) > self.max_bytes:
            self.problems[src] = f"larger than {self.max_bytes // (1024 * 1024)} MB"
            return None
        if not _is_image(content):
            self.problems[src] = "not an image"
            return None
        return PurePosixPath(unquote(parts.path)).name or "image", content

    def why_missing(self, src: str) -> str:
        return self.problems.get(src, "not found")


def _is_image(content: bytes) -> bool:
    try:
        with Image.open(BytesIO(content)) as image:
            image.verify()
            return image.format in IMAGE_FORMATS
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        return False
