from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Station(models.Model):
    """A KMA synoptic (ASOS, 종관기상관측) station shown in the masthead ticker."""

    number = models.PositiveIntegerField(
        _("station number (지점번호)"),
        unique=True,
        help_text=_("KMA's number for the station, for example 108 for Seoul."),
    )
    name = models.CharField(
        _("name"),
        max_length=20,
        help_text=_("As the ticker shows it, for example 서울 or 강진군."),
    )
    ticker_order = models.PositiveIntegerField(
        _("ticker order"), default=0, db_index=True
    )
    is_active = models.BooleanField(
        _("shown in the ticker"),
        default=True,
        help_text=_("Changes appear on the site within a minute."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    objects = StationQuerySet.as_manager()

    # Lets Wagtail's listing reorder stations by dragging.
    sort_order_field = "ticker_order"

    class Meta:
        ordering = ["ticker_order", "number"]
        verbose_name = _("weather station")
        verbose_name_plural = _("weather stations")

    def __str__(self):
        return f"{self.name} ({self.number})"


class Source(models.TextChoices):
    API = "api", _("KMA API Hub")
    SAMPLE = "sample", _("bundled sample")
    BACKFILL = "backfill", _("KMA API Hub backfill")


class Observation(models.Model):
    """One hourly surface observation at one station, as KMA reported it."""

    station = models.ForeignKey(
        Station,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    observed_at = models.DateTimeField(_("observed at"))
    temperature = models.FloatField(_("temperature (°C)"), null=True, blank=True)
    cloud_amount = models.PositiveSmallIntegerField(
        _("total cloud amount (tenths)"), null=True, blank=True
    )
    present_weather = models.PositiveSmallIntegerField(
        _("present weather (WMO 4677)"), null=True, blank=True
    )
    domestic_weather = models.CharField(
        _("domestic weather codes (WW)"), max_length=22, blank=True
    )
    precipitation = models.FloatField(_("precipitation (mm)"), null=True, blank=True)
    visibility = models.PositiveIntegerField(_("visibility (m)"), null=True, blank=True)
    humidity = models.FloatField(_("relative humidity (%)"), null=True, blank=True)
    sky_word = models.CharField(_("sky word"), max_length=10, blank=True)
    fetched_at = models.DateTimeField(_("fetched at"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)

    class Meta:
        ordering = ["-observed_at", "station"]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "observed_at"],
                name="weather_one_observation_per_hour",
            )
        ]
        indexes = [models.Index(fields=["observed_at", "station"])]
        verbose_name = _("weather observation")
        verbose_name_plural = _("weather observations")

    def __str__(self):
        return (
            f"{self.station.name} {timezone.localtime(self.observed_at):%Y-%m-%d %H:%M}"
        )


class FetchStatus(models.TextChoices):
    OK = "ok", _("succeeded")
    NO_DATA = "no_data", _("no observations")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped (KMA paused after failures)")


class FetchLog(models.Model):
    """One run of fetch_weather: when, from where, what it stored and what went wrong."""

    started_at = models.DateTimeField(_("started at"), db_index=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    status = models.CharField(_("status"), max_length=10, choices=FetchStatus.choices)
    stored = models.PositiveSmallIntegerField(_("observations stored"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("weather fetch")
        verbose_name_plural = _("weather fetches")

    def __str__(self):
        return f"{timezone.localtime(self.started_at):%Y-%m-%d %H:%M} {self.get_status_display()}"


class CircuitState(models.Model):
    """How an outside service has been failing, kept across runs of the job."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    opened_at = models.DateTimeField(_("paused at"), null=True, blank=True)

    class Meta:
        verbose_name = _("circuit state")
        verbose_name_plural = _("circuit states")

    def __str__(self):
        return self.name
