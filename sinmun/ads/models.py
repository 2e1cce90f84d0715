"""Ad slots (광고 자리) and the ads the ad desk books into them, with their daily counts."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class SlotPosition(models.TextChoices):
    """Where a slot sits. The templates place each one; the ad desk fills them."""

    MASTHEAD = "masthead", _("Masthead banner")
    ARTICLE_INLINE = "article_inline", _("In the article, after a paragraph")
    SIDE = "side", _("Side box")
    SECTION_TOP = "section_top", _("Top of section pages")


class SlotSize(models.TextChoices):
    """Standard (IAB) sizes, the ones AdSense and AdFit sell; each reserves its box in CSS."""

    LEADERBOARD = "728x90", _("728×90 leaderboard")
    BILLBOARD = "970x250", _("970×250 billboard")
    MOBILE_BANNER = "320x100", _("320×100 large mobile banner")
    RECTANGLE = "300x250", _("300×250 medium rectangle")
    LARGE_RECTANGLE = "336x280", _("336×280 large rectangle")
    HALF_PAGE = "300x600", _("300×600 half page")


# The size each position starts with (migration ads.0002 creates the four slots).
DEFAULT_SIZES = {
    SlotPosition.MASTHEAD: SlotSize.LEADERBOARD,
    SlotPosition.ARTICLE_INLINE: SlotSize.RECTANGLE,
    SlotPosition.SIDE: SlotSize.RECTANGLE,
    SlotPosition.SECTION_TOP: SlotSize.LEADERBOARD,
}


class AdSlot(models.Model):
    """A named place on the pages that shows one ad at a time, at a fixed size."""

    position = models.CharField(
        _("position"), max_length=20, choices=SlotPosition, unique=True
    )
    size = models.CharField(
        _("size"),
        max_length=10,
        choices=SlotSize,
        default=SlotSize.RECTANGLE,
        help_text=_(
            "The slot keeps this box free while the page loads, so nothing jumps. "
            "Book ads of this size."
        ),
    )
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_(
            "In-article slot only: the ad shows after this paragraph of the body (1–12). "
            "Shorter stories show it after the article."
        ),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Off: the slot shows nothing anywhere.")
    )

    panels = [
        FieldPanel("position"),
        FieldPanel("size"),
        FieldPanel("after_paragraph"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("ad slot")
        verbose_name_plural = _("ad slots")
        ordering = ["position"]

    def __str__(self):
        return f"{self.get_position_display()} ({self.size})"

    @property
    def width(self) -> int:
        return int(self.size.split("x")[0])

    @property
    def height(self) -> int:
        return int(self.size.split("x")[1])


class AdKind(models.TextChoices):
    IMAGE = "image", _("Image ad with a link")
    HOUSE = "house", _("House ad (the paper's own)")
    NETWORK = "network", _("Ad network code")


class AdNetwork(models.TextChoices):
    ADSENSE = "adsense", _("Google AdSense")
    ADFIT = "adfit", _("Kakao AdFit")


# The identifiers each network gives a publisher; only these reach the page, never pasted
# HTML, so a booking cannot put a script of its own on the site.
NETWORK_PUBLISHER_ID = {AdNetwork.ADSENSE: re.compile(r"ca-pub-[0-9]{10,20}")}
NETWORK_UNIT_ID = {
    AdNetwork.ADSENSE: re.compile(r"[0-9]{6,20}"),
    AdNetwork.ADFIT: re.compile(r"DAN-[A-Za-z0-9]{6,40}"),
}


class AdQuerySet(models.QuerySet):
    def bookable(self, now=None):
        """Ads that are on and not over: running now or starting later."""
        now = now or timezone.now()
        return self.filter(is_active=True, slot__is_active=True).exclude(
            ends_at__lte=now
        )


class Ad(models.Model):
    """One booking: what a slot shows, from when to when, how often and in which sections."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("For the ad desk, for example 가람시청 2026 축제 배너. Not shown."),
    )
    advertiser = models.CharField(_("advertiser"), max_length=100, blank=True)
    slot = models.ForeignKey(
        AdSlot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="ads"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=AdKind, default=AdKind.IMAGE
    )
    image = models.ForeignKey(
        "images.Photo",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Image and house ads: the banner, in the slot's size."),
    )
    link_url = models.URLField(
        _("link"),
        blank=True,
        help_text=_(
            "Image and house ads: where a click goes. Clicks are counted first."
        ),
    )
    text = models.CharField(
        _("text"),
        max_length=120,
        blank=True,
        help_text=_(
            "House ads: the line readers see, for example 가람일보 뉴스레터를 받아 보세요."
        ),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What the image says, for readers who cannot see it."),
    )
    network = models.CharField(
        _("network"), max_length=10, choices=AdNetwork, blank=True
    )
    network_publisher_id = models.CharField(
        _("publisher ID"),
        max_length=40,
        blank=True,
        help_text=_("AdSense only: ca-pub- and its digits."),
    )
    network_unit_id = models.CharField(
        _("ad unit ID"),
        max_length=60,
        blank=True,
        help_text=_("AdSense: the ad slot number. AdFit: the unit ID, DAN-…"),
    )
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Empty: until switched off.")
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Ads in one slot take turns in proportion to their weights (1–100): "
            "weight 30 beside weight 10 shows three times as often."
        ),
    )
    sections = models.ManyToManyField(
        "sections.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_(
            "Show only on these sections' pages and their stories. None: everywhere."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = AdQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("advertiser"),
        FieldPanel("slot", widget=forms.Select),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("image"),
                FieldPanel("alt_text"),
                FieldPanel("text"),
                FieldPanel("link_url"),
            ],
            heading=_("Image or house ad"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("network"),
                FieldPanel("network_publisher_id"),
                FieldPanel("network_unit_id"),
            ],
            heading=_("Ad network"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("weight"),
                FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
                FieldPanel("is_active"),
            ],
            heading=_("When, how often, where"),
        ),
    ]

    class Meta:
        verbose_name = _("ad")
        verbose_name_plural = _("ads")
        ordering = ["slot", "-starts_at"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.kind == AdKind.NETWORK:
            self._clean_network(errors)
        else:
            if not self.image_id and not (self.kind == AdKind.HOUSE and self.text):
                errors["image"] = (
                    _("Choose the banner image.")
                    if self.kind == AdKind.IMAGE
                    else _("Choose an image or write the text of the house ad.")
                )
            if not self.link_url:
                errors["link_url"] = _("Give the address a click should open.")
            if self.image_id and not self.alt_text:
                errors["alt_text"] = _("Say what the image shows or reads.")
        if errors:
            raise ValidationError(errors)

    def _clean_network(self, errors):
        if not self.network:
            errors["network"] = _("Choose the network.")
            return
        unit = NETWORK_UNIT_ID[self.network]
        if not unit.fullmatch(self.network_unit_id or ""):
            errors["network_unit_id"] = (
                _("An AdSense ad slot is a number, for example 1234567890.")
                if self.network == AdNetwork.ADSENSE
                else _("An AdFit unit ID starts with DAN-, for example DAN-a1b2c3d4e5.")
            )
        publisher = NETWORK_PUBLISHER_ID.get(self.network)
        if publisher and not publisher.fullmatch(self.network_publisher_id or ""):
            errors["network_publisher_id"] = _(
                "An AdSense publisher ID is ca-pub- and 16 digits, as AdSense shows it."
            )
        if self.network != AdNetwork.ADSENSE:
            self.network_publisher_id = ""


class AdDay(models.Model):
    """One ad's impressions and clicks on one day (KST). No reader is identified."""

    ad = models.ForeignKey(
        Ad, verbose_name=_("ad"), on_delete=models.CASCADE, related_name="days"
    )
    day = models.DateField(_("day"))
    impressions = models.PositiveIntegerField(_("impressions"), default=0)
    clicks = models.PositiveIntegerField(_("clicks"), default=0)

    class Meta:
        verbose_name = _("ad day")
        verbose_name_plural = _("ad days")
        constraints = [
            models.UniqueConstraint(fields=["ad", "day"], name="ads_one_row_per_day")
        ]

    def __str__(self):
        return f"{self.ad} {self.day}"
