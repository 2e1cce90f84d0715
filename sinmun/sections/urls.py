from django.urls import path

from sinmun.sections import views

app_name = "sections"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("reporters/<str:slug>/", views.reporter, name="reporter"),
    path("columnists/<str:slug>/", views.columnist, name="columnist"),
    path("series/<str:slug>/", views.series, name="series"),
    path("tags/<str:slug>/", views.tag, name="tag"),
]
