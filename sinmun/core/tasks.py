import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("sinmun.edge")


class EdgePurgeFailed(Exception):
    pass


@task()
def purge_edge(
    keys: list[str],
    urls: list[str],
    attempt: int = 1,
    backends: list[str] | None = None,
) -> int:
    """Purge `keys` (or, for caches without keys, `urls`) from every configured edge.

    A backend that fails is tried again with exponential backoff, up to
    SINMUN_EDGE_PURGE_ATTEMPTS times; the last failure is logged and fails the task, so it
    shows in the task results. Return the number of backends purged.
    """
    failed = []
    purged = 0
    for name, backend in get_backends(backends=backends).items():
        try:
            if hasattr(backend, "purge_keys"):
                backend.purge_keys(keys)
            elif urls:
                backend.purge_batch(urls)
            purged += 1
        except Exception as exc:  # noqa: BLE001 - any backend failing is retried, never raised
            logger.warning("edge %s: purge attempt %d failed: %s", name, attempt, exc)
            failed.append(name)
    if not failed:
        return purged
    if attempt >= settings.SINMUN_EDGE_PURGE_ATTEMPTS:
        logger.error(
            "edge %s: gave up purging %s after %d attempts",
            ", ".join(failed),
            " ".join(keys),
            attempt,
        )
        raise EdgePurgeFailed(f"{', '.join(failed)}: {' '.join(keys)}")
    retry = purge_edge
    if purge_edge.get_backend().supports_defer:
        delay = settings.SINMUN_EDGE_PURGE_BACKOFF_SECONDS * 2 ** (attempt - 1)
        retry = purge_edge.using(run_after=timezone.now() + timedelta(seconds=delay))
    retry.enqueue(keys=keys, urls=urls, attempt=attempt + 1, backends=failed)
    return purged
