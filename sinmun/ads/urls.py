from django.urls import path

from sinmun.ads import views

app_name = "ads"
urlpatterns = [
    path("ad/<int:ad_id>/click", views.click, name="click"),
    path("ad/views", views.views, name="views"),
]
