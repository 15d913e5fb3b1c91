"""The present-day demo (``portal.demo.present``): a clerk can work on today's date.

The session's demo is loaded on the real date (``tests/conftest.py``), so the first tests ask
about ``today``; the last load it on pinned dates (``load_demo --today``) into an empty
database: twice on one day, and a year apart.
"""

import datetime
from collections import Counter

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from decisions import law
from decisions import meeting_selectors as ms
from decisions.cases import with_state
from decisions.models import Meeting, participation
from decisions.services import create_meeting
from decisions.services.casework import register_motion
from motions.models import Motion, Registry, Stage
from organisation.models import Body, Membership

from .roles import secretary
from .test_demo import snapshot
from .text import visible_text

D = datetime.date
TZ = timezone.get_default_timezone()
PRESENT_DAY = D(2022, 10, 15)


def present_motions():
    return with_state(
        Motion.objects.filter(case__registered_on__gte=PRESENT_DAY).select_related("case")
    )


@pytest.mark.parametrize(("code", "seats"), [("KF", 81), ("KS", 15), ("SON", 13)])
def test_each_body_has_a_current_term_with_its_seats_and_a_chair(demo, code, seats):
    today = timezone.localdate()
    body = Body.objects.get(code=code)
    on = Membership.objects.on(today).filter(body=body)
    ledamoter = [m for m in on if m.is_voting_member]
    assert len(ledamoter) == seats == body.size
    assert on.filter(role=Membership.Role.SUBSTITUTE).exists()
    assert on.filter(role=Membership.Role.CHAIR).count() == 1
    # One party per person: the same invented politician never changes sides.
    parties = Counter(Membership.objects.values_list("person_id", "party_id").distinct())
    assert len({person for person, _ in parties}) == len(parties)


def test_a_ks_meeting_can_be_created_next_month_with_a_chair(demo):
    today = timezone.localdate()
    first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    day = first + datetime.timedelta(days=(3 - first.weekday()) % 7)  # a Thursday: no demo day
    ks = Body.objects.get(code="KS")
    offered = list(ms.memberships_on(ks.pk, day))
    assert len([m for m in offered if m.is_voting_member]) == 15
    chair = next(m.person for m in offered if m.role == Membership.Role.CHAIR)
    meeting = create_meeting(body=ks, date=day, chair=chair, place="Stadshuset")
    assert meeting.status == Meeting.Status.PLANNED and meeting.chair == chair


def test_the_new_meeting_page_offers_chairs_on_the_day(client, demo):
    day = timezone.localdate() + datetime.timedelta(days=40)
    client.force_login(secretary("KS"))
    # Refused (justering before the meeting), so the form comes back with the day's seats.
    before = (day - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        "/arbetsyta/organ/ks/sammantraden/nytt/",
        {"date": day.isoformat(), "chair": "", "justering_on": before},
    )
    assert response.status_code == 422
    chair = Membership.objects.on(day).get(body__code="KS", role=Membership.Role.CHAIR)
    assert f'value="{chair.person_id}"' in response.content.decode()


def test_a_motion_dated_today_can_be_registered(demo):
    today = timezone.localdate()
    signer = Membership.objects.on(today).filter(body__code="KF").first().person
    motion = register_motion(
        registry=Registry.objects.get(code="KS"),
        title="Motion om fler bänkar längs Stångån",
        dated_on=today,
        registered_on=today,
        raised_at=None,
        signers=[(signer, None)],
        att_satser=["Kommunen ställer ut fler bänkar."],
    )
    assert motion.case.dnr.startswith(f"KS {today.year}-")


def test_motions_at_every_stage(demo):
    today = timezone.localdate()
    motions = list(present_motions())
    stages = Counter(m.stage for m in motions)
    assert stages[Stage.RECEIVED] == 1
    assert stages[Stage.REFERRED] >= 2
    assert stages[Stage.OPINION_GIVEN] >= 1
    assert stages[Stage.PROPOSED] == 1
    outcomes = {m.outcome for m in motions if m.stage == Stage.DECIDED}
    assert outcomes == {Motion.Outcome.GRANTED, Motion.Outcome.REJECTED, Motion.Outcome.ANSWERED}
    overdue = [m for m in motions if m.is_overdue(today)]
    assert len(overdue) == 1 and overdue[0].stage == Stage.OPINION_GIVEN
    near = [m for m in motions if m.deadline and not m.decided_by_id and m.deadline > today]
    soonest = min(near, key=lambda m: m.deadline)
    assert soonest.deadline <= today + datetime.timedelta(days=75)
    assert all(m.dated_on <= today for m in motions)


def test_every_present_day_meeting_obeys_the_rules(demo):
    today = timezone.localdate()
    meetings = Meeting.objects.filter(date__gte=PRESENT_DAY).select_related("body", "chair")
    statuses = Counter(m.status for m in meetings)
    assert statuses[Meeting.Status.JUSTERAT] > 20 and statuses[Meeting.Status.PLANNED] >= 1
    for meeting in meetings:
        if meeting.status == Meeting.Status.PLANNED:
            assert meeting.date >= today, meeting
            continue
        assert meeting.date < today
        attendance = list(meeting.attendance.all())
        present = participation.present_members(attendance)
        assert meeting.chair_id in present, meeting
        adjusters = ms.adjusters_of(meeting)
        assert len(adjusters) == 2 and meeting.chair not in adjusters
        assert all(a.pk in present for a in adjusters), meeting
        report = ms.quorum_report(meeting)
        assert report and all(row.has_quorum for row in report), meeting
        if meeting.notice_posted_on:
            assert meeting.status == Meeting.Status.JUSTERAT
            assert meeting.notice_removed_on == law.notice_taken_down_on(meeting.notice_posted_on)
            assert meeting.justering_on < meeting.notice_posted_on <= today


def test_the_clerks_workspace_has_work_today(client, demo):
    client.force_login(secretary("KS"))
    text = visible_text(client.get("/arbetsyta/"))
    assert "obesvarade" in text


def test_running_twice_on_one_day_adds_nothing(empty_database):
    call_command("load_demo", "--today", "2026-12-02", verbosity=0)
    first = snapshot()
    call_command("load_demo", "--today", "2026-12-02", verbosity=0)
    assert snapshot() == first


def test_a_year_later_it_extends(empty_database):
    call_command("load_demo", "--today", "2026-12-02", verbosity=0)
    before = {m.case.dnr: (m.stage, m.outcome) for m in present_motions()}
    meetings = set(Meeting.objects.values_list("pk", flat=True))
    memberships = Membership.objects.count()
    assert len(before) == 10

    later = D(2027, 12, 2)
    # A year later is a year later for the services too: a justering may not lie ahead of now.
    with time_machine.travel(datetime.datetime(2027, 12, 2, 12, tzinfo=TZ), tick=False):
        call_command("load_demo", "--today", later.isoformat(), verbosity=0)
    after = {m.case.dnr: m for m in present_motions()}
    assert len(after) == 20
    # Nothing of the first run is duplicated, and its decided motions stay decided.
    titles = [m.case.title for m in after.values()]
    assert len(set(titles)) == len(titles)
    assert all(after[dnr].outcome == outcome for dnr, (_, outcome) in before.items())
    # KF's and KS's 2026–2030 terms were already there; the 2027 calendar is new.
    assert Membership.objects.count() == memberships
    assert set(Meeting.objects.values_list("pk", flat=True)) > meetings
    assert Meeting.objects.filter(date__year=2027).count() >= 30
    # The first run's meetings planned after 2026-12-02 have been held since.
    assert not Meeting.objects.filter(status=Meeting.Status.PLANNED, date__lt=later).exists()
    new = [m for dnr, m in after.items() if dnr not in before]
    assert {m.stage for m in new} >= {
        Stage.RECEIVED,
        Stage.REFERRED,
        Stage.OPINION_GIVEN,
        Stage.PROPOSED,
        Stage.DECIDED,
    }
    assert sum(m.is_overdue(later) for m in new) == 1

    again = snapshot()
    call_command("load_demo", "--today", later.isoformat(), verbosity=0)
    assert snapshot() == again
