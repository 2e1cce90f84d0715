"""The photo upload form (WAGTAILIMAGES_IMAGE_FORM_BASE): a broken file is a form error."""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class PhotoFileField(WagtailImageField):
    """Wagtail's image field, refusing a file Pillow cannot decode to the last byte.

    Wagtail reads only an image's header before storing it; a truncated GIF or JPEG then
    answered 500 (counting its frames) or broke every rendition made from it later.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, ValueError, SyntaxError) as exc:
            raise self.broken() from exc
        if f.image.format_name == "svg":
            return
        f.seek(0)
        try:
            with PILImage.open(f) as image:
                for frame in range(getattr(image, "n_frames", 1)):
                    image.seek(frame)
                    image.load()
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise self.broken() from exc
        finally:
            f.seek(0)

    def broken(self):
        return ValidationError(
            _("This image file is damaged or incomplete. Upload the whole file again."),
            code="invalid_image",
        )


class PhotoForm(BaseImageForm):
    file = PhotoFileField(label=capfirst(_("file")))
