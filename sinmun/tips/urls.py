from django.urls import path

from sinmun.tips import views

app_name = "tips"
urlpatterns = [
    path("tips/", views.tip_form, name="new"),
    path("tips/thanks/", views.tip_thanks, name="thanks"),
]
