from django.urls import path

from sinmun.comments import views

app_name = "comments"
urlpatterns = [
    path("news/<article_id:article_id>/comments/", views.thread, name="thread"),
    path("news/<article_id:article_id>/comments/list", views.thread_list, name="list"),
    path("news/<article_id:article_id>/comments/new", views.write, name="write"),
    path("comments/<int:comment_id>/", views.posted, name="posted"),
    path("comments/<int:comment_id>/report", views.report, name="report"),
]
