"""Reads for "Min arbetsyta": what the logged-in clerk or förtroendevald has to do, by role.

Where a clerk's day starts (users land here after login): per body, the coming meetings and how
far each is prepared, the protocols waiting for justering, anslag or expediering, the incoming
referrals by due date; for the user's own person, the protocols they are to justera; for those
who work with kommunfullmäktige or kommunstyrelsen, the motions nearing the one-year limit.
A fixed number of queries, however many meetings, referrals or motions there are.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, Exists, F, OuterRef, Q

from decisions.models import Justering, Meeting, Paragraph, Recipient
from motions.models import Motion, Referral, Registry
from motions.models.motion import add_years
from organisation.models import Body, ClerkAssignment, Membership, Person
from organisation.rules import person_of

NEARING_DAYS = 90
"""A motion is "nearing the one-year limit" this many days before its deadline."""
LISTED = 8
"""At most this many rows per list; the list's own page shows the rest."""


@dataclass
class MeetingPrep:
    """A meeting not yet justerat, and how far it is prepared."""

    meeting: Meeting
    paragraphs: int
    adjusters: int
    attendance: int

    @property
    def missing(self) -> list[str]:
        """What the protocol still lacks, in the order a clerk fills it in."""
        lacks = []
        if not self.paragraphs:
            lacks.append("dagordning")
        if not self.meeting.chair_id:
            lacks.append("ordförande")
        if self.meeting.status != Meeting.Status.PLANNED:
            if not self.attendance:
                lacks.append("närvaro")
            if not self.adjusters:
                lacks.append("justerare")
        return lacks


@dataclass
class BodyWork:
    """One body the user works for and what is waiting there."""

    body: Body
    is_secretary: bool
    coming: list[MeetingPrep] = field(default_factory=list)
    to_justera: list[MeetingPrep] = field(default_factory=list)
    to_post: list[Meeting] = field(default_factory=list)
    to_send: list[Paragraph] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    unanswered: int = 0
    overdue: int = 0


@dataclass
class Workspace:
    today: datetime.date
    registries: list[Registry]
    bodies: list[BodyWork]
    to_approve: list[Meeting] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.registries or self.bodies or self.to_approve)


def workspace_for(user: User, today: datetime.date) -> Workspace:
    """The user's registries (registrator), bodies (nämndsekreterare or förtroendevald), the
    protocols they are to justera and the motions nearing their limit."""
    assignments = ClerkAssignment.objects.on(today).filter(user=user)
    registries = list(
        Registry.objects.filter(
            pk__in=assignments.filter(role=ClerkAssignment.Role.REGISTRATOR).values("registry")
        )
        .select_related("body")
        .order_by("code")
    )
    secretary_of = set(
        assignments.filter(role=ClerkAssignment.Role.SECRETARY).values_list("body", flat=True)
    )
    person = person_of(user)
    member_of = (
        set(Membership.objects.on(today).filter(person=person).values_list("body", flat=True))
        if person
        else set()
    )
    bodies = list(Body.objects.filter(pk__in=secretary_of | member_of).order_by("name"))
    work = {body.pk: BodyWork(body=body, is_secretary=body.pk in secretary_of) for body in bodies}
    _meetings(work)
    _waiting_for_anslag_and_expediering(work, secretary_of)
    _referrals(work, today)
    kinds = {body.kind for body in bodies} | {r.body.kind for r in registries if r.body_id}
    follows_motions = bool(kinds & {Body.Kind.COUNCIL, Body.Kind.EXECUTIVE_BOARD})
    return Workspace(
        today=today,
        registries=registries,
        bodies=list(work.values()),
        to_approve=_to_approve(person) if person else [],
        motions=_nearing_limit(today) if follows_motions else [],
    )


def _meetings(work: dict[int, BodyWork]) -> None:
    meetings = (
        Meeting.objects.filter(body__in=work)
        .exclude(status=Meeting.Status.JUSTERAT)
        .annotate(
            paragraph_count=Count("paragraphs", distinct=True),
            adjuster_count=Count("meetingadjuster", distinct=True),
            attendance_count=Count("attendance", distinct=True),
        )
        .order_by("date")
    )
    for meeting in meetings:
        prep = MeetingPrep(
            meeting, meeting.paragraph_count, meeting.adjuster_count, meeting.attendance_count
        )
        body = work[meeting.body_id]
        (body.coming if meeting.status == Meeting.Status.PLANNED else body.to_justera).append(prep)


def _waiting_for_anslag_and_expediering(work: dict[int, BodyWork], secretary_of: set) -> None:
    for meeting in Meeting.objects.filter(
        body__in=secretary_of, status=Meeting.Status.JUSTERAT, notice_posted_on__isnull=True
    ).order_by("date"):
        work[meeting.body_id].to_post.append(meeting)
    unsent = Recipient.objects.filter(paragraph=OuterRef("pk"), sent_on__isnull=True)
    for paragraph in (
        Paragraph.objects.justerade()
        .filter(body__in=secretary_of)
        .filter(Exists(unsent))
        .select_related("meeting", "case")  # public_title asks whether the case is secret
        .order_by("meeting__date", "number")
    ):
        listed = work[paragraph.body_id].to_send
        if len(listed) < LISTED:
            listed.append(paragraph)


def _referrals(work: dict[int, BodyWork], today: datetime.date) -> None:
    counts = Referral.objects.unanswered().filter(to_body__in=work).values("to_body")
    for row in counts.annotate(
        unanswered=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
    ):
        work[row["to_body"]].unanswered = row["unanswered"]
        work[row["to_body"]].overdue = row["overdue"]
    for referral in (
        Referral.objects.unanswered()
        .filter(to_body__in=work)
        .select_related("case", "from_body")
        # Those without a due date last, on both databases, before the list is cut.
        .order_by("to_body", F("due_on").asc(nulls_last=True), "sent_on", "pk")
    ):
        listed = work[referral.to_body_id].referrals
        if len(listed) < LISTED:
            listed.append(referral)


def _to_approve(person: Person) -> list[Meeting]:
    """Held meetings whose protocol ``person`` is to justera (as ordförande or justerare) and
    has not yet."""
    approved = Justering.objects.filter(meeting=OuterRef("pk"), person=person)
    return list(
        Meeting.objects.filter(status=Meeting.Status.HELD)
        .filter(Q(chair=person) | Q(meetingadjuster__person=person))
        .exclude(Exists(approved))
        .select_related("body")
        .distinct()
        .order_by("date")
    )


def _nearing_limit(today: datetime.date) -> list[Motion]:
    """Undecided motions whose one-year limit (KL 5 kap. 35 §) is within ``NEARING_DAYS`` or
    has passed, most urgent first."""
    cutoff = add_years(today + datetime.timedelta(days=NEARING_DAYS), -1)
    return list(
        Motion.objects.undecided()
        .filter(raised_at__date__lte=cutoff)
        .select_related("case", "raised_at")
        .order_by("raised_at__date", "case__year", "case__serial")[: LISTED * 2]
    )
