from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WeatherConfig(AppConfig):
    name = "sinmun.weather"
    label = "weather"
    verbose_name = _("Weather")

    def ready(self):
        # Registers the ticker's key with the read-ahead (core.readahead).
        from sinmun.weather import selectors  # noqa: F401
