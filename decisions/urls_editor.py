"""The clerk's paragraph editor (htmx): decision points, yrkanden, beslutsordning, votes."""

from django.urls import path

from . import editor_views, urls_editor_content, urls_editor_debate

urlpatterns = [
    path(
        "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/",
        editor_views.edit_paragraph,
        name="edit_paragraph",
    ),
    *urls_editor_content.urlpatterns,
    *urls_editor_debate.urlpatterns,
]
