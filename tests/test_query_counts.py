"""Query counts per page do not grow with the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Attendance, DecisionPoint, Proposal, ProposalPoint
from motions.models import Case, Motionar, Referral
from organisation.models import Body

from .factories import (
    AttendanceFactory,
    BodyFactory,
    CaseFactory,
    MeetingFactory,
    MembershipFactory,
    MotionFactory,
    ParagraphFactory,
    PartyFactory,
)

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def municipality():
    kf = BodyFactory(code="KF", slug="kf", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    ks = BodyFactory(code="KS", slug="ks", kind=Body.Kind.EXECUTIVE_BOARD, name="Kommunstyrelsen")
    return kf, ks


def add_motions(count: int, kf, ks, start: int) -> None:
    party = PartyFactory(abbreviation="MP")
    for i in range(start, start + count):
        kf_meeting = MeetingFactory(body=kf, date=datetime.date(2020, 1, 1) + datetime.timedelta(i))
        motion = MotionFactory(
            case=CaseFactory(kind=Case.Kind.MOTION, year=2020, serial=i + 1),
            dated_on=kf_meeting.date,
            raised_at=kf_meeting,
        )
        member = MembershipFactory(body=kf, party=party).person
        Motionar.objects.create(motion=motion, person=member, party=party, position=1)
        Referral.objects.create(
            case=motion.case, from_body=kf, to_body=ks, purpose="beredning", sent_on=kf_meeting.date
        )
        ks_meeting = MeetingFactory(body=ks, date=kf_meeting.date + datetime.timedelta(400))
        paragraph = ParagraphFactory(meeting=ks_meeting, case=motion.case, number=i + 1)
        DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Förslaget tillstyrks.")
        proposal = Proposal.objects.create(paragraph=paragraph, to_body=kf, position=1)
        ProposalPoint.objects.create(proposal=proposal, position=1, text="Motionen besvaras.")


def test_motion_register_and_start_page(client, municipality):
    kf, ks = municipality
    add_motions(3, kf, ks, start=0)
    few = (queries(client, "/motioner/"), queries(client, "/"))
    add_motions(30, kf, ks, start=3)
    many = (queries(client, "/motioner/"), queries(client, "/"))
    assert few == many


def test_body_and_meeting_pages(client, municipality):
    _, ks = municipality
    meeting = MeetingFactory(body=ks, date=datetime.date(2022, 5, 10))  # not the demo's day

    def grow(count: int, start: int) -> None:
        for i in range(start, start + count):
            membership = MembershipFactory(body=ks)
            AttendanceFactory(
                meeting=meeting, person=membership.person, kind=Attendance.Kind.MEMBER
            )
            ParagraphFactory(meeting=meeting, number=i + 1, case=CaseFactory())

    url_meeting = "/organ/ks/sammantraden/2022-05-10/"
    grow(3, 0)
    few = (queries(client, "/organ/ks/"), queries(client, url_meeting))
    grow(30, 3)
    many = (queries(client, "/organ/ks/"), queries(client, url_meeting))
    assert few == many


def test_case_page_with_many_paragraphs(client, municipality):
    kf, ks = municipality
    add_motions(1, kf, ks, start=0)
    case = Case.objects.get(dnr="KS 2020-1")
    few = queries(client, case.get_absolute_url())
    for i in range(20):
        meeting = MeetingFactory(body=ks, date=datetime.date(2023, 1, 1) + datetime.timedelta(i))
        paragraph = ParagraphFactory(meeting=meeting, case=case, number=100 + i)
        DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Återremiss.")
    assert queries(client, case.get_absolute_url()) == few
