from django_tasks import task

from sinmun.syndication import services


@task()
def notify_indexnow(urls: list[str]) -> int:
    """Tell IndexNow endpoints that `urls` changed, outside the editor's request."""
    return services.notify_indexnow(urls=urls)
