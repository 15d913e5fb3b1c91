"""Reads for the clerk's meeting workspace: who sits in the body, the agenda, quorum per §.

The pure helpers (``quorum_rows``, ``overlap``) take plain rows so the
services can run them on attendance that is not saved yet.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from motions.models import Case, Motion, Referral
from motions.selectors import motions_to_announce
from organisation.models import Body, Membership

from . import law, prose
from .models import Attendance, Jav, Meeting, MeetingAdjuster, Paragraph, Proposal
from .models.participation import deciding_ids

# --- The body's members on the meeting day ---------------------------------------------------


def memberships_on(body_id: int, day: datetime.date) -> QuerySet[Membership]:
    """Seats (ledamöter and ersättare) in the body on ``day``, by name."""
    return (
        Membership.objects.on(day)
        .filter(body_id=body_id)
        .select_related("person", "party")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def roles_on(body_id: int, day: datetime.date) -> dict[int, set[str]]:
    """Person id → the roles they hold in the body on ``day``."""
    roles: dict[int, set[str]] = defaultdict(set)
    for person_id, role in (
        Membership.objects.on(day).filter(body_id=body_id).values_list("person_id", "role")
    ):
        roles[person_id].add(role)
    return dict(roles)


def is_ledamot(roles: set[str] | None) -> bool:
    """Ordförande and vice ordförande are ledamöter too; an ersättare only is not."""
    return bool(roles) and roles != {Membership.Role.SUBSTITUTE}


def is_ersattare(roles: set[str] | None) -> bool:
    return bool(roles) and Membership.Role.SUBSTITUTE in roles and not is_ledamot(roles)


# --- The agenda ------------------------------------------------------------------------------


def agenda(meeting: Meeting) -> QuerySet[Paragraph]:
    """The meeting's paragraphs in order, with their case and jäv (for quorum)."""
    return (
        Paragraph.objects.filter(meeting=meeting)
        .select_related("case", "body")
        .prefetch_related(
            Prefetch("jav", queryset=Jav.objects.only("id", "paragraph_id", "person_id"))
        )
        .order_by("number")
    )


def cases_ready_for(meeting: Meeting) -> QuerySet[Case]:
    """Cases waiting for ``meeting``'s body, not yet on this meeting's agenda.

    Waiting means: an unanswered referral (remiss) to the body, or a proposal (förslag till
    beslut) addressed to the body — from a document of the case or from another body's
    paragraph on it — that no paragraph of this body on the case has handled since (a paragraph
    in a meeting on or after the day of the proposal, this meeting's other §§ included).
    """
    body_id = meeting.body_id
    open_referral = Referral.objects.unanswered().filter(case=OuterRef("pk"), to_body_id=body_id)
    proposals = (
        Proposal.objects.filter(to_body_id=body_id)
        .filter(Q(document__isnull=False) | ~Q(paragraph__body_id=body_id))
        .annotate(
            case_ref=Coalesce("document__case_id", "paragraph__case_id"),
            proposed_on=Coalesce("document__date", "paragraph__meeting__date"),
        )
        .filter(case_ref__isnull=False)
    )
    handled = Paragraph.objects.filter(
        body_id=body_id, case_id=OuterRef("case_ref"), meeting__date__gte=OuterRef("proposed_on")
    )
    pending = proposals.filter(~Exists(handled)).filter(case_ref=OuterRef("pk"))
    on_meeting = Paragraph.objects.filter(meeting=meeting, case_id=OuterRef("pk"))
    return (
        Case.objects.annotate(
            by_referral=Exists(open_referral),
            by_proposal=Exists(pending),
        )
        .filter(Q(by_referral=True) | Q(by_proposal=True))
        .filter(~Exists(on_meeting))
        .select_related("registry")
        .order_by("registered_on", "dnr")
    )


def adjusters_of(meeting: Meeting) -> list:
    """The meeting's justerare in their order."""
    return [
        row.person
        for row in MeetingAdjuster.objects.filter(meeting=meeting)
        .select_related("person")
        .order_by("position", "pk")
    ]


def attendance_of(meeting: Meeting) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "replaces")
        .order_by("kind", "pk")
    )


# --- Quorum ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumRow:
    paragraph: Paragraph
    serving: int
    seats: int
    has_quorum: bool

    @property
    def number(self) -> int:
        return self.paragraph.number

    @property
    def message(self) -> str:
        return (
            f"Ej beslutfört i § {self.number}: {self.serving} av {self.seats} ledamöter "
            "tjänstgör (fler än hälften krävs)."
        )


def quorum_rows(
    attendance: Sequence[Attendance], paragraphs: Iterable[Paragraph], seats: int
) -> list[QuorumRow]:
    """Deciding members per § (serving, not jäviga; uses ``p.jav``) against the seats."""
    rows = []
    for paragraph in paragraphs:
        jav = {j.person_id for j in paragraph.jav.all()} if paragraph.pk else set()
        serving = len(deciding_ids(attendance, paragraph.number, jav))
        rows.append(QuorumRow(paragraph, serving, seats, law.has_quorum(serving, seats)))
    return rows


def seats_of(meeting: Meeting, memberships: Iterable[Membership] | None = None) -> int:
    """The body's number of seats; without a set size, the ledamöter on the meeting day."""
    if meeting.body.size:
        return meeting.body.size
    if memberships is None:
        memberships = memberships_on(meeting.body_id, meeting.date)
    return len({m.person_id for m in memberships if m.is_voting_member})


def quorum_report(meeting: Meeting) -> list[QuorumRow]:
    """Quorum for every § on the agenda (three queries)."""
    attendance = list(Attendance.objects.filter(meeting=meeting))
    return quorum_rows(attendance, agenda(meeting), seats_of(meeting))


# --- Numbers ---------------------------------------------------------------------------------


Range = tuple[int | None, int | None]


def overlap(first: Range, second: Range, numbers: Sequence[int]) -> list[int] | None:
    """The meeting's §§ inside both ranges; an open end runs to the meeting's end.

    With no §§ on the agenda yet, two ranges (necessarily open) overlap in the whole meeting:
    that is returned as ``None``; no overlap is an empty list.
    """
    if not numbers:
        return None
    return [n for n in numbers if law.in_range(n, *first) and law.in_range(n, *second)]


def range_text(numbers: list[int] | None) -> str:
    return "hela sammanträdet" if numbers is None else prose.paragraph_range(numbers)


def motions_to_announce_at(meeting: Meeting) -> QuerySet[Motion]:
    """The motions kommunfullmäktige may take up at ``meeting``; none at any other body's."""
    if meeting.body.kind != Body.Kind.COUNCIL:
        return Motion.objects.none()
    return motions_to_announce(meeting.date)
