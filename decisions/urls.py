"""The decisions app's URLs: public pages, the protocol and its PDFs, feeds, the clerk's
meeting workspace (all under ``/arbetsyta/``) and the paragraph editor (``editor/urls.py``)."""

from django.urls import path

from . import converters  # noqa: F401 — registers <isodate:…>
from .editor import urls as editor_urls
from .views import (
    feeds,
    meeting_actions,
    meeting_workspace,
    pdfs,
    protocol,
    protocol_actions,
    public,
)

app_name = "decisions"

MEETING = "organ/<slug:body>/sammantraden/<isodate:day>/"
PARAGRAPH = "organ/<slug:body>/<int:year>/<int:number>/"
WORKSPACE = "arbetsyta/organ/<slug:body>/sammantraden/"
PREPARE = WORKSPACE + "<isodate:day>/"

urlpatterns = [
    # Public pages
    path("organ/<slug:body>/", public.body_detail, name="body"),
    path(MEETING, public.meeting_detail, name="meeting"),
    path(PARAGRAPH, public.paragraph_detail, name="paragraph"),
    path("anslagstavla/", protocol.notice_board, name="notice_board"),
    path(MEETING + "protokoll/", protocol.protocol, name="protocol"),
    # PDFs and feeds
    path(PARAGRAPH + "utdrag.pdf", pdfs.extract_pdf, name="extract_pdf"),
    path(
        PARAGRAPH + "utdrag/<int:version>.pdf",
        pdfs.extract_version_pdf,
        name="extract_version_pdf",
    ),
    path(MEETING + "protokoll.pdf", pdfs.protocol_pdf, name="protocol_pdf"),
    path(MEETING + "anslag.pdf", pdfs.notice_pdf, name="notice_pdf"),
    path("beslut/flode/", feeds.LatestDecisionsFeed(), name="feed_all"),
    path("organ/<slug:body>/flode/", feeds.BodyDecisionsFeed(), name="feed_body"),
    path("organ/<slug:body>/sammantraden.ics", feeds.body_calendar, name="calendar_body"),
    # The clerk's actions on a protocol
    path(MEETING + "justera/", protocol_actions.justera_meeting, name="justera"),
    path(MEETING + "anslag/", protocol_actions.post_notice, name="post_notice"),
    path(MEETING + "anslag/rattelse/", protocol_actions.correct_notice, name="correct_notice"),
    path(PARAGRAPH + "rattelse/", protocol_actions.add_correction, name="add_correction"),
    path(PARAGRAPH + "expediering/", protocol_actions.expediering, name="expediering"),
    # The meeting workspace
    path(WORKSPACE + "nytt/", meeting_workspace.create_meeting, name="create_meeting"),
    path(PREPARE, meeting_workspace.prepare_meeting, name="prepare_meeting"),
    path(PREPARE + "uppgifter/", meeting_actions.update_meeting, name="update_meeting"),
    path(PREPARE + "dagordning/arende/", meeting_actions.add_case, name="agenda_add_case"),
    path(PREPARE + "dagordning/punkt/", meeting_actions.add_item, name="agenda_add_item"),
    path(
        PREPARE + "dagordning/motioner/",
        meeting_actions.announce_motions,
        name="agenda_announce_motions",
    ),
    path(PREPARE + "dagordning/ta-bort/", meeting_actions.remove_paragraph, name="agenda_remove"),
    path(PREPARE + "dagordning/flytta/", meeting_actions.move_paragraph, name="agenda_move"),
    path(PREPARE + "dagordning/numrera-om/", meeting_actions.renumber, name="agenda_renumber"),
    path(PREPARE + "narvaro/", meeting_actions.attendance, name="meeting_attendance"),
    path(PREPARE + "justerare/", meeting_actions.adjusters, name="meeting_adjusters"),
    path(PREPARE + "genomfort/", meeting_actions.mark_held, name="meeting_held"),
    *editor_urls.urlpatterns,
]
