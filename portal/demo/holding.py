"""Holding the present-day demo's past meetings: agenda, attendance, justerare, justering, anslag.

A meeting that carries a motion's § (``stories.Item``) is held through the services, as a clerk
holds it: ``add_paragraph``, the editor's writes, ``set_attendance``, ``set_adjusters``,
``mark_held``, ``decide_motion``, ``post_notice``. A meeting with only its two ordinary items is
written in bulk, a handful of queries instead of a hundred, from the same plan (``Roll``); the
tests check every demo meeting against the rules the services enforce (quorum, the chair
present, justerare present and not the chair). Either way the approvals are written as the
seed loader writes them, so the extracts are rendered on first request, not at load.
"""

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max

from decisions import law
from decisions.models import (
    Attendance,
    DecisionPoint,
    Justering,
    Meeting,
    MeetingAdjuster,
    Paragraph,
)
from decisions.services import agenda, attendance, content, justering, meetings, notices
from decisions.services.casework import answer_referral
from decisions.services.motion_outcome import decide_motion
from decisions.services.proposals import add_proposal
from organisation.models import Membership, Person

from . import calendar
from .people import Seat
from .stories import Item

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Roll:
    """Who attends: ledamöter present, ersättare serving for the absent, the two justerare."""

    present: list[Person]
    substitutions: list[tuple[Person, Person]]
    """(ersättare, the ledamot they serve for)."""
    adjusters: list[Person]


def roll(seats: list[Seat], code: str, day: datetime.date, people: dict[str, Person]) -> Roll:
    """All ledamöter but one (three in KF), each absent one replaced by the party's first
    ersättare; the chair and vice chair always there. Justerare: two ordinary ledamöter present,
    of different parties, in turn by month."""
    members = [s for s in seats if s.role != Membership.Role.SUBSTITUTE]
    ordinary = [s for s in members if s.role == Membership.Role.MEMBER]
    count = 3 if code == "KF" else 1
    absent = {ordinary[(day.toordinal() + 5 * i) % len(ordinary)] for i in range(count)}
    spare = defaultdict(list)
    for seat in seats:
        if seat.role == Membership.Role.SUBSTITUTE:
            spare[seat.party].append(seat)
    present, substitutions = [], []
    for seat in members:
        if seat not in absent:
            present.append(people[seat.full_name])
        elif spare[seat.party]:
            stand_in = spare[seat.party].pop(0)
            substitutions.append((people[stand_in.full_name], people[seat.full_name]))
    candidates = [s for s in ordinary if s not in absent]
    shift = day.month % len(candidates)
    candidates = candidates[shift:] + candidates[:shift]
    first = candidates[0]
    second = next(s for s in candidates if s.party != first.party)
    return Roll(present, substitutions, [people[first.full_name], people[second.full_name]])


def approval_time(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, calendar.JUSTERING_HOUR, tzinfo=STOCKHOLM)


def add_items(present, meeting: Meeting) -> list[tuple[Item, Paragraph]]:
    """Put the stories' §§ planned for ``meeting`` on its agenda, through the services."""
    added = []
    for item in present.items.pop((meeting.body.code, meeting.date), []):
        paragraph = agenda.add_paragraph(meeting=meeting, case=item.case)
        for text in item.decision_points:
            content.add_decision_point(paragraph=paragraph, text=text)
        if item.proposal_to:
            add_proposal(
                paragraph=paragraph,
                to_body=present.bodies[item.proposal_to],
                points=item.proposal_points,
            )
        for referral in item.answers:
            answer_referral(referral=referral, paragraph=paragraph)
        added.append((item, paragraph))
    present.result.created += len(added)
    return added


def hold_with_services(present, meeting: Meeting, plan: Roll) -> None:
    # The motions' §§ only: the ordinary items are the bulk-held meetings' (load time).
    motions = add_items(present, meeting)
    code = meeting.body.code
    attendance.set_attendance(
        meeting=meeting,
        members=[attendance.Presence(p) for p in plan.present],
        serving=[attendance.Substitution(p, replaces=r) for p, r in plan.substitutions],
        substitutes=[],
        others=[attendance.Other(calendar.PLACES[code].secretary, "sekreterare")],
    )
    meetings.set_adjusters(meeting=meeting, adjusters=plan.adjusters)
    meetings.mark_held(meeting=meeting, today=present.today)
    for item, paragraph in motions:
        if item.outcome:
            decide_motion(paragraph=paragraph, outcome=item.outcome)
    meeting.refresh_from_db()
    present.result.created += len(plan.present) + len(plan.substitutions) + 3
    if meeting.justering_on <= present.today:
        at = approval_time(meeting.justering_on)
        approvals = [
            Justering(
                meeting=meeting,
                person=person,
                role=justering.check_justera(meeting=meeting, person=person, at=at),
                approved_at=at,
            )
            for person in [meeting.chair, *plan.adjusters]
        ]
        _justera(present, meeting, approvals, at)
        posted_on = meeting.justering_on + calendar.NOTICE_AFTER
        if posted_on <= present.today:
            notices.post_notice(
                meeting=meeting, posted_on=posted_on, kept_at=calendar.PLACES[code].protocol_kept_at
            )


def _justera(present, meeting: Meeting, approvals: list[Justering], at) -> None:
    Justering.objects.bulk_create(approvals)
    Paragraph.objects.filter(meeting=meeting, status=Paragraph.Status.OJUSTERAD).update(
        status=Paragraph.Status.JUSTERAD, justerad_at=at
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    present.result.created += len(approvals)


def hold_in_bulk(present, meeting: Meeting, plan: Roll) -> None:
    """The same meeting as ``hold_with_services`` would write, for one with ordinary items
    only: §§ numbered on from the body's highest of the year, rows written in bulk."""
    code, day = meeting.body.code, meeting.date
    top = Paragraph.objects.filter(body=meeting.body, year=day.year).aggregate(n=Max("number"))
    items = calendar.items_for(code, day)
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(meeting=meeting, body=meeting.body, year=day.year, number=number, title=title)
        for number, (title, _) in enumerate(items, start=(top["n"] or 0) + 1)
    )
    DecisionPoint.objects.bulk_create(
        DecisionPoint(paragraph=p, position=1, text=decision)
        for p, (_, decision) in zip(paragraphs, items, strict=True)
    )
    rows = [
        Attendance(meeting=meeting, kind=Attendance.Kind.MEMBER, person=p) for p in plan.present
    ]
    rows += [
        Attendance(meeting=meeting, kind=Attendance.Kind.SERVING_SUBSTITUTE, person=p, replaces=r)
        for p, r in plan.substitutions
    ]
    rows.append(
        Attendance(
            meeting=meeting,
            kind=Attendance.Kind.OTHER,
            name=calendar.PLACES[code].secretary,
            title="sekreterare",
        )
    )
    Attendance.objects.bulk_create(rows)
    MeetingAdjuster.objects.bulk_create(
        MeetingAdjuster(meeting=meeting, person=p, position=i)
        for i, p in enumerate(plan.adjusters, start=1)
    )
    present.result.created += len(paragraphs) * 2 + len(rows) + len(plan.adjusters)
    status = Meeting.Status.HELD
    if meeting.justering_on <= present.today:
        at = approval_time(meeting.justering_on)
        roles = [Justering.Role.CHAIR] + [Justering.Role.ADJUSTER] * len(plan.adjusters)
        approvals = [
            Justering(meeting=meeting, person=person, role=role, approved_at=at)
            for person, role in zip([meeting.chair, *plan.adjusters], roles, strict=True)
        ]
        _justera(present, meeting, approvals, at)
        status = Meeting.Status.JUSTERAT
    posted_on = meeting.justering_on + calendar.NOTICE_AFTER
    notice = {}
    if status == Meeting.Status.JUSTERAT and posted_on <= present.today:
        notice = {
            "notice_posted_on": posted_on,
            "notice_removed_on": law.notice_taken_down_on(posted_on),
            "protocol_kept_at": calendar.PLACES[code].protocol_kept_at,
        }
    Meeting.objects.filter(pk=meeting.pk).update(status=status, **notice)


def hold(present, key) -> None:
    """Hold the past meeting ``key`` of the calendar: with the services if a story put a
    motion's § on it, else in bulk."""
    meeting = present.meetings[key]
    plan = roll(present.seats_on(*key), key[0], key[1], present.people)
    if present.items.get(key):
        hold_with_services(present, meeting, plan)
    else:
        hold_in_bulk(present, meeting, plan)
