import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sinmun.tips import validators

PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class TipForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("What happened"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("When and where, who was there, and how you know."),
    )
    attachments = MultipleFileField(
        label=_("Photos or documents"),
        required=False,
        widget=MultipleFileInput(
            attrs={"accept": ".jpg,.jpeg,.png,.gif,.webp,.pdf,image/*,application/pdf"}
        ),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=50,
        required=False,
        help_text=_("Leave it empty to send the tip without your name."),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the collection and use of my personal information above."),
        error_messages={
            "required": _(
                "We can only receive a tip with this consent. You may leave your name empty."
            )
        },
    )
    article = forms.IntegerField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled by robots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(
                _("Write the phone number in digits, for example 010-1234-5678.")
            )
        return phone

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        limit = settings.SINMUN_TIP_MAX_FILES
        if len(files) > limit:
            raise ValidationError(
                gettext("You can attach up to %(limit)d files.") % {"limit": limit}
            )
        errors = []
        checked = []
        for upload in files:
            try:
                result = validators.check_attachment(
                    upload, max_bytes=settings.SINMUN_TIP_MAX_FILE_BYTES
                )
            except ValidationError as error:
                errors.append(error)
            else:
                checked.append((upload, result))
        if errors:
            raise ValidationError(errors)
        total = sum(result.size for _, result in checked)
        if total > settings.SINMUN_TIP_MAX_TOTAL_BYTES:
            raise ValidationError(
                gettext(
                    "The files add up to %(size)s; send at most %(limit)s in one tip."
                )
                % {
                    "size": filesizeformat(total),
                    "limit": filesizeformat(settings.SINMUN_TIP_MAX_TOTAL_BYTES),
                }
            )
        return checked

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and not self.has_error("phone")
            and not self.has_error("email")
        ):
            self.add_error(
                "phone",
                _(
                    "Leave a phone number or an e-mail address, so that a reporter can "
                    "check the facts with you."
                ),
            )
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("homepage"))
