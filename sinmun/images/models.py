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
