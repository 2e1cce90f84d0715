"""Form fields shared by the admin's forms."""

from django import forms
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminAutoHeightTextInput


class TextareaField(forms.CharField):
    """A CharField whose value has the stored line endings, "\\n".

    Browsers send a textarea's lines joined by "\\r\\n". Without this a two-line subheadline
    always "changed", so every workflow step counted as an edit and, with
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT, the desk's "승인" restarted the review
    instead of approving.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


def register_admin_form_fields():
    # Replaces Wagtail's own override for plain TextFields (exact class, so RichTextField
    # keeps its editor), keeping its auto-height widget.
    register_form_field_override(
        models.TextField,
        override={"widget": AdminAutoHeightTextInput, "form_class": TextareaField},
        exact_class=True,
    )
