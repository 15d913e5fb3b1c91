"""URLs of the paragraph editor: its page, and under it every action of its two sections.

Every action is a POST of one small form; a GET goes back to the page (or, with htmx, shows
the section).
"""

from django.urls import path

from . import content_actions as content
from . import debate_actions as debate
from .page import edit_paragraph

PAGE = "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/"
C = PAGE + "innehall/"
D = PAGE + "debatt/"

urlpatterns = [
    path(PAGE, edit_paragraph, name="edit_paragraph"),
    # Beslut och underlag
    path(f"{C}arende/", content.save_arende, name="content_arende"),
    path(f"{C}beslut/ny/", content.add_decision_point, name="content_decision_add"),
    path(f"{C}beslut/<int:pk>/", content.edit_decision_point, name="content_decision_edit"),
    path(f"{C}citerar/", content.save_quotes, name="content_quotes"),
    path(f"{C}forslag/ny/", content.add_proposal, name="content_proposal_add"),
    path(f"{C}forslag/hamta/", content.copy_proposal, name="content_proposal_copy"),
    path(
        f"{C}forslag/<int:pk>/ny-punkt/",
        content.add_proposal_point,
        name="content_proposal_point_add",
    ),
    path(
        f"{C}forslagspunkt/<int:pk>/",
        content.edit_proposal_point,
        name="content_proposal_point_edit",
    ),
    path(f"{C}underlag/ny/", content.add_basis, name="content_basis_add"),
    path(f"{C}underlag/<int:pk>/", content.edit_basis, name="content_basis_edit"),
    path(f"{C}mottagare/ny/", content.add_recipient, name="content_recipient_add"),
    path(f"{C}jav/ny/", content.add_jav, name="content_jav_add"),
    path(f"{C}anteckning/ny/", content.add_note, name="content_note_add"),
    path(f"{C}motion/", content.save_motion_outcome, name="content_motion"),
    path(f"{C}<slug:kind>/<int:pk>/ta-bort/", content.delete_part, name="content_delete"),
    path(f"{C}<slug:kind>/<int:pk>/flytta/", content.move_part, name="content_move"),
    # Yrkanden och beslutsordning
    path(f"{D}yrkanden/ny/", debate.add_yrkande, name="debate_add_yrkande"),
    path(f"{D}yrkanden/<int:yrkande>/", debate.edit_yrkande, name="debate_edit_yrkande"),
    path(f"{D}yrkanden/<int:yrkande>/flytta/", debate.move_yrkande, name="debate_move_yrkande"),
    path(
        f"{D}yrkanden/<int:yrkande>/ta-bort/", debate.delete_yrkande, name="debate_delete_yrkande"
    ),
    path(f"{D}yrkanden/<int:yrkande>/minoritet/", debate.minority, name="debate_minority"),
    path(f"{D}propositioner/ny/", debate.add_proposition, name="debate_add_proposition"),
    path(
        f"{D}propositioner/<int:proposition>/ta-bort/",
        debate.delete_proposition,
        name="debate_delete_proposition",
    ),
    path(f"{D}propositioner/<int:proposition>/votering/", debate.vote, name="debate_vote"),
    path(
        f"{D}propositioner/<int:proposition>/votering/ta-bort/",
        debate.delete_vote,
        name="debate_delete_vote",
    ),
    path(f"{D}reservationer/ny/", debate.add_reservation, name="debate_add_reservation"),
    path(
        f"{D}reservationer/<int:reservation>/ta-bort/",
        debate.delete_reservation,
        name="debate_delete_reservation",
    ),
]
