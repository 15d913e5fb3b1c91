"""Atom feeds of decisions and the iCalendar feed of meetings: valid, public only, stable."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from decisions.models import DecisionPoint, Meeting, Paragraph
from decisions.views.feeds import fold, ical_text
from motions.models import Case
from organisation.models import Body

from .factories import BodyFactory, MeetingFactory, ParagraphFactory

ATOM = "{http://www.w3.org/2005/Atom}"

KS_59 = (
    "Kommunstyrelsen 2022-03-08 § 59: Utöka den områdesbaserade socialtjänsten, svar på motion (MP)"
)
KS_60 = (
    "Kommunstyrelsen 2022-03-08 § 60: Områdesbaserat socialt arbete i hela kommunen, "
    "svar på motion (S)"
)
SON_2 = (
    "Social- och omsorgsnämnden 2022-02-16 § 2: Utöka den områdesbaserade socialtjänsten, "
    "svar på motion (MP)"
)
SON_3 = (
    "Social- och omsorgsnämnden 2022-02-16 § 3: Områdesbaserat socialt arbete i hela kommunen, "
    "svar på motion (S)"
)


def entries(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}updated").text
    result = []
    for entry in feed.findall(f"{ATOM}entry"):
        result.append(
            {
                "title": entry.find(f"{ATOM}title").text,
                "id": entry.find(f"{ATOM}id").text,
                "link": entry.find(f"{ATOM}link").get("href"),
                "summary": entry.find(f"{ATOM}summary").text,
                "published": entry.find(f"{ATOM}published").text,
                "updated": entry.find(f"{ATOM}updated").text,
            }
        )
    return result


def titles(client, url: str) -> list[str]:
    return [e["title"] for e in entries(client, url)]


def test_all_decisions_feed_has_the_newest_decisions_first(client, demo):
    # The present-day demo's decisions are newer than the seeds' and come first.
    published = [e["published"] for e in entries(client, "/beslut/flode/")]
    assert published and published == sorted(published, reverse=True)


def test_a_seed_paragraph_in_the_feeds(client, demo):
    items = entries(client, "/arenden/ks-2019-295/flode/")
    ks59 = items[0]
    assert ks59["link"] == "http://testserver/organ/ks/2022/59/"
    assert "Social- och omsorgsnämndens förslag tillstyrks." in ks59["summary"]
    assert "Motionen besvaras med att social- och omsorgsnämnden" in ks59["summary"]
    # Meeting date and hour in Swedish time (CET in March).
    assert ks59["published"] == "2022-03-08T13:00:00+01:00"
    assert ks59["updated"] == ks59["published"]


def test_entry_ids_are_unique_and_stable(client, demo):
    first = [e["id"] for e in entries(client, "/beslut/flode/")]
    assert len(set(first)) == len(first)
    assert first == [e["id"] for e in entries(client, "/beslut/flode/")]
    # The same paragraph has the same id in every feed it appears in.
    case_ids = {e["id"] for e in entries(client, "/arenden/ks-2019-295/flode/")}
    body_ids = {
        e["id"] for url in ("/organ/ks/flode/", "/organ/son/flode/") for e in entries(client, url)
    }
    assert case_ids and case_ids <= body_ids


def test_body_feed_has_only_that_body(client, demo):
    # The seeds' decisions last, after the present-day demo's newer ones.
    son, ks, kf = (titles(client, f"/organ/{code}/flode/") for code in ("son", "ks", "kf"))
    assert son[-2:] == [SON_3, SON_2]
    assert ks[-2:] == [KS_60, KS_59]
    assert kf
    for feed, name in (
        (son, "Social- och omsorgsnämnden "),
        (ks, "Kommunstyrelsen "),
        (kf, "Kommunfullmäktige "),
    ):
        assert all(title.startswith(name) for title in feed)


def test_case_feed_follows_the_motion_through_the_bodies(client, demo):
    assert titles(client, "/arenden/ks-2019-295/flode/") == [KS_59, SON_2]
    assert titles(client, "/arenden/ks-2020-493/flode/") == [KS_60, SON_3]


@pytest.mark.parametrize(
    "url", ["/organ/xx/flode/", "/arenden/ks-1999-1/flode/", "/organ/xx/sammantraden.ics"]
)
def test_unknown_body_or_case_is_404(client, demo, url):
    assert client.get(url).status_code == 404


def test_a_secret_case_has_no_feed(client, demo):
    Case.objects.filter(dnr="KS 2020-493").update(is_secret=True)
    assert client.get("/arenden/ks-2020-493/flode/").status_code == 404
    for url in ("/beslut/flode/", "/organ/ks/flode/", "/organ/son/flode/"):
        shown = titles(client, url)
        assert KS_60 not in shown and SON_3 not in shown
    assert KS_59 in titles(client, "/organ/ks/flode/")
    assert SON_2 in titles(client, "/organ/son/flode/")


def test_a_secret_paragraph_is_in_no_feed(client, demo):
    paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=60)
    paragraph.is_secret = True
    paragraph.save()
    for url in ("/beslut/flode/", "/organ/ks/flode/", "/arenden/ks-2020-493/flode/"):
        content = client.get(url).content.decode()
        assert "§ 60" not in content
        assert "/organ/ks/2022/60/" not in content
        assert KS_60 not in content
    assert titles(client, "/arenden/ks-2020-493/flode/") == [SON_3]


def test_an_ojusterad_paragraph_waits_for_justering(client, demo):
    # A later KS meeting on the same case, not yet justerat.
    ks = Body.objects.get(code="KS")
    case = Paragraph.objects.get(body=ks, year=2022, number=59).case
    meeting = MeetingFactory(body=ks, date=datetime.date(2022, 4, 5))
    ParagraphFactory(meeting=meeting, number=90, case=case, title="Återremitterat ärende")
    assert "Återremitterat ärende" not in " ".join(titles(client, "/beslut/flode/"))
    assert titles(client, "/arenden/ks-2019-295/flode/") == [KS_59, SON_2]


def test_feed_queries_do_not_grow_with_entries(client, db):
    ks = BodyFactory(code="KS", slug="ks", kind=Body.Kind.EXECUTIVE_BOARD, name="Kommunstyrelsen")

    def grow(count: int, start: int) -> None:
        for i in range(start, start + count):
            meeting = MeetingFactory(
                body=ks, date=datetime.date(2022, 1, 1) + datetime.timedelta(i)
            )
            paragraph = ParagraphFactory(meeting=meeting, number=i + 1)
            DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Bifall.")
            # Justerad after its parts, as the service does (PostgreSQL refuses the reverse).
            Paragraph.objects.filter(pk=paragraph.pk).update(status=Paragraph.Status.JUSTERAD)

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = ("/beslut/flode/", "/organ/ks/flode/")
    grow(3, 0)
    few = [count(url) for url in urls]
    grow(30, 3)
    assert few == [count(url) for url in urls]


# --- iCalendar ------------------------------------------------------------------------------


def unfold(content: bytes) -> list[str]:
    return content.decode("utf-8").replace("\r\n ", "").split("\r\n")


@pytest.fixture
def second_meeting(demo):
    """A planned KS meeting without an hour, in a place that needs escaping."""
    return Meeting.objects.create(
        body=Body.objects.get(code="KS"),
        date=datetime.date(2022, 4, 5),
        place='Sal 1; "Gröna rummet", plan 2\nIngång A\\B',
    )


def test_calendar_has_one_event_per_meeting(client, second_meeting):
    response = client.get("/organ/ks/sammantraden.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    # CRLF after every line, and no bare LF anywhere.
    assert content.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in content.replace(b"\r\n", b"")
    # Folded at 75 octets.
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))

    lines = unfold(content)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    # The seed meeting, the fixture's and the present-day demo's calendar.
    meetings = Meeting.objects.filter(body__code="KS").count()
    assert meetings > 2
    assert lines.count("BEGIN:VEVENT") == meetings
    assert lines.count("END:VEVENT") == meetings
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/Stockholm" in lines

    held = Meeting.objects.get(body__code="KS", date=datetime.date(2022, 3, 8))
    assert f"UID:meeting-{held.pk}@casetrack" in lines
    assert f"UID:meeting-{second_meeting.pk}@casetrack" in lines
    assert "DTSTART;TZID=Europe/Stockholm:20220308T130000" in lines
    assert "DTSTART;VALUE=DATE:20220405" in lines
    assert "DTEND;VALUE=DATE:20220406" in lines
    assert lines.count("SUMMARY:Kommunstyrelsen sammanträder") == meetings
    assert "LOCATION:Stadshuset\\, Linköping" in lines
    assert 'LOCATION:Sal 1\\; "Gröna rummet"\\, plan 2\\nIngång A\\\\B' in lines
    assert "URL:http://testserver/organ/ks/sammantraden/2022-03-08/" in lines
    assert sum(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines) == meetings


def test_uids_are_stable(client, second_meeting):
    def uids() -> list[str]:
        lines = unfold(client.get("/organ/ks/sammantraden.ics").content)
        return [line for line in lines if line.startswith("UID:")]

    assert uids() == uids()


def test_calendar_of_another_body_has_only_its_meetings(client, second_meeting):
    lines = unfold(client.get("/organ/son/sammantraden.ics").content)
    assert lines.count("BEGIN:VEVENT") == Meeting.objects.filter(body__code="SON").count()
    assert "SUMMARY:Social- och omsorgsnämnden sammanträder" in lines
    assert "SUMMARY:Kommunstyrelsen sammanträder" not in lines


@pytest.mark.parametrize(
    "value",
    ["a" * 200, "å" * 100, "€" * 60 + "a", "Kommunstyrelsen – " * 10, "x" * 75, "x" * 76],
)
def test_folding_keeps_lines_short_and_characters_whole(value):
    folded = fold(f"DESCRIPTION:{value}")
    for line in folded.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == f"DESCRIPTION:{value}"


def test_a_line_of_75_octets_is_not_folded():
    assert "\r\n" not in fold("x" * 75)
    assert fold("x" * 76) == "x" * 75 + "\r\n x"


def test_text_escaping():
    assert ical_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


# --- The include for other pages ------------------------------------------------------------


def test_feed_links_include_renders_the_links_given():
    html = render_to_string(
        "includes/feed_links.html",
        {"atom_url": "/organ/ks/flode/", "ics_url": "/organ/ks/sammantraden.ics"},
    )
    assert '<a href="/organ/ks/flode/" type="application/atom+xml">' in html
    assert '<a href="/organ/ks/sammantraden.ics" type="text/calendar">' in html
    only_atom = render_to_string("includes/feed_links.html", {"atom_url": "/beslut/flode/"})
    assert "text/calendar" not in only_atom
    assert render_to_string("includes/feed_links.html", {}).strip() == ""
