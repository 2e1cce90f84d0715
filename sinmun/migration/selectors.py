from sinmun.migration.models import OldAddress


def old_address_target(key: str) -> str | None:
    """Return where the old address `key` now lives.

    The current address of its page if that is live; an empty string if the old item is
    known but not public (a draft, private, scheduled or trashed post); None if unknown.
    """
    address = OldAddress.objects.filter(key=key).select_related("page").first()
    if address is None:
        return None
    if address.page is None or not address.page.live:
        return ""
    return address.page.specific_deferred.url
