"""A motion's state is derived from its referrals and paragraphs, step by step along its path."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisions.cases import with_state
from decisions.models import Meeting, Proposal
from motions.models import Motion, Referral, Stage, add_years, overdue_cutoff
from organisation.models import Body

from .factories import BodyFactory, MeetingFactory, MotionFactory, ParagraphFactory

D = datetime.date


def state(motion: Motion) -> tuple[str, str | None, datetime.date]:
    annotated = with_state(Motion.objects.all()).get(pk=motion.pk)
    holder = Body.objects.get(pk=annotated.holder_id).code if annotated.holder_id else None
    return annotated.stage, holder, annotated.since


@pytest.mark.django_db
def test_the_path_of_a_motion():
    # The demo's path three years later, on days when the demo's bodies have no meeting.
    kf = BodyFactory(code="KF", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    ks = BodyFactory(code="KS", kind=Body.Kind.EXECUTIVE_BOARD, name="Kommunstyrelsen")
    son = BodyFactory(code="SON", name="Social- och omsorgsnämnden")
    motion = MotionFactory(dated_on=D(2022, 3, 21))
    assert state(motion) == (Stage.RECEIVED, None, D(2022, 3, 21))

    motion.raised_at = MeetingFactory(body=kf, date=D(2022, 4, 23))
    motion.save()
    assert state(motion) == (Stage.RAISED, "KF", D(2022, 4, 23))

    to_ks = Referral.objects.create(
        case=motion.case, from_body=kf, to_body=ks, purpose="beredning", sent_on=D(2022, 4, 23)
    )
    assert state(motion) == (Stage.REFERRED, "KS", D(2022, 4, 23))

    to_son = Referral.objects.create(
        case=motion.case, from_body=ks, to_body=son, purpose="yttrande", sent_on=D(2022, 4, 26)
    )
    assert state(motion) == (Stage.REFERRED, "SON", D(2022, 4, 26))

    son_paragraph = ParagraphFactory(
        meeting=MeetingFactory(body=son, date=D(2023, 2, 16)), case=motion.case, number=2
    )
    to_son.answered_by_paragraph = son_paragraph
    to_son.save()
    assert state(motion) == (Stage.OPINION_GIVEN, "KS", D(2023, 2, 16))

    ks_paragraph = ParagraphFactory(
        meeting=MeetingFactory(body=ks, date=D(2023, 3, 8)), case=motion.case, number=59
    )
    Proposal.objects.create(paragraph=ks_paragraph, to_body=kf, position=1)
    to_ks.answered_by_paragraph = ks_paragraph
    to_ks.save()
    # Until KS has met, its paragraph is a draft and proposes nothing in public.
    assert state(motion)[0] != Stage.PROPOSED
    Meeting.objects.filter(pk=ks_paragraph.meeting_id).update(status=Meeting.Status.HELD)
    assert state(motion) == (Stage.PROPOSED, "KF", D(2023, 3, 8))

    kf_paragraph = ParagraphFactory(
        meeting=MeetingFactory(body=kf, date=D(2023, 4, 25)), case=motion.case, number=80
    )
    motion.outcome, motion.decided_by = Motion.Outcome.ANSWERED, kf_paragraph
    motion.save()
    assert state(motion) == (Stage.DECIDED, None, D(2023, 4, 25))


@pytest.mark.django_db
def test_a_secret_paragraph_does_not_move_the_public_state():
    kf = BodyFactory(code="KF", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    ks = BodyFactory(code="KS", kind=Body.Kind.EXECUTIVE_BOARD, name="Kommunstyrelsen")
    motion = MotionFactory(raised_at=MeetingFactory(body=kf, date=D(2023, 1, 20)))
    Referral.objects.create(
        case=motion.case, from_body=kf, to_body=ks, purpose="beredning", sent_on=D(2023, 1, 20)
    )
    secret = ParagraphFactory(
        meeting=MeetingFactory(body=ks, date=D(2023, 3, 8)), case=motion.case, is_secret=True
    )
    Proposal.objects.create(paragraph=secret, to_body=kf, position=1)
    assert state(motion)[0] == Stage.REFERRED


@pytest.mark.django_db
def test_overdue_filter_matches_is_overdue_on_the_boundary():
    kf = BodyFactory(code="KF", kind=Body.Kind.COUNCIL, name="Kommunfullmäktige")
    motion = MotionFactory(raised_at=MeetingFactory(body=kf, date=D(2020, 2, 29)))
    for today in (D(2021, 2, 28), D(2021, 3, 1)):
        listed = Motion.objects.overdue(today).filter(pk=motion.pk).exists()
        assert listed is motion.is_overdue(today), today
    assert not Motion.objects.overdue(D(2021, 2, 28)).filter(pk=motion.pk).exists()
    assert Motion.objects.overdue(D(2021, 3, 1)).filter(pk=motion.pk).exists()


@given(st.dates(min_value=D(2001, 1, 1), max_value=D(2060, 12, 31)), st.integers(0, 800))
def test_overdue_cutoff_agrees_with_the_deadline(raised, days_later):
    today = raised + datetime.timedelta(days=days_later)
    assert (raised <= overdue_cutoff(today)) is (today > add_years(raised, 1))
