"""Reads for "Min arbetsyta": what the logged-in clerk or förtroendevald has to do, by role."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, Q

from decisions.models import Meeting
from motions.models import Registry
from organisation.models import Body, ClerkAssignment, Membership
from organisation.rules import person_of


@dataclass
class BodyWork:
    """One body the user works for: its meetings not yet justerade and its incoming referrals."""

    body: Body
    is_secretary: bool
    open_meetings: list[Meeting] = field(default_factory=list)
    unanswered: int = 0
    overdue: int = 0


@dataclass
class Workspace:
    registries: list[Registry]
    bodies: list[BodyWork]

    @property
    def is_empty(self) -> bool:
        return not (self.registries or self.bodies)


def workspace_for(user: User, today: datetime.date) -> Workspace:
    """The user's registries (registrator) and bodies (nämndsekreterare or förtroendevald).

    A fixed number of queries, however many bodies and meetings.
    """
    assignments = ClerkAssignment.objects.on(today).filter(user=user)
    registries = list(
        Registry.objects.filter(
            pk__in=assignments.filter(role=ClerkAssignment.Role.REGISTRATOR).values("registry")
        ).order_by("code")
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
    bodies = list(
        Body.objects.filter(pk__in=secretary_of | member_of)
        .annotate(
            unanswered=Count(
                "referrals_received",
                filter=Q(
                    referrals_received__answered_by_paragraph__isnull=True,
                    referrals_received__answered_by_document__isnull=True,
                ),
            ),
            overdue=Count(
                "referrals_received",
                filter=Q(
                    referrals_received__answered_by_paragraph__isnull=True,
                    referrals_received__answered_by_document__isnull=True,
                    referrals_received__due_on__lt=today,
                ),
            ),
        )
        .order_by("name")
    )
    meetings: dict[int, list[Meeting]] = {}
    for meeting in (
        Meeting.objects.filter(body__in=bodies)
        .exclude(status=Meeting.Status.JUSTERAT)
        .order_by("date")
    ):
        meetings.setdefault(meeting.body_id, []).append(meeting)
    return Workspace(
        registries=registries,
        bodies=[
            BodyWork(
                body=body,
                is_secretary=body.pk in secretary_of,
                open_meetings=meetings.get(body.pk, []),
                unanswered=body.unanswered,
                overdue=body.overdue,
            )
            for body in bodies
        ],
    )
