from django import forms
from django.utils.translation import gettext_lazy as _

from sinmun.comments.models import MAX_LENGTH, MAX_NAME_LENGTH


class CommentForm(forms.Form):
    author_name = forms.CharField(
        label=_("Name shown with your comment"), max_length=MAX_NAME_LENGTH
    )
    text = forms.CharField(
        label=_("Comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("At most %(count)s characters.") % {"count": MAX_LENGTH},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
