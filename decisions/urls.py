from django.urls import path, register_converter

from . import feeds, views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IsoDateConverter, "isodate")

app_name = "decisions"
urlpatterns = [
    path("beslut/flode/", feeds.LatestDecisionsFeed(), name="feed_all"),
    path("organ/<slug:body>/flode/", feeds.BodyDecisionsFeed(), name="feed_body"),
    path("organ/<slug:body>/sammantraden.ics", feeds.body_calendar, name="calendar_body"),
    path("organ/<slug:body>/", views.body_detail, name="body"),
    path("organ/<slug:body>/sammantraden/<isodate:day>/", views.meeting_detail, name="meeting"),
    path("organ/<slug:body>/<int:year>/<int:number>/", views.paragraph_detail, name="paragraph"),
]
