from django.urls import path

from sinmun.articles import views

app_name = "articles"
urlpatterns = [
    path("news/<int:article_id>", views.permalink, name="permalink"),
    path("news/<int:article_id>/read", views.read, name="read"),
]
