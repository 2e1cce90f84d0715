import os
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
)
from wagtail.images.models import (
    Image as WagtailImage,
)

from sinmun.core.text import normalize_line, normalize_text


class Photo(AbstractImage):
    """A photo with the caption and credit (사진 제공) a newspaper prints under it."""

    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("What the photo shows, as a full sentence: who, where, when."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=100,
        blank=True,
        help_text=_(
            "Who took or supplied it, for example 가람일보 오태양 기자 or 가람시 제공."
        ),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def get_upload_to(self, filename):
        """original_images/<random>.<ext>: not the uploader's file name, and not guessable.

        A story's photo is uploaded before the story is out (an embargoed press photo, a
        file named after the person in it); its file, and the renditions named after it,
        are found only from a page that shows them. See docs/architecture.md (photos).
        """
        extension = os.path.splitext(filename)[1].lower()
        return super().get_upload_to(secrets.token_urlsafe(16) + extension)

    def clean(self):
        super().clean()
        self.title = normalize_line(self.title)
        self.caption = normalize_text(self.caption).strip()
        self.credit = normalize_line(self.credit)


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(
        Photo, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
