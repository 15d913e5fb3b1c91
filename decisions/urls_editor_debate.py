"""URLs of the paragraph editor's debate section (see decisions/editor_debate.py).

Every action posts one small form under the paragraph's editor URL; a GET shows the section
(htmx) or sends the clerk back to the editor page.
"""

from django.urls import path

from . import editor_debate as views

P = "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/debatt/"

urlpatterns = [
    path(f"{P}yrkanden/ny/", views.add_yrkande, name="debate_add_yrkande"),
    path(f"{P}yrkanden/<int:yrkande>/", views.edit_yrkande, name="debate_edit_yrkande"),
    path(f"{P}yrkanden/<int:yrkande>/flytta/", views.move_yrkande, name="debate_move_yrkande"),
    path(f"{P}yrkanden/<int:yrkande>/ta-bort/", views.delete_yrkande, name="debate_delete_yrkande"),
    path(f"{P}yrkanden/<int:yrkande>/minoritet/", views.minority, name="debate_minority"),
    path(f"{P}propositioner/ny/", views.add_proposition, name="debate_add_proposition"),
    path(
        f"{P}propositioner/<int:proposition>/ta-bort/",
        views.delete_proposition,
        name="debate_delete_proposition",
    ),
    path(f"{P}propositioner/<int:proposition>/votering/", views.vote, name="debate_vote"),
    path(
        f"{P}propositioner/<int:proposition>/votering/ta-bort/",
        views.delete_vote,
        name="debate_delete_vote",
    ),
    path(f"{P}reservationer/ny/", views.add_reservation, name="debate_add_reservation"),
    path(
        f"{P}reservationer/<int:reservation>/ta-bort/",
        views.delete_reservation,
        name="debate_delete_reservation",
    ),
]
