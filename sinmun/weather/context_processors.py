from django.utils.functional import SimpleLazyObject

from sinmun.core import edge
from sinmun.weather import selectors


def weather(request):
    """Give templates the weather ticker, read from storage only if a template uses it.

    A page that shows it is named for the edge, which drops it when new observations come.
    """

    def ticker():
        edge.note_keys(request, edge.WEATHER)
        return selectors.cached_ticker()

    return {"weather_ticker": SimpleLazyObject(ticker)}
