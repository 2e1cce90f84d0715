"""StreamField blocks of an article body."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from sinmun.articles import video
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


class GalleryPhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("photo"))
    caption = blocks.TextBlock(
        label=_("caption"),
        required=False,
        max_length=500,
        help_text=_("Leave empty to use the caption stored with the photo."),
    )
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=100,
        help_text=_("Leave empty to use the credit stored with the photo."),
    )

    class Meta:
        icon = "image"
        label = _("Gallery photo")


class GalleryBlock(blocks.StructBlock):
    """A photo gallery (포토뉴스): photos in order, each with its caption and credit."""

    title = blocks.CharBlock(
        label=_("gallery title"),
        required=False,
        max_length=120,
        help_text=_(
            "Optional. Shown above the photos; the headline is used otherwise."
        ),
    )
    photos = blocks.ListBlock(
        GalleryPhotoBlock(), min_num=2, max_num=60, label=_("photos")
    )

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "blocks/gallery_block.html"


class VideoValue(blocks.StructValue):
    @cached_property
    def player(self) -> video.Player | None:
        return video.player_for(self.get("url"))

    @property
    def duration(self) -> str:
        return video.iso_duration(self.get("length"))


class VideoBlock(blocks.StructBlock):
    """A video behind its poster: the player loads only when the reader taps it."""

    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_(
            "A YouTube, Naver TV or Kakao TV address, or the https address of an MP4 "
            "or WebM file."
        ),
    )
    poster = ImageChooserBlock(
        label=_("poster photo"),
        help_text=_("Shown until the reader plays the video."),
    )
    title = blocks.CharBlock(label=_("video title"), max_length=120)
    description = blocks.TextBlock(
        label=_("description"), required=False, max_length=500
    )
    length = blocks.RegexBlock(
        regex=r"^\d{1,2}(:[0-5]\d){1,2}$",
        label=_("length"),
        required=False,
        help_text=_("Minutes and seconds, such as 3:25 (or 1:02:03)."),
        error_messages={"invalid": _("Write the length as 3:25 or 1:02:03.")},
    )
    uploaded_on = blocks.DateBlock(
        label=_("upload date"),
        required=False,
        help_text=_("Leave empty to use the story's publication date."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        if video.player_for(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "This paper plays YouTube, Naver TV and Kakao TV videos and "
                            "https addresses ending in .mp4 or .webm. Paste the address "
                            "of the video's own page."
                        )
                    )
                }
            )
        return value


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
    gallery = GalleryBlock()
    video = VideoBlock()
    embed = EmbedBlock(label=_("Embed (video, post)"), icon="media")
