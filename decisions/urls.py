from django.urls import path

from . import (
    converters,  # noqa: F401 — registers <isodate:…>
    feeds,
    pdf_views,
    protocol_views,
    urls_editor,
    urls_meetings,
    views,
)

app_name = "decisions"
urlpatterns = [
    path("beslut/flode/", feeds.LatestDecisionsFeed(), name="feed_all"),
    path("organ/<slug:body>/flode/", feeds.BodyDecisionsFeed(), name="feed_body"),
    path("organ/<slug:body>/sammantraden.ics", feeds.body_calendar, name="calendar_body"),
    path("organ/<slug:body>/", views.body_detail, name="body"),
    path("organ/<slug:body>/sammantraden/<isodate:day>/", views.meeting_detail, name="meeting"),
    path("organ/<slug:body>/<int:year>/<int:number>/", views.paragraph_detail, name="paragraph"),
    path(
        "organ/<slug:body>/<int:year>/<int:number>/utdrag.pdf",
        pdf_views.extract_pdf,
        name="extract_pdf",
    ),
    path(
        "organ/<slug:body>/sammantraden/<isodate:day>/protokoll/",
        protocol_views.protocol,
        name="protocol",
    ),
    path(
        "organ/<slug:body>/sammantraden/<isodate:day>/protokoll.pdf",
        pdf_views.protocol_pdf,
        name="protocol_pdf",
    ),
    path(
        "organ/<slug:body>/sammantraden/<isodate:day>/anslag.pdf",
        pdf_views.notice_pdf,
        name="notice_pdf",
    ),
    path(
        "organ/<slug:body>/sammantraden/<isodate:day>/justera/",
        protocol_views.justera_meeting,
        name="justera",
    ),
    path(
        "organ/<slug:body>/sammantraden/<isodate:day>/anslag/",
        protocol_views.post_notice,
        name="post_notice",
    ),
    path(
        "organ/<slug:body>/<int:year>/<int:number>/rattelse/",
        protocol_views.add_correction,
        name="add_correction",
    ),
    path(
        "organ/<slug:body>/<int:year>/<int:number>/expediering/",
        protocol_views.expediering,
        name="expediering",
    ),
    path("anslagstavla/", protocol_views.notice_board, name="notice_board"),
]
urlpatterns += urls_meetings.urlpatterns + urls_editor.urlpatterns
