"""Reads about meetings and paragraphs: parties, terms, attendance groups and pages' querysets.

Who serves, takes part, may vote or reserve in a § is ``decisions.models.participation``'s.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from motions.models import Motion, Motionar
from organisation.models import Membership

from .models import (
    Attendance,
    Ballot,
    Meeting,
    Paragraph,
    Proposal,
    Proposition,
    PropositionAlternative,
    Reservation,
    Yrkande,
    YrkandeMember,
)
from .models.participation import DECIDING_KINDS


def parties_in(body_id: int, day: datetime.date) -> dict[int, str]:
    """Party abbreviation of each member of a body on a day: the '(MP)' after a name."""
    return dict(
        Membership.objects.on(day)
        .filter(body_id=body_id)
        .values_list("person_id", "party__abbreviation")
    )


def parties_by_meeting(meetings: Iterable[Meeting]) -> dict[int, dict[int, str]]:
    """``parties_in`` for several meetings in one query: meeting id → person id → party."""
    meetings = list(meetings)
    if not meetings:
        return {}
    days = [m.date for m in meetings]
    rows = Membership.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=min(days)),
        body_id__in={m.body_id for m in meetings},
        starts_on__lte=max(days),
    ).values_list("body_id", "person_id", "party__abbreviation", "starts_on", "ends_on")
    by_body: dict[int, list[tuple]] = defaultdict(list)
    for body_id, *rest in rows:
        by_body[body_id].append(tuple(rest))
    return {
        meeting.pk: {
            person_id: party
            for person_id, party, starts_on, ends_on in by_body[meeting.body_id]
            if starts_on <= meeting.date and (ends_on is None or ends_on >= meeting.date)
        }
        for meeting in meetings
    }


def paragraphs_with_parts() -> QuerySet[Paragraph]:
    """Paragraphs with every part a protocol shows, fetched in a fixed number of queries."""
    return Paragraph.objects.select_related(
        "meeting__body", "body", "case", "quotes__meeting__body", "quotes__body", "quotes__case"
    ).prefetch_related(
        "decision_points",
        Prefetch("proposals", queryset=Proposal.objects.select_related("to_body")),
        "proposals__points",
        "quotes__decision_points",
        Prefetch("quotes__proposals", queryset=Proposal.objects.select_related("to_body")),
        "quotes__proposals__points",
        Prefetch(
            "yrkanden",
            queryset=Yrkande.objects.select_related("target_body").prefetch_related(
                Prefetch("memberships", queryset=YrkandeMember.objects.select_related("person"))
            ),
        ),
        Prefetch(
            "propositions",
            queryset=Proposition.objects.prefetch_related(
                Prefetch(
                    "alternative_rows", queryset=PropositionAlternative.objects.order_by("position")
                ),
                Prefetch("vote__ballots", queryset=Ballot.objects.select_related("person")),
            ).select_related("vote"),
        ),
        Prefetch("reservations", queryset=Reservation.objects.select_related("person")),
        "notes__persons",
        "jav__person",
        "basis__document",
        "recipients",
        Prefetch(
            "announced_motions",
            queryset=Motion.objects.select_related("case")
            .order_by("dated_on", "case__year", "case__serial")
            .prefetch_related(
                Prefetch("signers", queryset=Motionar.objects.select_related("person", "party"))
            ),
        ),
    )


def meetings_with_body() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body", "chair")


@dataclass(frozen=True)
class Term:
    """The members of a body for one period, as the body page lists them."""

    starts_on: datetime.date
    ends_on: datetime.date | None
    memberships: list[Membership]


def terms(memberships: Iterable[Membership]) -> list[Term]:
    """Group memberships by the term they started in, newest first; roles in Role order.

    A member who left early (or joined late) stays in their term; the page shows their own dates.
    """
    order = {role: i for i, role in enumerate(Membership.Role.values)}
    grouped: dict[datetime.date, list[Membership]] = {}
    for membership in memberships:
        grouped.setdefault(membership.starts_on, []).append(membership)
    result = []
    for start, rows in sorted(grouped.items(), reverse=True):
        ends = [m.ends_on for m in rows]
        result.append(
            Term(
                starts_on=start,
                ends_on=None if None in ends else max(ends),
                memberships=sorted(rows, key=lambda m: (order[m.role], m.person.last_name)),
            )
        )
    return result


@dataclass(frozen=True)
class AttendanceGroups:
    deciding: list[Attendance]
    substitutes: list[Attendance]
    others: list[Attendance]


def attendance_groups(meeting: Meeting) -> AttendanceGroups:
    """Beslutande, ersättare and övriga deltagare, as a protocol's front page lists them."""
    rows = list(meeting.attendance.all())
    return AttendanceGroups(
        deciding=[r for r in rows if r.kind in DECIDING_KINDS],
        substitutes=[r for r in rows if r.kind == Attendance.Kind.SUBSTITUTE],
        others=[r for r in rows if r.kind == Attendance.Kind.OTHER],
    )
