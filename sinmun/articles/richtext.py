"""Rich text that bad input cannot break: form errors on the way in, safe rendering out.

A page link's id comes from the browser (`{"type": "LINK", "data": {"id": "abc"}}`) and
was stored as is; the page link handler then answered 500 in the editor, the draft view
and on the public page. Raw HTML or broken JSON posted in place of the editor's JSON
answered 500 as well. Now:

- `editor.NewsroomDraftailRichTextArea` (WAGTAILADMIN_RICH_TEXT_EDITORS) turns input it cannot
  read into `InvalidRichText`, which `validate_rich_text` refuses with a form error, as it
  refuses a page link whose id is not a number;
- `editor.SafePageLinkHandler` and `editor.SafePageLinkElementHandler` render a stored link with a bad
  id as a link to nowhere (`<a>`), as Wagtail does for a deleted page.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.blocks import RichTextBlock

PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>", re.IGNORECASE)
LINK_ID = re.compile(r"\bid=\"([^\"]*)\"")


def is_page_id(value) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


class InvalidRichText(str):
    """What the browser sent, when it was not the editor's JSON."""


def validate_rich_text(source) -> None:
    if isinstance(source, InvalidRichText):
        raise ValidationError(
            _("This text could not be read. Copy it into the editor again."),
            code="invalid_rich_text",
        )
    for tag in PAGE_LINK.findall(source or ""):
        match = LINK_ID.search(tag)
        if not match or not is_page_id(match.group(1)):
            raise ValidationError(
                _(
                    "A link points to a page that does not exist. Choose the page again."
                ),
                code="invalid_page_link",
            )


class ArticleRichTextBlock(RichTextBlock):
    def clean(self, value):
        validate_rich_text(value.source)
        return super().clean(value)
