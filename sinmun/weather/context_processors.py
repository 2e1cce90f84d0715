def weather(request):
    """Give templates the weather ticker (filled in by the weather app)."""
    return {}
