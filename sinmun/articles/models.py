import html
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from sinmun.articles.blocks import ArticleBodyBlock
from sinmun.articles.panels import NearDuplicatePanel
from sinmun.core import edge
from sinmun.core.models import BasePage
from sinmun.core.text import normalize_line, normalize_text
from sinmun.search.fields import KoreanSearchField, koreanize

# A republish within this long of the first publication is not shown as an update (수정).
UPDATE_GRACE = timedelta(minutes=1)


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    FEATURE = "feature", _("Feature")
    INTERVIEW = "interview", _("Interview")
    PHOTO = "photo", _("Photo news")
    LIVE = "live", _("Live coverage")
    EDITORIAL = "editorial", _("Editorial")
    COLUMN = "column", _("Column")


class ArticleOrigin(models.TextChoices):
    """Where a story comes from. The law counts the paper's own share every week."""

    OWN = "own", _("Own reporting")
    PRESS_RELEASE = "press_release", _("Press release")
    WIRE = "wire", _("News agency")
    CONTRIBUTED = "contributed", _("Contribution")


class Sponsorship(models.TextChoices):
    """Paid content. 신문법 제6조 ③: an advertisement must be told apart from an article."""

    NONE = "", _("Not sponsored")
    ADVERTORIAL = "advertorial", _("Advertorial (기사형 광고)")
    SPONSORED = "sponsored", _("Sponsored (협찬)")


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        """Articles a reader may see now: live, and behind no view restriction."""
        from sinmun.core.selectors import public_q

        return self.live().filter(public_q())

    def in_section(self, section):
        return self.descendant_of(section)

    def columns(self):
        return self.filter(kind=ArticleKind.COLUMN)

    def news(self):
        return self.exclude(kind=ArticleKind.COLUMN)

    def editorial(self):
        """Leave out advertorials and sponsored stories (most-read box, origin report)."""
        return self.filter(sponsorship=Sponsorship.NONE)

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(BasePage):
    """A story. Its canonical address is /news/<id>, whatever its title, slug or section."""

    subtitle = models.TextField(
        _("subheadline (부제)"),
        blank=True,
        max_length=500,
        help_text=_("One line per subheadline. Shown under the headline."),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ArticleKind, default=ArticleKind.NEWS
    )
    origin = models.CharField(
        _("origin"),
        max_length=16,
        choices=ArticleOrigin,
        default=ArticleOrigin.OWN,
        help_text=_(
            "Own reporting, a press release, a news agency story or a contribution."
        ),
    )
    summary = models.TextField(
        _("summary (요약)"),
        blank=True,
        max_length=400,
        help_text=_("Optional. Lists show it instead of the opening of the body."),
    )
    lead_image = models.ForeignKey(
        "images.Photo",
        verbose_name=_("lead photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        _("lead photo caption"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the caption stored with the photo."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        through=ArticleTag, blank=True, verbose_name=_("tags")
    )
    columnist = models.ForeignKey(
        "newsroom.Columnist",
        verbose_name=_("columnist"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="columns",
        help_text=_("Columns only: who wrote it."),
    )
    series = models.ForeignKey(
        "newsroom.ColumnSeries",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="columns",
    )
    live_ended_at = models.DateTimeField(
        _("live coverage ended"),
        null=True,
        blank=True,
        help_text=_(
            "Live coverage only. Set the time the coverage ended and publish: readers' "
            "pages stop refreshing and the story says the live coverage is over."
        ),
    )
    is_breaking = models.BooleanField(_("breaking (속보)"), default=False)
    is_exclusive = models.BooleanField(_("exclusive (단독)"), default=False)
    sponsorship = models.CharField(
        _("sponsorship"),
        max_length=16,
        choices=Sponsorship,
        default=Sponsorship.NONE,
        blank=True,
        help_text=_(
            "An advertorial or a sponsored story is labelled as such on cards, at the head "
            "of the article and in its structured data, and stays out of the most-read box "
            "and the origin report."
        ),
    )
    sponsor = models.CharField(
        _("sponsor"),
        max_length=100,
        blank=True,
        help_text=_("Who paid for it, as readers should see it, for example 가람시."),
    )

    objects = ArticlePageManager()

    content_panels = [
        NearDuplicatePanel(heading=_("Similar stories")),
        # TitleFieldPanel fills in the slug from the headline, as on any Wagtail page.
        TitleFieldPanel("title", heading=_("Headline (제목)")),
        FieldPanel("subtitle"),
        InlinePanel("bylines", heading=_("Reporters"), label=_("reporter")),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")],
            heading=_("Lead photo"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("origin"),
                FieldPanel("is_breaking"),
                FieldPanel("is_exclusive"),
                FieldPanel("summary"),
                FieldPanel("live_ended_at"),
            ],
            heading=_("Kind and origin"),
        ),
        MultiFieldPanel(
            [FieldPanel("sponsorship"), FieldPanel("sponsor")],
            heading=_("Advertorial or sponsored"),
        ),
        MultiFieldPanel(
            [FieldPanel("columnist"), FieldPanel("series")], heading=_("Column")
        ),
        InlinePanel(
            "corrections",
            heading=_("Corrections (정정·반론·추후보도)"),
            label=_("correction"),
        ),
    ]

    search_fields = [
        *koreanize(BasePage.search_fields),
        KoreanSearchField("subtitle"),
        KoreanSearchField("body"),
        index.FilterField("kind"),
        index.FilterField("first_published_at"),
    ]

    # Read-only API (syndication): the permanent address, never the tree path.
    api_fields = [
        APIField("subtitle"),
        APIField(
            "url", serializer=serializers.CharField(source="full_url", read_only=True)
        ),
    ]

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("view_origin_report", _("Can view the weekly origin report")),
        ]

    def clean(self):
        super().clean()
        self.subtitle = "\n".join(
            line
            for line in (
                " ".join(s.split()) for s in normalize_text(self.subtitle).splitlines()
            )
            if line
        )
        self.summary = " ".join(normalize_text(self.summary).split())
        if self.kind == ArticleKind.COLUMN and not self.columnist_id:
            raise ValidationError({"columnist": _("A column needs its columnist.")})
        if self.live_ended_at and self.kind != ArticleKind.LIVE:
            raise ValidationError(
                {"live_ended_at": _("Only live coverage can end; leave this empty.")}
            )
        if self.series_id and self.kind != ArticleKind.COLUMN:
            raise ValidationError({"series": _("Only columns belong to a series.")})
        self.sponsor = normalize_line(self.sponsor)
        if self.sponsorship and not self.sponsor:
            raise ValidationError(
                {"sponsor": _("Name the sponsor: readers must see who paid for it.")}
            )

    # URLs -------------------------------------------------------------------------------

    def get_url_parts(self, request=None):
        """Give every article its permanent address, /news/<id> (docs/decisions/0001)."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, _path = parts
        return site_id, root_url, self.permalink_path

    @property
    def permalink_path(self) -> str:
        return reverse("articles:permalink", args=[self.pk])

    def surrogate_keys(self):
        if self.is_live:
            return (edge.article(self.pk), edge.LATEST, edge.live(self.pk))
        return (edge.article(self.pk), edge.LATEST)

    def serve(self, request, *args, **kwargs):
        # Reached through the page tree (/society/<slug>/): send readers and crawlers to the
        # one canonical address so that no story has two.
        if request.path != self.permalink_path:
            return redirect(self.permalink_path, permanent=True)
        return super().serve(request, *args, **kwargs)

    # What templates show -------------------------------------------------------------------

    @property
    def is_column(self) -> bool:
        return self.kind == ArticleKind.COLUMN

    @property
    def is_live(self) -> bool:
        return self.kind == ArticleKind.LIVE

    @property
    def is_live_running(self) -> bool:
        """Live coverage that readers' pages still refresh (the desk has not ended it)."""
        return self.is_live and self.live_ended_at is None

    @property
    def is_sponsored(self) -> bool:
        return bool(self.sponsorship)

    @property
    def is_advertorial(self) -> bool:
        return self.sponsorship == Sponsorship.ADVERTORIAL

    @property
    def subtitle_lines(self) -> list[str]:
        return [line for line in self.subtitle.splitlines() if line.strip()]

    @property
    def updated_at(self):
        """The 수정 time, if the story changed after it was first published."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > UPDATE_GRACE:
            return last
        return None

    @cached_property
    def body_text(self) -> str:
        """The body's paragraphs as plain text, without parsing every block."""
        parts = []
        for block in self.body.raw_data:
            if block["type"] == "paragraph":
                parts.append(html.unescape(strip_tags(block["value"])))
            elif block["type"] == "subheading":
                parts.append(block["value"])
        return "\n".join(p.strip() for p in parts if p and p.strip())

    @property
    def teaser_source(self) -> str:
        return self.summary or self.body_text

    @property
    def caption(self) -> str:
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    def get_context(self, request, *args, **kwargs):
        from sinmun.articles import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.article_page_context(article=self))
        context["live_poll_seconds"] = settings.SINMUN_LIVE_POLL_SECONDS
        return context


class ArticleByline(Orderable):
    """One reporter on a story's byline, in order."""

    page = ParentalKey(ArticlePage, related_name="bylines", on_delete=models.CASCADE)
    reporter = models.ForeignKey(
        "newsroom.Reporter",
        verbose_name=_("reporter"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )

    panels = [FieldPanel("reporter")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "reporter"], name="unique_reporter_per_article"
            )
        ]

    def __str__(self):
        return str(self.reporter)


class LiveUpdateQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class LiveUpdate(models.Model):
    """One timestamped update of a live story (실시간), written by one reporter.

    Not part of the page's revisions: several reporters add updates at once without
    opening the story, and each shows to readers as soon as it is saved.
    """

    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("live story"),
        on_delete=models.CASCADE,
        related_name="live_updates",
        limit_choices_to={"kind": ArticleKind.LIVE},
    )
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        help_text=_("When it happened, in Korea time. Newest updates come first."),
    )
    reporter = models.ForeignKey(
        "newsroom.Reporter",
        verbose_name=_("reporter"),
        on_delete=models.PROTECT,
        related_name="live_updates",
    )
    text = models.TextField(
        _("text"), max_length=3000, help_text=_("What happened, in a few sentences.")
    )
    photo = models.ForeignKey(
        "images.Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    objects = LiveUpdateQuerySet.as_manager()

    panels = [
        FieldPanel("article"),
        FieldPanel("published_at"),
        FieldPanel("reporter"),
        FieldPanel("text"),
        FieldPanel("photo"),
    ]

    class Meta:
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [models.Index(fields=["article", "-published_at"])]

    def __str__(self):
        return self.text[:40]

    def clean(self):
        self.text = normalize_text(self.text).strip()
        if self.article_id and not self.article.is_live:
            raise ValidationError(
                {"article": _("Choose a story whose kind is live coverage.")}
            )

    @property
    def anchor(self) -> str:
        return f"update-{self.pk}"


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction (정정보도)")
    REPLY = "reply", _("Reply (반론보도)")
    FOLLOW_UP = "follow_up", _("Follow-up (추후보도)")


class Correction(Orderable):
    """A visible note that a story was wrong or challenged; never a silent rewrite."""

    page = ParentalKey(
        ArticlePage, related_name="corrections", on_delete=models.CASCADE
    )
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=CorrectionKind,
        default=CorrectionKind.CORRECTION,
    )
    text = models.TextField(
        _("text"), max_length=2000, help_text=_("What was wrong and what is right.")
    )
    published_at = models.DateTimeField(
        _("time"), help_text=_("When the correction was made.")
    )

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("published_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:30]}"

    def clean(self):
        self.text = normalize_text(self.text).strip()


class ReadCount(models.Model):
    """How often an article was read on one day (KST), counted by the reader's browser."""

    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="read_counts"
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("read count")
        verbose_name_plural = _("read counts")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="one_read_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["day", "article"])]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"
