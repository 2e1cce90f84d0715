"""What a tipster may attach: photos and PDFs, recognised by their content."""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pillow's format name -> (content type, the extensions such a file is sent with)
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", {".jpg", ".jpeg"}),
    "PNG": ("image/png", {".png"}),
    "GIF": ("image/gif", {".gif"}),
    "WEBP": ("image/webp", {".webp"}),
}
PDF = ("application/pdf", {".pdf"})
IMAGE_EXTENSIONS = set().union(*(exts for _, exts in IMAGE_FORMATS.values()))
ALLOWED_EXTENSIONS = IMAGE_EXTENSIONS | PDF[1]


@dataclass(frozen=True)
class Checked:
    content_type: str
    size: int


def _sniff(upload) -> tuple[str, set[str]] | None:
    """Return (content type, extensions) from the file's bytes, or None if it is neither."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    # PDF 1.7 (ISO 32000-1, 7.5.2): readers accept the header within the first 1024 bytes.
    if b"%PDF-" in head:
        return PDF
    try:
        with Image.open(upload) as image:
            found = image.format
            image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        return None
    finally:
        upload.seek(0)
    return IMAGE_FORMATS.get(found)


def check_attachment(upload, *, max_bytes: int) -> Checked:
    """Return what `upload` is, or raise ValidationError with a message for the tipster."""
    name = upload.name or ""
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s). Each file may be up to %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    extension = PurePosixPath(name).suffix.lower()
    found = _sniff(upload)
    if found is None or extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _(
                "“%(name)s” is not a photo (JPG, PNG, GIF, WEBP) or a PDF. Send one of "
                "those, or describe the file in the text."
            )
            % {"name": name},
            code="wrong_type",
        )
    content_type, extensions = found
    same_family = extension in extensions or (
        extension in IMAGE_EXTENSIONS and content_type.startswith("image/")
    )
    if not same_family:
        raise ValidationError(
            _(
                "“%(name)s” is named like a different kind of file than it is. Save it "
                "again as a photo or a PDF and attach it once more."
            )
            % {"name": name},
            code="wrong_type",
        )
    return Checked(content_type=content_type, size=upload.size)
