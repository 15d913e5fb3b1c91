"""Renumbering a meeting's §§: from 1 to 59 and back, swaps, clashes, and after justering.

The body-year's unique § numbers must hold at every step (PostgreSQL checks each row), and
the history must record the new numbers.
"""

import datetime

import pytest

from common.errors import ServiceError
from decisions import services
from decisions.models import Attendance, Meeting, Paragraph

from .factories import BodyFactory, MeetingFactory, MembershipFactory, ParagraphFactory

D = datetime.date


@pytest.fixture
def meeting(db) -> Meeting:
    # Not the demo's KS, whose 2022 has §§ 59–60 already.
    body = BodyFactory(code="BN", name="Byggnadsnämnden", size=5)
    meeting = MeetingFactory(body=body, date=D(2022, 3, 8))
    for title in ("Första", "Andra", "Tredje"):
        services.add_paragraph(meeting=meeting, title=title)
    return meeting


def agenda(meeting: Meeting) -> list[tuple[int, str]]:
    return list(meeting.paragraphs.order_by("number").values_list("number", "title"))


def test_renumber_from_1_to_59_and_back(meeting):
    assert agenda(meeting) == [(1, "Första"), (2, "Andra"), (3, "Tredje")]
    services.renumber(meeting=meeting, first=59)
    assert agenda(meeting) == [(59, "Första"), (60, "Andra"), (61, "Tredje")]
    services.renumber(meeting=meeting, first=1)
    assert agenda(meeting) == [(1, "Första"), (2, "Andra"), (3, "Tredje")]
    # Overlapping ranges both ways: 1–3 → 2–4 → 1–3.
    services.renumber(meeting=meeting, first=2)
    assert agenda(meeting) == [(2, "Första"), (3, "Andra"), (4, "Tredje")]
    services.renumber(meeting=meeting, first=1)
    assert [n for n, _ in agenda(meeting)] == [1, 2, 3]


def test_the_history_records_the_new_numbers(meeting):
    first = meeting.paragraphs.get(number=1)
    services.renumber(meeting=meeting, first=59)
    numbers = list(first.history.order_by("history_id").values_list("number", flat=True))
    assert numbers == [1, 59]
    assert first.history.latest("history_id").history_change_reason == "Omnumrering"


def test_the_next_paragraph_follows_the_renumbered_ones(meeting):
    services.renumber(meeting=meeting, first=59)
    assert services.add_paragraph(meeting=meeting, title="Fjärde").number == 62


def test_a_gap_is_closed(meeting):
    services.remove_paragraph(paragraph=meeting.paragraphs.get(number=2))
    services.renumber(meeting=meeting, first=1)
    assert agenda(meeting) == [(1, "Första"), (2, "Tredje")]


def test_a_swap(meeting):
    second = meeting.paragraphs.get(number=2)
    services.move(paragraph=second, direction="up")
    assert agenda(meeting) == [(1, "Andra"), (2, "Första"), (3, "Tredje")]
    second.refresh_from_db()
    services.move(paragraph=second, direction="down")
    services.move(paragraph=meeting.paragraphs.get(title="Andra"), direction="down")
    assert agenda(meeting) == [(1, "Första"), (2, "Tredje"), (3, "Andra")]
    with pytest.raises(ServiceError, match="§ 3 står redan sist på föredragningslistan"):
        services.move(paragraph=meeting.paragraphs.get(number=3), direction="down")
    with pytest.raises(ServiceError, match="§ 1 står redan först på föredragningslistan"):
        services.move(paragraph=meeting.paragraphs.get(number=1), direction="up")


def test_a_clash_with_another_meeting_is_refused(meeting):
    later = MeetingFactory(body=meeting.body, date=D(2022, 4, 5))
    ParagraphFactory(meeting=later, number=60)
    before = agenda(meeting)
    with pytest.raises(ServiceError, match="§ 60 finns redan i sammanträdet 2022-04-05"):
        services.renumber(meeting=meeting, first=59)
    assert agenda(meeting) == before
    services.renumber(meeting=meeting, first=61)
    assert [n for n, _ in agenda(meeting)] == [61, 62, 63]


def test_renumbering_is_allowed_when_held_but_not_after_justering(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    meeting.refresh_from_db()
    services.renumber(meeting=meeting, first=10)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    meeting.refresh_from_db()
    with pytest.raises(ServiceError, match="Protokollet är justerat"):
        services.renumber(meeting=meeting, first=1)
    with pytest.raises(ServiceError, match="Protokollet är justerat"):
        services.move(paragraph=meeting.paragraphs.get(number=11), direction="up")
    assert [n for n, _ in agenda(meeting)] == [10, 11, 12]


def test_a_justerad_paragraph_stops_renumbering(meeting):
    Paragraph.objects.filter(meeting=meeting, number=2).update(status=Paragraph.Status.JUSTERAD)
    with pytest.raises(ServiceError, match="§ 2 är justerad"):
        services.renumber(meeting=meeting, first=59)
    assert [n for n, _ in agenda(meeting)] == [1, 2, 3]


def test_attendance_ranges_follow_their_paragraphs(meeting):
    ledamot = MembershipFactory(body=meeting.body, role="ledamot").person
    ersattare = MembershipFactory(body=meeting.body, role="ersattare").person
    services.set_attendance(
        meeting=meeting,
        members=[],
        serving=[services.Substitution(ersattare, ledamot, 2, 3)],
        substitutes=[],
        others=[],
    )
    services.renumber(meeting=meeting, first=59)
    row = Attendance.objects.get(meeting=meeting)
    assert (row.from_number, row.to_number) == (60, 61)
    # A swap across the range's edge would change whom the ersättare served for: refused.
    with pytest.raises(ServiceError, match="ändra närvaron först"):
        services.move(paragraph=meeting.paragraphs.get(number=59), direction="down")
    services.move(paragraph=meeting.paragraphs.get(number=60), direction="down")
    assert agenda(meeting) == [(59, "Första"), (60, "Tredje"), (61, "Andra")]
