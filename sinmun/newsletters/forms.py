from django import forms
from django.utils.translation import gettext_lazy as _

from sinmun.newsletters import services


class ReaderEmailField(forms.EmailField):
    """An e-mail field that reads NFD Hangul (macOS, some phones) as the NFC it stores."""

    def to_python(self, value):
        return services.normalize_email(super().to_python(value))


class SignupForm(forms.Form):
    email = ReaderEmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Write an e-mail address such as reader@example.com."),
            "required": _("Write the e-mail address the newsletter should go to."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree to the collection and use of my e-mail address above."),
        error_messages={
            "required": _("We can only send the newsletter with this consent."),
        },
    )
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled by robots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("homepage"))
