from django.urls import path

from . import views

app_name = "motions"
urlpatterns = [
    path("", views.home, name="home"),
    path("motioner/", views.motion_list, name="motion_list"),
    path("arenden/<slug:slug>/", views.case_detail, name="case"),
]
