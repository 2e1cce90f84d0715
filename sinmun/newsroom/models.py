from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from sinmun.core.text import normalize_line, normalize_text


class ReporterQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Reporter(index.Indexed, models.Model):
    """A 기자 whose name goes in bylines. One reporter may write many articles."""

    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(
        _("address name"),
        max_length=60,
        unique=True,
        allow_unicode=True,
        help_text=_("Used in the reporter page's address, for example kim-minjun."),
    )
    email = models.EmailField(
        _("e-mail"), help_text=_("Printed at the end of every article.")
    )
    photo = models.ForeignKey(
        "images.Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    desk = models.CharField(
        _("desk (부서)"), max_length=40, blank=True, help_text=_("For example 사회부.")
    )
    beat = models.CharField(
        _("beat (출입처)"),
        max_length=80,
        blank=True,
        help_text=_("For example 시의회·시정."),
    )
    bio = models.TextField(_("short introduction"), blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Former reporters keep their page but leave the byline list."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("admin account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reporter",
    )

    objects = ReporterQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("email"),
        FieldPanel("photo"),
        FieldPanel("desk"),
        FieldPanel("beat"),
        FieldPanel("bio"),
        FieldPanel("is_active"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sections:reporter", args=[self.slug])

    def clean(self):
        self.name = normalize_line(self.name)
        self.desk = normalize_line(self.desk)
        self.beat = normalize_line(self.beat)
        self.bio = normalize_text(self.bio).strip()


class Columnist(index.Indexed, models.Model):
    """A 칼럼니스트: often not on staff, so kept apart from reporters."""

    name = models.CharField(_("name"), max_length=40)
    slug = models.SlugField(
        _("address name"), max_length=60, unique=True, allow_unicode=True
    )
    title = models.CharField(
        _("title or affiliation"),
        max_length=100,
        help_text=_("For example 가람대학교 행정학과 교수."),
    )
    photo = models.ForeignKey(
        "images.Photo",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("columnist")
        verbose_name_plural = _("columnists")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sections:columnist", args=[self.slug])

    def clean(self):
        self.name = normalize_line(self.name)
        self.title = normalize_line(self.title)
        self.bio = normalize_text(self.bio).strip()


class ColumnSeries(models.Model):
    """A named run of columns (연재), such as 지방자치 다시 읽기."""

    title = models.CharField(_("title"), max_length=80)
    slug = models.SlugField(
        _("address name"), max_length=60, unique=True, allow_unicode=True
    )
    columnist = models.ForeignKey(
        Columnist,
        verbose_name=_("columnist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("columnist"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("column series")
        verbose_name_plural = _("column series")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sections:series", args=[self.slug])

    def clean(self):
        self.title = normalize_line(self.title)
