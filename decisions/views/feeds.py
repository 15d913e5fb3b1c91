"""Atom feeds of new decisions and an iCalendar feed of a body's meetings.

The feeds are public and nobody logs in to read them, so they hold only what the public may see:
justerade paragraphs from ``Paragraph.objects.public().published()`` (a justerad paragraph is
never a draft; ``published()`` says so anyway). An entry is a paragraph; its id is the
paragraph's permanent address, which the README promises never changes.

The calendar is written by hand (RFC 5545) rather than with a library: it is one component type
with a handful of properties, and the rules that matter — CRLF, folding at 75 octets, escaping
of TEXT values, a VTIMEZONE for the TZID used — fit in a few functions tested in
``tests/test_feeds.py``.
"""

import datetime
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from decisions.models import Meeting, Paragraph, Proposal
from organisation.models import Body

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)

# How many entries a feed carries: enough for a reader polling once a week.
FEED_ITEMS = 50


def feed_paragraphs() -> QuerySet[Paragraph]:
    """Paragraphs a public feed may carry, with what an entry shows, newest first."""
    return (
        Paragraph.objects.public()
        .published()
        .justerade()
        .select_related("meeting__body", "body", "case")
        .prefetch_related(
            "decision_points",
            Prefetch("proposals", queryset=Proposal.objects.select_related("to_body")),
            "proposals__points",
        )
        .order_by("-meeting__date", "body__name", "-number")
    )


def meeting_start(meeting: Meeting) -> datetime.datetime:
    """When the meeting began, in Swedish time; midnight when the hour is not recorded."""
    return datetime.datetime.combine(
        meeting.date, meeting.starts_at or datetime.time(0), tzinfo=STOCKHOLM
    )


class ParagraphFeed(Feed):
    """What every decision feed shares: one entry per paragraph, as the protocol heads it."""

    feed_type = Atom1Feed

    def author_name(self) -> str:
        return settings.CASETRACK_MUNICIPALITY

    def item_title(self, item: Paragraph) -> str:
        return f"{item.body.name} {item.meeting.date:%Y-%m-%d} § {item.number}: {item.title}"

    def item_link(self, item: Paragraph) -> str:
        return item.get_absolute_url()

    def item_description(self, item: Paragraph) -> str:
        """The decision points (and proposals to other bodies) as HTML, as the page lists them."""
        parts = []
        if item.case_id:
            parts.append(format_html("<p>Dnr {}</p>", item.case.dnr))
        parts.append(format_html("<p>{}</p>", f"{item.body.genitive} beslut"))
        parts.append(_points(p.text for p in item.decision_points.all()))
        for proposal in item.proposals.all():
            parts.append(format_html("<p>{}</p>", proposal.heading))
            parts.append(_points(p.text for p in proposal.points.all()))
        return "".join(parts)

    def item_pubdate(self, item: Paragraph) -> datetime.datetime:
        return meeting_start(item.meeting)

    def item_updateddate(self, item: Paragraph) -> datetime.datetime:
        # Atom requires <updated> on every entry; a justerad paragraph no longer changes.
        return meeting_start(item.meeting)

    def item_categories(self, item: Paragraph) -> list[str]:
        return [item.body.name]


def _points(texts: Iterable[str]) -> str:
    return format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((t,) for t in texts)))


class LatestDecisionsFeed(ParagraphFeed):
    """/beslut/flode/ — the latest justerade decisions of every body."""

    def title(self) -> str:
        return f"Beslut i {settings.CASETRACK_MUNICIPALITY}"

    def subtitle(self) -> str:
        return "De senaste justerade paragraferna från alla organ."

    def link(self) -> str:
        return reverse("portal:home")

    def feed_url(self) -> str:
        return reverse("decisions:feed_all")

    def items(self) -> QuerySet[Paragraph]:
        return feed_paragraphs()[:FEED_ITEMS]


class BodyDecisionsFeed(ParagraphFeed):
    """/organ/<slug>/flode/ — the latest justerade decisions of one body."""

    def get_object(self, request: HttpRequest, body: str) -> Body:
        return get_object_or_404(Body, slug=body)

    def title(self, obj: Body) -> str:
        return f"{obj.genitive} beslut"

    def subtitle(self, obj: Body) -> str:
        return f"De senaste justerade paragraferna från {obj.name_in_sentence}."

    def link(self, obj: Body) -> str:
        return reverse("decisions:body", kwargs={"body": obj.slug})

    def feed_url(self, obj: Body) -> str:
        return reverse("decisions:feed_body", kwargs={"body": obj.slug})

    def items(self, obj: Body) -> QuerySet[Paragraph]:
        return feed_paragraphs().filter(body=obj)[:FEED_ITEMS]


# --- iCalendar (RFC 5545) ------------------------------------------------------------------

# Sweden follows the EU rule: summer time from the last Sunday of March, 02.00, to the last
# Sunday of October, 03.00. RFC 5545 3.2.19: every TZID used needs its VTIMEZONE.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets (RFC 5545 3.1), never inside a UTF-8 character.

    Each continuation line starts with one space, which counts towards its ``limit``.
    """
    chunks: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            chunks.append(current)
            current, size = " ", 1
        current += char
        size += octets
    chunks.append(current)
    return "\r\n".join(chunks)


def _ical_datetime(moment: datetime.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def meeting_event(meeting: Meeting, url: str, stamp: datetime.datetime) -> list[str]:
    """One VEVENT: a meeting of a body, at its hour in Swedish time or else all day."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@casetrack",
        f"DTSTAMP:{stamp.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
    ]
    if meeting.starts_at:
        lines.append(f"DTSTART;TZID={TZID}:{_ical_datetime(meeting_start(meeting))}")
        if meeting.ends_at and meeting.ends_at > meeting.starts_at:
            end = datetime.datetime.combine(meeting.date, meeting.ends_at)
            lines.append(f"DTEND;TZID={TZID}:{_ical_datetime(end)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{meeting.date + datetime.timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{ical_text(f'{meeting.body.name} sammanträder')}")
    if meeting.place:
        lines.append(f"LOCATION:{ical_text(meeting.place)}")
    lines.append(f"URL:{url}")
    lines.append(f"DESCRIPTION:{ical_text(f'Sammanträdet: {url}')}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    body: Body,
    meetings: Iterable[Meeting],
    absolute_url: Callable[[str], str],
    stamp: datetime.datetime,
) -> str:
    """The whole VCALENDAR as text with CRLF line endings, folded.

    ``absolute_url`` turns a path into a full address (``request.build_absolute_uri``);
    ``stamp`` is the DTSTAMP of every event, the moment the calendar is written.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//casetrack//Sammanträden//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_text(f'{body.name} – sammanträden')}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for meeting in meetings:
        meeting.body = body
        lines.extend(meeting_event(meeting, absolute_url(meeting.get_absolute_url()), stamp))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def body_calendar(request: HttpRequest, body: str) -> HttpResponse:
    """/organ/<slug>/sammantraden.ics — the body's meetings, to subscribe to in a calendar."""
    organ = get_object_or_404(Body, slug=body)
    meetings = Meeting.objects.filter(body=organ).order_by("date")
    text = calendar(organ, meetings, request.build_absolute_uri, timezone.now())
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{organ.slug}-sammantraden.ics"'
    return response
