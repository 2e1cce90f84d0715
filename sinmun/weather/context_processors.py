from django.utils.functional import SimpleLazyObject

from sinmun.weather import selectors


def weather(request):
    """Give templates the weather ticker, read from storage only if a template uses it."""
    return {"weather_ticker": SimpleLazyObject(selectors.cached_ticker)}
