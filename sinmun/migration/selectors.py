from sinmun.migration.models import OldAddress


def old_address_target(key: str) -> str | None:
    """Return the current address of the live page an old address `key` points to."""
    address = (
        OldAddress.objects.filter(key=key, page__live=True)
        .select_related("page")
        .first()
    )
    if address is None:
        return None
    return address.page.specific_deferred.url
