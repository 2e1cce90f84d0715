"""StreamField blocks of an article body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from sinmun.articles.richtext import ArticleRichTextBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript"]


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("photo"))
    caption = blocks.CharBlock(
        label=_("caption"),
        required=False,
        max_length=300,
        help_text=_("Leave empty to use the caption stored with the photo."),
    )
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=100)

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "blocks/photo_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("who said it"), required=False, max_length=100
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ArticleRichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    subheading = blocks.CharBlock(
        label=_("Subheading"),
        max_length=120,
        icon="title",
        template="blocks/subheading_block.html",
    )
    photo = PhotoBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embed (video, post)"), icon="media")
