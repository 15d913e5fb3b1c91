"""Writes the seed facts of ``portal.demo.data`` to the database, idempotently.

Every row goes through ``Loader.ensure``: found by its natural key it must already hold the demo's
values, missing it is created after ``full_clean``. A row that holds other values stops the
whole load with a one-line Swedish message, inside one transaction, so a database is either
left as it was or holds the complete demo. Existing data is never changed: someone may have
edited it on purpose.
"""

import datetime
from typing import Any

from django.db import transaction

from decisions import law
from decisions.models import (
    Attendance,
    BasisDocument,
    DecisionPoint,
    Justering,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    Recipient,
    Reservation,
    Yrkande,
    YrkandeMember,
)
from motions import selectors
from motions.models import (
    AttSats,
    Case,
    Document,
    DocumentAuthor,
    Motion,
    Motionar,
    Referral,
    Registry,
)
from organisation.models import (
    Administration,
    Body,
    Membership,
    Party,
    Person,
    PersonAlias,
)

from . import data
from .data import ParagraphRef, ProposalFact
from .present import load_present
from .rows import LoadResult, RowWriter


class Loader(RowWriter):
    """Writes the demo. Call ``run`` inside a transaction (``load_demo`` does)."""

    def __init__(self) -> None:
        super().__init__()
        self.administrations: dict[str, Administration] = {}
        self.bodies: dict[str, Body] = {}
        self.parties: dict[str, Party] = {}
        self.people: dict[str, Person] = {}
        self.registries: dict[str, Registry] = {}
        self.cases: dict[str, Case] = {}
        self.meetings: dict[tuple[str, datetime.date], Meeting] = {}
        self.paragraphs: dict[ParagraphRef, Paragraph] = {}
        self.documents: dict[str, Document] = {}

    def run(self) -> LoadResult:
        self._organisation()
        self._cases()
        self._meetings()
        self._motions()
        for fact in data.PARAGRAPHS:
            self._paragraph(fact)
        for fact in data.DOCUMENTS:
            self._document(fact)
        # Beslutsunderlag last: it cites documents, and extracts cite paragraphs.
        for fact in data.PARAGRAPHS:
            self._basis(fact)
        # Justering last: after it a paragraph and its parts are final (migration 0005).
        for fact in data.MEETINGS:
            self._justering(fact)
        self._referrals()
        return self.result

    # Organisation.

    def _organisation(self) -> None:
        for name in data.ADMINISTRATIONS:
            self.administrations[name] = self.ensure(
                Administration, {"name": name}, {}, f"Förvaltningen {name}"
            )
        for body in data.BODIES:
            self.bodies[body.code] = self.ensure(
                Body,
                {"code": body.code},
                {
                    "name": body.name,
                    "slug": body.slug,
                    "kind": body.kind,
                    "parent": None,
                    "administration": self.administrations[body.administration],
                    "size": body.size,
                },
                f"Organ {body.code}",
            )
        for abbreviation, name in data.PARTIES:
            self.parties[abbreviation] = self.ensure(
                Party, {"abbreviation": abbreviation}, {"name": name}, f"Parti {abbreviation}"
            )
        for fact in data.PEOPLE:
            person = self.ensure(
                Person,
                {"first_name": fact.first_name, "last_name": fact.last_name},
                {},
                f"Person {fact.full_name}",
            )
            self.people[fact.full_name] = person
            for alias in fact.aliases:
                self.ensure(
                    PersonAlias,
                    {"person": person, "name": alias},
                    {},
                    f"Namnformen {alias} för {fact.full_name}",
                )
        for fact in data.MEMBERSHIPS:
            self.ensure(
                Membership,
                {
                    "person": self.people[fact.person],
                    "body": self.bodies[fact.body],
                    "starts_on": fact.starts_on,
                },
                {"role": fact.role, "party": self.parties[fact.party], "ends_on": fact.ends_on},
                f"Uppdraget för {fact.person} i {fact.body} från {fact.starts_on:%Y-%m-%d}",
            )

    # Case file.

    def _cases(self) -> None:
        for fact in data.REGISTRIES:
            self.registries[fact.code] = self.ensure(
                Registry,
                {"code": fact.code},
                {
                    "name": fact.name,
                    "body": self.bodies[fact.body],
                    "dnr_format": fact.dnr_format,
                },
                f"Diariet {fact.code}",
            )
        for fact in data.CASES:
            self.cases[fact.dnr] = self.ensure(
                Case,
                {
                    "registry": self.registries[fact.registry],
                    "year": fact.year,
                    "serial": fact.serial,
                },
                {
                    "title": fact.title,
                    "kind": fact.kind,
                    "registered_on": fact.registered_on,
                    "closed_on": None,
                    "responsible_body": self.bodies[fact.responsible_body],
                    "is_secret": False,
                },
                f"Ärende {fact.dnr}",
            )

    def _motions(self) -> None:
        for fact in data.MOTIONS:
            case = self.cases[fact.dnr]
            motion = self.ensure(
                Motion,
                {"case": case},
                {
                    "dated_on": fact.dated_on,
                    "raised_at": self.meetings[fact.raised_at],
                    "outcome": "",
                    "decided_by": None,
                },
                f"Motionen i ärende {fact.dnr}",
            )
            for position, (name, party) in enumerate(fact.signers, start=1):
                self.ensure(
                    Motionar,
                    {"motion": motion, "person": self.people[name]},
                    {"party": self.parties[party], "position": position},
                    f"Motionären {name} i ärende {fact.dnr}",
                )
            for position, text in enumerate(fact.att_satser, start=1):
                self.ensure(
                    AttSats,
                    {"motion": motion, "position": position},
                    {"text": text},
                    f"Att-sats {position} i motionen {fact.dnr}",
                )

    def _document(self, fact: data.DocumentFact) -> None:
        case = self.cases[fact.dnr]
        label = f"Handlingen ”{fact.title}” i ärende {fact.dnr}"
        document = self.ensure(
            Document,
            {"case": case, "kind": fact.kind, "title": fact.title},
            {
                "date": fact.date,
                "unit": self.administrations[fact.unit] if fact.unit else None,
                "text": fact.text,
                "extract_of": self.paragraphs[fact.extract_of] if fact.extract_of else None,
            },
            label,
        )
        self.documents[fact.key] = document
        for position, (name, unit) in enumerate(fact.authors, start=1):
            self.ensure(
                DocumentAuthor,
                {"document": document, "position": position},
                {"name": name, "unit": self.administrations[unit]},
                f"Undertecknare {position} av handlingen ”{fact.title}”",
            )
        self._proposals(fact.proposals, {"document": document}, f"handlingen ”{fact.title}”")

    def _proposals(
        self, proposals: tuple[ProposalFact, ...], source: dict[str, Any], where: str
    ) -> None:
        for position, fact in enumerate(proposals, start=1):
            body = self.bodies[fact.to_body]
            name = f"förslaget till {body.genitive_in_sentence} beslut i {where}"
            proposal = self.ensure(
                Proposal, {**source, "to_body": body}, {"position": position}, f"F{name[1:]}"
            )
            for number, text in enumerate(fact.points, start=1):
                self.ensure(
                    ProposalPoint,
                    {"proposal": proposal, "position": number},
                    {"text": text},
                    f"Punkt {number} i {name}",
                )

    def _referrals(self) -> None:
        for fact in data.REFERRALS:
            self.ensure(
                Referral,
                {
                    "case": self.cases[fact.dnr],
                    "from_body": self.bodies[fact.from_body],
                    "to_body": self.bodies[fact.to_body],
                },
                {
                    "purpose": fact.purpose,
                    "sent_on": fact.sent_on,
                    "due_on": fact.due_on,
                    "answered_by_paragraph": self.paragraphs[fact.answered_by],
                    "answered_by_document": None,
                },
                f"Remissen {fact.from_body} → {fact.to_body} i ärende {fact.dnr}",
            )

    # Meetings and protocols.

    def _meetings(self) -> None:
        for fact in data.MEETINGS:
            body = self.bodies[fact.body]
            name = f"sammanträdet med {body.name_in_sentence} {fact.date:%Y-%m-%d}"
            lookup = {"body": body, "date": fact.date}
            # A new meeting is written genomfört and made justerat last (``_justering``): once
            # justerat, its attendance, justerare and approvals are final (migration 0009).
            # One found from an earlier load must already be justerat.
            status = (
                Meeting.Status.JUSTERAT
                if Meeting.objects.filter(**lookup).exists()
                else Meeting.Status.HELD
            )
            meeting = self.ensure(
                Meeting,
                lookup,
                {
                    "place": fact.place,
                    "starts_at": fact.starts_at,
                    "ends_at": None,
                    "chair": self.people[fact.chair] if fact.chair else None,
                    "secretary": fact.secretary,
                    "justering_place": fact.justering_place,
                    "justering_on": fact.justering_on,
                    "status": status,
                    "notice_posted_on": fact.notice_posted_on,
                    "notice_removed_on": law.notice_taken_down_on(fact.notice_posted_on),
                    "protocol_kept_at": fact.protocol_kept_at,
                },
                f"S{name[1:]}",
            )
            self.meetings[(fact.body, fact.date)] = meeting
            for position, name in enumerate(fact.adjusters, start=1):
                self.ensure(
                    MeetingAdjuster,
                    {"meeting": meeting, "person": self.people[name]},
                    {"position": position},
                    f"Justeraren {name} vid {name}",
                )
            for name in fact.serving_members:
                self.ensure(
                    Attendance,
                    {"meeting": meeting, "person": self.people[name]},
                    {
                        "kind": Attendance.Kind.MEMBER,
                        "name": "",
                        "title": "",
                        "replaces": None,
                        "from_number": None,
                        "to_number": None,
                    },
                    f"Närvaron för {name} vid {name}",
                )

    def _paragraph(self, fact: data.ParagraphFact) -> None:
        meeting = self.meetings[(fact.body, fact.date)]
        where = f"{fact.body} {fact.date.year} § {fact.number}"
        paragraph = self.ensure(
            Paragraph,
            {"body": meeting.body, "year": fact.date.year, "number": fact.number},
            {
                "meeting": meeting,
                "title": fact.title,
                "case": self.cases[fact.dnr],
                "arende_text": fact.arende_text,
                "quotes": self.paragraphs[fact.quotes] if fact.quotes else None,
                "is_secret": False,
                "immediately_justerad": False,
                # Created ojusterad; ``_justering`` makes it justerad once its parts are in.
            },
            f"Paragraf {where}",
        )
        self.paragraphs[fact.ref] = paragraph
        for position, text in enumerate(fact.decision_points, start=1):
            self.ensure(
                DecisionPoint,
                {"paragraph": paragraph, "position": position},
                {"text": text},
                f"Beslutspunkt {position} i {where}",
            )
        self._proposals(fact.proposals, {"paragraph": paragraph}, where)

        yrkanden: dict[int, Yrkande] = {}
        for yrkande_fact in fact.yrkanden:
            position = yrkande_fact.position
            yrkande = self.ensure(
                Yrkande,
                {"paragraph": paragraph, "position": position},
                {
                    "kind": yrkande_fact.kind,
                    "target": yrkande_fact.target,
                    "target_body": (
                        self.bodies[yrkande_fact.target_body] if yrkande_fact.target_body else None
                    ),
                    "target_yrkande": None,
                    "text": "",
                    "outcome": yrkande_fact.outcome,
                },
                f"Yrkande {position} i {where}",
            )
            yrkanden[position] = yrkande
            for order, name in enumerate(yrkande_fact.movers, start=1):
                self.ensure(
                    YrkandeMember,
                    {"yrkande": yrkande, "person": self.people[name]},
                    {"role": YrkandeMember.Role.MOVER, "position": order},
                    f"{name} som yrkande i yrkande {position} i {where}",
                )
        for proposition_fact in fact.propositions:
            proposition = self.ensure(
                Proposition,
                {"paragraph": paragraph, "position": proposition_fact.position},
                {"finding": yrkanden[proposition_fact.finding]},
                f"Proposition {proposition_fact.position} i {where}",
            )
            for order, yrkande_position in enumerate(proposition_fact.alternatives, start=1):
                self.ensure(
                    PropositionAlternative,
                    {"proposition": proposition, "yrkande": yrkanden[yrkande_position]},
                    {"position": order},
                    f"Yrkande {yrkande_position} i proposition {proposition_fact.position} "
                    f"i {where}",
                )
        for order, (name, favoured) in enumerate(fact.reservations, start=1):
            self.ensure(
                Reservation,
                {"paragraph": paragraph, "person": self.people[name]},
                {"position": order, "in_favour_of": yrkanden[favoured], "motivation": ""},
                f"Reservationen av {name} i {where}",
            )
        for position, (name, body_code) in enumerate(fact.recipients, start=1):
            self.ensure(
                Recipient,
                {"paragraph": paragraph, "position": position},
                {
                    "name": name,
                    "body": self.bodies[body_code] if body_code else None,
                    "sent_on": None,
                },
                f"Mottagare {position} av {where}",
            )

    def _justering(self, fact: data.MeetingFact) -> None:
        """The chair's and justerare's approvals, then the protocol's paragraphs and the meeting
        become final.

        Only ojusterade paragraphs and a genomfört meeting are changed: a second run finds them
        justerade and writes nothing. A meeting without a recorded chair (the KF meetings) gets
        no approvals.
        """
        meeting = self.meetings[(fact.body, fact.date)]
        at = data.justering_time(fact)
        approvers = [(fact.chair, Justering.Role.CHAIR)] if fact.chair else []
        approvers += [(name, Justering.Role.ADJUSTER) for name in fact.adjusters]
        for name, role in approvers:
            self.ensure(
                Justering,
                {"meeting": meeting, "person": self.people[name]},
                {"role": role, "approved_at": at},
                f"Justeringen av {name} vid s{meeting_name(meeting)[1:]}",
            )
        Paragraph.objects.filter(meeting=meeting, status=Paragraph.Status.OJUSTERAD).update(
            status=Paragraph.Status.JUSTERAD, justerad_at=at
        )
        if meeting.status != Meeting.Status.JUSTERAT:
            meeting.status = Meeting.Status.JUSTERAT
            meeting.save(update_fields=["status"])

    def _basis(self, fact: data.ParagraphFact) -> None:
        paragraph = self.paragraphs[fact.ref]
        where = f"{fact.body} {fact.date.year} § {fact.number}"
        for position, (key, label) in enumerate(fact.basis, start=1):
            self.ensure(
                BasisDocument,
                {"paragraph": paragraph, "position": position},
                {"document": self.documents[key], "label": label},
                f"Beslutsunderlag {position} i {where}",
            )


def meeting_name(meeting: Meeting) -> str:
    return f"Sammanträdet med {meeting.body.name_in_sentence} {meeting.date:%Y-%m-%d}"


def load_demo(today: datetime.date | None = None) -> LoadResult:
    """Write the demo in one transaction: the seed cases, then the present-day layer around
    ``today`` (``portal.demo.present``; by default the local date). Raises ``DemoConflict``
    and writes nothing on conflict."""
    with transaction.atomic():
        result = Loader().run()
        load_present(today or selectors.today(), result)
        return result
