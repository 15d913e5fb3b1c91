"""The clerk's meeting pages: create a meeting, its agenda, attendance, renumbering."""

from django.urls import path

from . import converters  # noqa: F401 — registers <isodate:…>
from . import meeting_views as views

PREFIX = "arbetsyta/organ/<slug:body>/sammantraden/"
MEETING = PREFIX + "<isodate:day>/"

urlpatterns: list = [
    path(PREFIX + "nytt/", views.create_meeting, name="create_meeting"),
    path(MEETING, views.prepare_meeting, name="prepare_meeting"),
    path(MEETING + "uppgifter/", views.update_meeting, name="update_meeting"),
    path(MEETING + "dagordning/arende/", views.add_case, name="agenda_add_case"),
    path(MEETING + "dagordning/punkt/", views.add_item, name="agenda_add_item"),
    path(MEETING + "dagordning/ta-bort/", views.remove_paragraph, name="agenda_remove"),
    path(MEETING + "dagordning/flytta/", views.move_paragraph, name="agenda_move"),
    path(MEETING + "dagordning/numrera-om/", views.renumber, name="agenda_renumber"),
    path(MEETING + "narvaro/", views.attendance, name="meeting_attendance"),
    path(MEETING + "justerare/", views.adjusters, name="meeting_adjusters"),
    path(MEETING + "genomfort/", views.mark_held, name="meeting_held"),
]
