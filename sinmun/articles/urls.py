from django.urls import path, register_converter

from sinmun.articles import views


class ArticleIdConverter:
    """A page id as stored: at most nine digits, so no number overflows the database's integer."""

    regex = "[1-9][0-9]{0,8}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(ArticleIdConverter, "article_id")

app_name = "articles"
urlpatterns = [
    path("news/<article_id:article_id>", views.permalink, name="permalink"),
    path("news/<article_id:article_id>/read", views.read, name="read"),
    path("news/<article_id:article_id>/live", views.live, name="live"),
]
