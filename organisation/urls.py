from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("arbetsyta/", views.workspace, name="workspace"),
    path("personer/<int:pk>-<str:slug>/", views.person_detail, name="person"),
    path("partier/<slug:abbreviation>/", views.party_detail, name="party"),
]
