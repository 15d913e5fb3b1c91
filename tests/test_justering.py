"""Justering of a protocol, omedelbar justering, corrections and expediering (services)."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from decisions import services
from decisions.models import Correction, Justering, Meeting, MeetingAdjuster, Paragraph, Recipient

from .factories import MeetingFactory, ParagraphFactory, PersonFactory

D = datetime.date
TZ = timezone.get_default_timezone()


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TZ)


@pytest.fixture
def meeting(db):
    chair, first, second = PersonFactory(), PersonFactory(), PersonFactory()
    meeting = MeetingFactory(date=D(2022, 3, 8), chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=first, position=1)
    MeetingAdjuster.objects.create(meeting=meeting, person=second, position=2)
    ParagraphFactory(meeting=meeting, number=59)
    ParagraphFactory(meeting=meeting, number=60)
    meeting.people = (chair, first, second)
    return meeting


JUSTERING_DAY = D(2022, 3, 15)


def approve_all(meeting, day=JUSTERING_DAY):
    for person in meeting.people:
        services.approve_protocol(meeting=meeting, person=person, at=at(day))


def test_the_last_approval_makes_the_protocol_justerat(meeting, django_capture_on_commit_callbacks):
    chair, first, second = meeting.people
    with mock.patch("decisions.tasks.schedule_extracts") as schedule:
        with django_capture_on_commit_callbacks(execute=True):
            services.approve_protocol(meeting=meeting, person=chair, at=at(D(2022, 3, 14)))
            services.approve_protocol(meeting=meeting, person=first, at=at(D(2022, 3, 15)))
        meeting.refresh_from_db()
        assert meeting.status == Meeting.Status.HELD
        assert not Paragraph.objects.justerade().filter(meeting=meeting).exists()
        schedule.assert_not_called()
        with django_capture_on_commit_callbacks(execute=True):
            services.approve_protocol(meeting=meeting, person=second, at=at(D(2022, 3, 15), 11))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    assert meeting.justering_on == D(2022, 3, 15)
    roles = dict(Justering.objects.filter(meeting=meeting).values_list("person_id", "role"))
    assert roles == {chair.pk: "ordforande", first.pk: "justerare", second.pk: "justerare"}
    paragraphs = list(meeting.paragraphs.all())
    assert {p.status for p in paragraphs} == {Paragraph.Status.JUSTERAD}
    assert {p.justerad_at for p in paragraphs} == {at(D(2022, 3, 15), 11)}
    schedule.assert_called_once()
    assert sorted(schedule.call_args.args[0]) == sorted(p.pk for p in paragraphs)


def test_a_justering_date_entered_beforehand_is_kept(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(justering_on=D(2022, 3, 15))
    meeting.refresh_from_db()
    approve_all(meeting, D(2022, 3, 16))
    meeting.refresh_from_db()
    assert meeting.justering_on == D(2022, 3, 15)


def refused(match: str, **kwargs):
    before = (Justering.objects.count(), list(Meeting.objects.values_list("status", flat=True)))
    with pytest.raises(services.ServiceError, match=match):
        services.approve_protocol(**kwargs)
    after = (Justering.objects.count(), list(Meeting.objects.values_list("status", flat=True)))
    assert before == after


def test_refusals_change_nothing(meeting):
    chair, first, _ = meeting.people
    refused(
        "varken ordförande eller justerare",
        meeting=meeting,
        person=PersonFactory(),
        at=at(D(2022, 3, 15)),
    )
    refused("före sammanträdet", meeting=meeting, person=chair, at=at(D(2022, 3, 7)))
    services.approve_protocol(meeting=meeting, person=first, at=at(D(2022, 3, 15)))
    refused("redan justerat", meeting=meeting, person=first, at=at(D(2022, 3, 15)))


def test_a_meeting_without_chair_or_adjusters_or_not_held_is_refused(db):
    person = PersonFactory()
    no_chair = MeetingFactory(status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=no_chair, person=person, position=1)
    refused("saknar ordförande", meeting=no_chair, person=person, at=at(no_chair.date))
    no_adjusters = MeetingFactory(status=Meeting.Status.HELD, chair=person)
    refused("saknar justerare", meeting=no_adjusters, person=person, at=at(no_adjusters.date))
    planned = MeetingFactory(chair=person)
    MeetingAdjuster.objects.create(meeting=planned, person=PersonFactory(), position=1)
    refused("inte genomfört", meeting=planned, person=person, at=at(planned.date))


def test_a_justerat_protocol_takes_no_more_approvals(meeting):
    approve_all(meeting)
    refused("redan justerat", meeting=meeting, person=meeting.people[0], at=at(D(2022, 3, 16)))


def test_late_justering_is_flagged_not_refused(meeting):
    approve_all(meeting, D(2022, 3, 23))  # 15 days after the meeting
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    assert services.justering_is_late(meeting)
    assert not services.is_late_justering(D(2022, 3, 8), D(2022, 3, 22))  # day 14 is in time
    assert services.is_late_justering(D(2022, 3, 8), D(2022, 3, 23))


def test_omedelbar_justering_of_one_paragraph(meeting, django_capture_on_commit_callbacks):
    paragraph = meeting.paragraphs.get(number=59)
    with (
        mock.patch("decisions.tasks.schedule_extracts") as schedule,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.justera_immediately(paragraph=paragraph, at=at(D(2022, 3, 8), 15))
    paragraph.refresh_from_db()
    assert paragraph.immediately_justerad
    assert paragraph.status == Paragraph.Status.JUSTERAD
    assert paragraph.justerad_at == at(D(2022, 3, 8), 15)
    schedule.assert_called_once_with([paragraph.pk])
    with pytest.raises(services.ServiceError, match="redan justerad"):
        services.justera_immediately(paragraph=paragraph, at=at(D(2022, 3, 8), 16))
    other = meeting.paragraphs.get(number=60)
    with pytest.raises(services.ServiceError, match="vid sammanträdet"):
        services.justera_immediately(paragraph=other, at=at(D(2022, 3, 9)))
    # The protocol's justering later leaves the immediately justerad paragraph as it was.
    approve_all(meeting)
    paragraph.refresh_from_db()
    assert paragraph.justerad_at == at(D(2022, 3, 8), 15)


def test_correction_only_of_a_justerad_paragraph_and_with_a_reason(meeting, admin_user):
    paragraph = meeting.paragraphs.get(number=59)
    kwargs = {"made_on": D(2022, 3, 20), "text": "Punkt 1 ska lyda …", "user": admin_user}
    with pytest.raises(services.ServiceError, match="inte justerad"):
        services.correct(paragraph=paragraph, reason="Skrivfel", **kwargs)
    approve_all(meeting)
    paragraph.refresh_from_db()
    with pytest.raises(services.ServiceError) as exc:
        services.correct(paragraph=paragraph, reason="  ", **kwargs)
    assert "Ange skälet" in str(exc.value.message_dict["reason"])
    assert not Correction.objects.exists()
    correction = services.correct(paragraph=paragraph, reason="Skrivfel", **kwargs)
    assert correction.made_by == admin_user
    assert correction.reason == "Skrivfel"


def test_expediering_after_justering_or_omedelbar_justering(meeting):
    p59, p60 = meeting.paragraphs.order_by("number")
    r59 = Recipient.objects.create(paragraph=p59, position=1, name="Kommunfullmäktige")
    r60 = Recipient.objects.create(paragraph=p60, position=1, name="Motionärerna")
    with pytest.raises(services.ServiceError, match="först när paragrafen är justerad"):
        services.mark_sent(recipient=r59, sent_on=D(2022, 3, 8))
    services.justera_immediately(paragraph=p59, at=at(D(2022, 3, 8), 15))
    services.mark_sent(recipient=r59, sent_on=D(2022, 3, 9))
    r59.refresh_from_db()
    assert r59.sent_on == D(2022, 3, 9)
    with pytest.raises(services.ServiceError, match="först när"):
        services.mark_sent(recipient=r60, sent_on=D(2022, 3, 9))
    approve_all(meeting)
    services.mark_sent(recipient=r60, sent_on=D(2022, 3, 16))
    r60.refresh_from_db()
    assert r60.sent_on == D(2022, 3, 16)


# --- Notice (anslag) -------------------------------------------------------------------------


def test_post_notice_refused_before_justering(meeting):
    with pytest.raises(services.ServiceError, match="inte justerat"):
        services.post_notice(meeting=meeting, posted_on=D(2022, 3, 16), kept_at="Stadshuset")
    meeting.refresh_from_db()
    assert meeting.notice_posted_on is None


def test_post_notice_sets_the_day_it_comes_down(meeting):
    approve_all(meeting)
    services.post_notice(meeting=meeting, posted_on=D(2022, 3, 16), kept_at="Stadshuset")
    meeting.refresh_from_db()
    assert meeting.notice_posted_on == D(2022, 3, 16)
    # Up through the last day to appeal, 2022-04-06, and down the day after.
    assert meeting.notice_removed_on == D(2022, 4, 7)
    assert meeting.protocol_kept_at == "Stadshuset"
    assert not services.notice_is_late(meeting)


def test_a_late_notice_is_flagged_not_refused(meeting):
    approve_all(meeting)
    with pytest.raises(services.ServiceError, match="före justeringen"):
        services.post_notice(meeting=meeting, posted_on=D(2022, 3, 14), kept_at="Stadshuset")
    services.post_notice(meeting=meeting, posted_on=D(2022, 3, 18), kept_at="Stadshuset")
    meeting.refresh_from_db()
    assert services.notice_is_late(meeting)
