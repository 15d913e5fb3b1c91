"""Reads for the person and party pages: who a förtroendevald is and what they did.

Every function runs a fixed number of queries, however many yrkanden, reservations or votes a
person has. Sentences come from ``decisions.prose``, so they read as the protocol reads.

Secrecy: ``include_secret`` is ``decisions.access.may_see_secret(user)``. Without it, paragraphs
that are secret (or belong to a secret case) are left out altogether: a yrkande, a reservation
or a vote is the content of the paragraph, so not even its number is listed here. Drafts — the
paragraphs of a meeting not yet held — are left out for everyone: these pages list many bodies'
paragraphs, and a draft's content is public only once its meeting has been held.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from decisions import prose
from decisions.models import (
    Ballot,
    Paragraph,
    Proposition,
    Reservation,
    Yrkande,
    YrkandeMember,
)
from decisions.protocol import link_yrkanden, vote_of
from decisions.selectors import parties_by_meeting
from motions.models import Motionar
from organisation.models import Membership, Party, Person
from organisation.selectors import BodyMembers, members_by_body

from .case_path import MotionRow, motion_rows, motions_for_register

Parties = dict[int, str]

# The party page lists this many of the party's latest reservations.
PARTY_RESERVATIONS = 20


# --- Paragraphs with what the prose needs ---------------------------------------------------


def visible_paragraphs(include_secret: bool) -> QuerySet[Paragraph]:
    """Paragraphs these pages may list: never a draft (a planned meeting's paragraph), for
    nobody; secret ones only with ``include_secret``."""
    paragraphs = Paragraph.objects.published()
    return paragraphs if include_secret else paragraphs.public()


def _paragraphs_for_prose(
    paragraphs: QuerySet[Paragraph], ballots_of: Person | None = None
) -> list[Paragraph]:
    """Paragraphs, newest first, with yrkanden, reservations and votes linked for ``prose``.

    ``ballots_of`` fetches the votes too, with only that person's ballots.
    """
    lookups: list[str | Prefetch] = [
        Prefetch(
            "yrkanden",
            queryset=Yrkande.objects.select_related("target_body").prefetch_related(
                Prefetch("memberships", queryset=YrkandeMember.objects.select_related("person"))
            ),
        ),
        Prefetch("reservations", queryset=Reservation.objects.select_related("person")),
    ]
    if ballots_of is not None:
        lookups += [
            Prefetch("propositions", queryset=Proposition.objects.select_related("vote")),
            Prefetch(
                "propositions__vote__ballots",
                queryset=Ballot.objects.filter(person=ballots_of).select_related("person"),
            ),
        ]
    rows = list(
        paragraphs.select_related("meeting__body", "body", "case")
        .prefetch_related(*lookups)
        .order_by("-meeting__date", "body__name", "number")
    )
    for paragraph in rows:
        link_yrkanden(paragraph, with_votes=ballots_of is not None)
    return rows


def parties_by_paragraph(paragraphs: Iterable[Paragraph]) -> dict[int, Parties]:
    """For each paragraph, person id → party in its body on its day (one query)."""
    paragraphs = list(paragraphs)
    by_meeting = parties_by_meeting(p.meeting for p in paragraphs)
    return {p.pk: by_meeting[p.meeting_id] for p in paragraphs}


# --- The person page ------------------------------------------------------------------------


@dataclass(frozen=True)
class YrkandeRow:
    paragraph: Paragraph
    role: str  # "Yrkar" or "Instämmer"
    sentence: str  # as the protocol writes it
    outcome: str  # "Bifallet", "Avslaget" … or ""


@dataclass(frozen=True)
class ReservationRow:
    paragraph: Paragraph
    sentence: str


@dataclass(frozen=True)
class BallotRow:
    paragraph: Paragraph
    question: str  # "Ja-röst för …, nej-röst för …."
    answer: str


@dataclass(frozen=True)
class PersonRecord:
    person: Person
    aliases: list[str]
    memberships: list[Membership]
    motions: list[MotionRow]
    motion_count: int
    yrkanden: list[YrkandeRow]
    reservations: list[ReservationRow]
    ballots: list[BallotRow]


# The newest motions a person or party page lists; the register has them all.
LATEST_MOTIONS = 25
# The newest paragraphs whose yrkanden, reservations and votes a person page shows.
LATEST_PARAGRAPHS = 60


def person_record(person: Person, *, include_secret: bool) -> PersonRecord:
    """Everything the person page shows, in a fixed number of queries."""
    involved = (
        Q(pk__in=YrkandeMember.objects.filter(person=person).values("yrkande__paragraph_id"))
        | Q(pk__in=Reservation.objects.filter(person=person).values("paragraph_id"))
        | Q(pk__in=Ballot.objects.filter(person=person).values("vote__proposition__paragraph_id"))
    )
    latest = (
        visible_paragraphs(include_secret)
        .filter(involved)
        .order_by("-meeting__date", "-number")
        .values_list("pk", flat=True)[:LATEST_PARAGRAPHS]
    )
    paragraphs = _paragraphs_for_prose(
        Paragraph.objects.filter(pk__in=list(latest)), ballots_of=person
    )
    parties = parties_by_paragraph(paragraphs)

    yrkanden: list[YrkandeRow] = []
    reservations: list[ReservationRow] = []
    ballots: list[BallotRow] = []
    for paragraph in paragraphs:
        named = parties[paragraph.pk]
        for yrkande in paragraph.yrkanden.all():
            for member in yrkande.memberships.all():
                if member.person_id == person.pk:
                    yrkanden.append(
                        YrkandeRow(
                            paragraph=paragraph,
                            role=member.get_role_display(),
                            sentence=" ".join(prose.yrkande_sentences(yrkande, named)),
                            outcome=yrkande.get_outcome_display() if yrkande.outcome else "",
                        )
                    )
        own = [r for r in paragraph.reservations.all() if r.person_id == person.pk]
        for sentence in prose.reservation_sentences(own, named):
            reservations.append(ReservationRow(paragraph=paragraph, sentence=sentence))
        for proposition in paragraph.propositions.all():
            vote = vote_of(proposition)
            if vote is None:
                continue
            question = (
                f"Ja-röst för {prose.reference(vote.yes_for, named)}, "
                f"nej-röst för {prose.reference(vote.no_for, named)}."
            )
            for ballot in vote.ballots.all():
                ballots.append(
                    BallotRow(
                        paragraph=paragraph, question=question, answer=ballot.get_answer_display()
                    )
                )

    memberships = list(
        Membership.objects.filter(person=person)
        .select_related("body", "party")
        .order_by("-starts_on", "body__name", "role")
    )
    signed = motions_for_register().filter(
        pk__in=Motionar.objects.filter(person=person).values("motion_id")
    )
    motion_count = signed.count()
    return PersonRecord(
        person=person,
        aliases=[alias.name for alias in person.aliases.all()],
        memberships=memberships,
        motions=motion_rows(signed[:LATEST_MOTIONS]),
        motion_count=motion_count,
        yrkanden=yrkanden,
        reservations=reservations,
        ballots=ballots,
    )


# --- The party page -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyRecord:
    party: Party
    on: datetime.date
    bodies: list[BodyMembers]
    motions: list[MotionRow]
    motion_count: int
    reservations: list[ReservationRow]


def party_record(party: Party, *, on: datetime.date, include_secret: bool) -> PartyRecord:
    """Everything the party page shows, in a fixed number of queries."""
    memberships = Membership.objects.filter(party=party).select_related("person", "body")

    motions = motions_for_register().filter(
        pk__in=Motionar.objects.filter(party=party).values("motion_id")
    )

    # A reservation is the party's when its maker sat for the party in that body on that day.
    meeting_day = OuterRef("paragraph__meeting__date")
    sat_for_party = Membership.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=meeting_day),
        person=OuterRef("person"),
        body=OuterRef("paragraph__body"),
        party=party,
        starts_on__lte=meeting_day,
    )
    latest = list(
        Reservation.objects.filter(
            Exists(sat_for_party), paragraph__in=visible_paragraphs(include_secret)
        )
        .order_by("-paragraph__meeting__date", "-paragraph__number", "position")
        .values_list("pk", flat=True)[:PARTY_RESERVATIONS]
    )
    paragraphs = _paragraphs_for_prose(
        Paragraph.objects.filter(
            pk__in=Reservation.objects.filter(pk__in=latest).values("paragraph_id")
        )
    )
    parties = parties_by_paragraph(paragraphs)
    reservations = []
    wanted = set(latest)
    for paragraph in paragraphs:
        ours = [r for r in paragraph.reservations.all() if r.pk in wanted]
        for sentence in prose.reservation_sentences(ours, parties[paragraph.pk]):
            reservations.append(ReservationRow(paragraph=paragraph, sentence=sentence))

    return PartyRecord(
        party=party,
        on=on,
        bodies=members_by_body(memberships, on),
        motions=motion_rows(motions[:LATEST_MOTIONS]),
        motion_count=motions.count(),
        reservations=reservations,
    )
