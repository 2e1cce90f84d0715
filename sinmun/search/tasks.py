from django_tasks import task

from sinmun.search import services


@task()
def index_page(page_id: int) -> str:
    """(Re)index one page, or drop it from the index, outside the editor's request."""
    return services.index_page(page_id)
