"""What the search index remembers besides Wagtail's index entries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnalyserState(models.Model):
    """The analyser version the index was last rebuilt with (one row)."""

    version = models.CharField(max_length=200)
    rebuilt_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search analyser state")

    def __str__(self):
        return self.version


class Fingerprint(models.Model):
    """A MinHash signature of a page's analysed text, for near-duplicate warnings."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    signature = models.BinaryField()
    dated = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("text fingerprint")

    def __str__(self):
        return f"fingerprint of page {self.page_id}"
