"""URLs of the paragraph editor's content section (see decisions/editor_content.py).

Every path is a POST action under the editor page; a GET redirects to the page.
"""

from django.urls import path

from . import editor_content as views

P = "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/innehall/"

urlpatterns = [
    path(f"{P}arende/", views.save_arende, name="content_arende"),
    path(f"{P}beslut/ny/", views.add_decision_point, name="content_decision_add"),
    path(f"{P}beslut/<int:pk>/", views.edit_decision_point, name="content_decision_edit"),
    path(f"{P}citerar/", views.save_quotes, name="content_quotes"),
    path(f"{P}forslag/ny/", views.add_proposal, name="content_proposal_add"),
    path(f"{P}forslag/hamta/", views.copy_proposal, name="content_proposal_copy"),
    path(
        f"{P}forslag/<int:pk>/ny-punkt/",
        views.add_proposal_point,
        name="content_proposal_point_add",
    ),
    path(
        f"{P}forslagspunkt/<int:pk>/",
        views.edit_proposal_point,
        name="content_proposal_point_edit",
    ),
    path(f"{P}underlag/ny/", views.add_basis, name="content_basis_add"),
    path(f"{P}underlag/<int:pk>/", views.edit_basis, name="content_basis_edit"),
    path(f"{P}mottagare/ny/", views.add_recipient, name="content_recipient_add"),
    path(f"{P}jav/ny/", views.add_jav, name="content_jav_add"),
    path(f"{P}anteckning/ny/", views.add_note, name="content_note_add"),
    path(f"{P}motion/", views.save_motion_outcome, name="content_motion"),
    path(f"{P}<slug:kind>/<int:pk>/ta-bort/", views.delete_part, name="content_delete"),
    path(f"{P}<slug:kind>/<int:pk>/flytta/", views.move_part, name="content_move"),
]
