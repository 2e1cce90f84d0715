"""The admin's rich-text editor and link handlers, hardened (see richtext.py)."""

from django.utils.html import escape
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    PageLinkElementHandler,
)
from wagtail.rich_text.pages import PageLinkHandler

from sinmun.articles.richtext import InvalidRichText, is_page_id


class NewsroomDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError):
            # Escaped, so that a rich-text field without validate_rich_text stores text.
            return InvalidRichText(escape(data.get(name) or "?"))


class SafePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        good = [attrs if is_page_id(attrs.get("id")) else {} for attrs in attrs_list]
        found = iter(super().get_many([a for a in good if a]))
        return [next(found) if attrs else None for attrs in good]


class SafePageLinkElementHandler(PageLinkElementHandler):
    def get_attribute_data(self, attrs):
        if not is_page_id(attrs.get("id")):
            return {"id": None, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)
