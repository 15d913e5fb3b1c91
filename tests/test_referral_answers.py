"""A justerad paragraph answers the referral it was the answer to (issue: referrals that close
themselves): the receiving body's § on the case, once justerad, unless it only sent the matter
back or postponed it."""

import datetime

import pytest
from django.utils import timezone

from decisions import services
from decisions.models import Meeting, MeetingAdjuster, Yrkande
from decisions.services.casework import answer_referral
from motions.models import Referral

from .factories import BodyFactory, CaseFactory, MeetingFactory, ParagraphFactory, PersonFactory

D = datetime.date
TZ = timezone.get_default_timezone()
TODAY = timezone.localdate()


def at(day: datetime.date) -> datetime.datetime:
    """10 o'clock on ``day``, or now if that is later than now: a justering is never ahead."""
    return min(datetime.datetime.combine(day, datetime.time(10), tzinfo=TZ), timezone.now())


@pytest.fixture
def setting(db):
    ks, son = BodyFactory(code="XKS"), BodyFactory(code="XSON")
    case = CaseFactory(registered_on=TODAY - datetime.timedelta(days=60))
    referral = Referral.objects.create(
        case=case,
        from_body=ks,
        to_body=son,
        purpose=Referral.Purpose.OPINION,
        sent_on=TODAY - datetime.timedelta(days=50),
        due_on=TODAY - datetime.timedelta(days=5),
    )
    return ks, son, case, referral


def held_meeting(body, day):
    chair, adjuster = PersonFactory(), PersonFactory()
    meeting = MeetingFactory(body=body, date=day, chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    meeting.people = (chair, adjuster)
    return meeting


def justera(meeting, day):
    for person in meeting.people:
        services.approve_protocol(meeting=meeting, person=person, at=at(day))


def test_the_receiving_bodys_justerad_paragraph_answers_the_referral(setting):
    _, son, case, referral = setting
    meeting = held_meeting(son, TODAY - datetime.timedelta(days=7))
    paragraph = ParagraphFactory(meeting=meeting, case=case, title="Yttrande")
    ParagraphFactory(meeting=meeting, title="Ett annat ärende")
    justera(meeting, TODAY - datetime.timedelta(days=6))
    referral.refresh_from_db()
    assert referral.answered_by_paragraph == paragraph


def test_nothing_is_answered_before_justering(setting):
    _, son, case, referral = setting
    meeting = held_meeting(son, TODAY)
    ParagraphFactory(meeting=meeting, case=case)
    services.approve_protocol(meeting=meeting, person=meeting.people[0], at=at(TODAY))
    referral.refresh_from_db()
    assert referral.answered_by_paragraph is None


def test_omedelbar_justering_answers_too(setting):
    _, son, case, referral = setting
    meeting = held_meeting(son, TODAY)
    paragraph = ParagraphFactory(meeting=meeting, case=case)
    services.justera_immediately(paragraph=paragraph, at=at(TODAY))
    referral.refresh_from_db()
    assert referral.answered_by_paragraph == paragraph


def test_another_bodys_paragraph_does_not_answer(setting):
    ks, _, case, referral = setting
    meeting = held_meeting(ks, TODAY)
    ParagraphFactory(meeting=meeting, case=case)
    justera(meeting, TODAY)
    referral.refresh_from_db()
    assert referral.answered_by_paragraph is None


def test_a_paragraph_from_before_the_referral_does_not_answer(setting):
    _, son, case, referral = setting
    meeting = held_meeting(son, referral.sent_on - datetime.timedelta(days=1))
    ParagraphFactory(meeting=meeting, case=case)
    justera(meeting, TODAY)
    referral.refresh_from_db()
    assert referral.answered_by_paragraph is None


@pytest.mark.parametrize("kind", [Yrkande.Kind.REFERRAL_BACK, Yrkande.Kind.POSTPONEMENT])
def test_a_paragraph_that_sent_the_matter_back_or_postponed_it_answers_nothing(setting, kind):
    _, son, case, referral = setting
    meeting = held_meeting(son, TODAY)
    paragraph = ParagraphFactory(meeting=meeting, case=case)
    Yrkande.objects.create(
        paragraph=paragraph, position=1, kind=kind, outcome=Yrkande.Outcome.CARRIED
    )
    justera(meeting, TODAY)
    referral.refresh_from_db()
    assert referral.answered_by_paragraph is None


def test_a_referral_answered_by_a_document_keeps_its_answer(setting):
    _, son, case, referral = setting
    document = case.documents.create(title="Yttrande", date=TODAY - datetime.timedelta(days=3))
    answer_referral(referral=referral, document=document)
    meeting = held_meeting(son, TODAY)
    ParagraphFactory(meeting=meeting, case=case)
    justera(meeting, TODAY)
    referral.refresh_from_db()
    assert referral.answered_by_document == document
    assert referral.answered_by_paragraph is None
