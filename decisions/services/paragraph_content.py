"""Writes of a paragraph's content in the editor: rubrik and ärende, decision points, the quoted
decision, proposals to later bodies, beslutsunderlag, recipients, jäv, protokollsanteckningar and
the motion's outcome.

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting: a form can be forged, so the service does not trust that its choices were limited.

The pure helpers at the top (``genitive``, ``endorsement``, ``default_citation``,
``arende_from_text``) give the texts the editor offers to fill in.
"""

from collections.abc import Iterable, Sequence

from django.db import models, transaction

from common.errors import ServiceError
from motions.models import Case, Document, Motion
from organisation.models import Body, Person

from .. import law
from ..models import (
    Ballot,
    BasisDocument,
    DecisionPoint,
    Jav,
    Meeting,
    Paragraph,
    Proposal,
    ProposalPoint,
    ProtocolNote,
    Recipient,
    Reservation,
    YrkandeMember,
)
from ..selectors import serving_ids
from . import check_paragraph_editable, lock_paragraph, paragraph_id_of

MOVE_UP, MOVE_DOWN = "upp", "ned"

# --- Texts the editor offers -----------------------------------------------------------------


def genitive(name: str) -> str:
    """'Social- och omsorgsförvaltningens' — Swedish adds no s after s, x or z."""
    name = name.strip()
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


def proposer(proposal: Proposal) -> str | None:
    """Who made the proposal, in the genitive: the paragraph's body, or the document's unit."""
    if proposal.paragraph_id:
        return proposal.paragraph.body.genitive
    document = proposal.document
    if document.unit_id:
        return genitive(document.unit.name)
    return None


def endorsement(proposal: Proposal) -> str | None:
    """'Social- och omsorgsnämndens förslag tillstyrks.' — the usual decision on a proposal."""
    who = proposer(proposal)
    return f"{who} förslag tillstyrks." if who else None


def paragraph_ref(paragraph: Paragraph) -> str:
    """'KF 2022-05-31 § 80'."""
    return f"{paragraph.body.code} {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"


def default_citation(document: Document) -> str:
    """How a protocol's beslutsunderlag cites a document, as in the seeds.

    'Tjänsteskrivelse – <rubrik> 2021-12-17', 'Motionen', and an extract by its own title.
    """
    match document.kind:
        case Document.Kind.MOTION:
            return "Motionen"
        case Document.Kind.EXTRACT:
            return document.title
        case _:
            return f"{document.get_kind_display()} – {document.title} {document.date:%Y-%m-%d}"


ARENDE_HEADINGS = ("ärende", "ärendet", "sammanfattning", "ärendebeskrivning")
NEXT_HEADINGS = ("beslutsunderlag", "bakgrund", "förslag till beslut", "motivering", "yttrande")


def _heading(line: str) -> str:
    return line.strip().rstrip(":").strip().lower()


def arende_from_text(text: str) -> str:
    """The ärende part of a tjänsteskrivelse's text, or the whole text when it has no such part.

    A tjänsteskrivelse (seed 002) starts 'Ärende', then the summary, then 'Beslutsunderlag:'.
    The clerk edits the result; this only saves copying.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if _heading(line) in ARENDE_HEADINGS), None)
    if start is None:
        return text.strip()
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if _heading(lines[i]) in NEXT_HEADINGS and lines[i].strip()
        ),
        len(lines),
    )
    return "\n".join(lines[start + 1 : end]).strip()


def officer_report(case: Case | None) -> Document | None:
    """The case's latest tjänsteskrivelse with a text, or None."""
    if case is None:
        return None
    return (
        case.documents.filter(kind=Document.Kind.OFFICER_REPORT)
        .exclude(text="")
        .order_by("-date", "-pk")
        .first()
    )


# --- Locking and belonging -------------------------------------------------------------------


def _where(paragraph: Paragraph) -> str:
    return f"§ {paragraph.number}"


def _check_belongs(paragraph: Paragraph, part: models.Model, what: str) -> None:
    if part is None or part.pk is None or paragraph_id_of(part) != paragraph.pk:
        raise ServiceError(f"{what} hör inte till {_where(paragraph)}.", code="other_paragraph")


def _text(text: str, field: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError({field: message}, code="required")
    return text


ORDERED = {
    DecisionPoint: lambda part: DecisionPoint.objects.filter(paragraph_id=part.paragraph_id),
    ProposalPoint: lambda part: ProposalPoint.objects.filter(proposal_id=part.proposal_id),
    Proposal: lambda part: Proposal.objects.filter(paragraph_id=part.paragraph_id),
    BasisDocument: lambda part: BasisDocument.objects.filter(paragraph_id=part.paragraph_id),
    Recipient: lambda part: Recipient.objects.filter(paragraph_id=part.paragraph_id),
    ProtocolNote: lambda part: ProtocolNote.objects.filter(paragraph_id=part.paragraph_id),
}
"""The rows a part is numbered among (``position`` 1, 2, … unique in the group)."""

NAMES = {
    DecisionPoint: "Beslutspunkten",
    ProposalPoint: "Förslagspunkten",
    Proposal: "Förslaget",
    BasisDocument: "Handlingen i beslutsunderlaget",
    Recipient: "Mottagaren",
    ProtocolNote: "Protokollsanteckningen",
    Jav: "Jävet",
}


def _next_position(rows: models.QuerySet) -> int:
    return (rows.aggregate(top=models.Max("position"))["top"] or 0) + 1


def _renumber(rows: Iterable[models.Model]) -> None:
    """Positions 1, 2, … in the rows' order, without breaking the unique position meanwhile."""
    rows = list(rows)
    if all(row.position == i for i, row in enumerate(rows, start=1)):
        return
    top = max(row.position for row in rows) + 1
    for i, row in enumerate(rows):
        row.position = top + i
        row.save(update_fields=["position"])
    for i, row in enumerate(rows, start=1):
        row.position = i
        row.save(update_fields=["position"])


# --- Rubrik and ärende -----------------------------------------------------------------------


def check_update_arende(*, paragraph: Paragraph, title: str, arende_text: str) -> None:
    check_paragraph_editable(paragraph)
    _text(title, "title", "Ange paragrafens rubrik.")


@transaction.atomic
def update_arende(*, paragraph: Paragraph, title: str, arende_text: str) -> Paragraph:
    """Set the paragraph's rubrik and ärende text. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_update_arende(paragraph=locked, title=title, arende_text=arende_text)
    locked.title = title.strip()
    locked.arende_text = (arende_text or "").strip()
    locked.save(update_fields=["title", "arende_text"])
    return locked


# --- Decision points and proposal points -----------------------------------------------------


def check_add_decision_point(*, paragraph: Paragraph, text: str) -> None:
    check_paragraph_editable(paragraph)
    _text(text, "text", "Skriv beslutspunktens text.")


@transaction.atomic
def add_decision_point(*, paragraph: Paragraph, text: str) -> DecisionPoint:
    """Add a point last in the paragraph's decision. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_decision_point(paragraph=locked, text=text)
    return DecisionPoint.objects.create(
        paragraph=locked,
        position=_next_position(locked.decision_points.all()),
        text=text.strip(),
    )


def check_update_point(
    *, paragraph: Paragraph, point: DecisionPoint | ProposalPoint, text: str
) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, point, NAMES[type(point)])
    _text(text, "text", "Skriv punktens text.")


@transaction.atomic
def update_point(
    *, paragraph: Paragraph, point: DecisionPoint | ProposalPoint, text: str
) -> DecisionPoint | ProposalPoint:
    """Change the text of a decision point or a proposal's point. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_update_point(paragraph=locked, point=point, text=text)
    point.text = text.strip()
    point.save(update_fields=["text"])
    return point


# --- Removing and moving any ordered part ----------------------------------------------------

Part = DecisionPoint | ProposalPoint | Proposal | BasisDocument | Recipient | ProtocolNote | Jav


def check_delete_part(*, paragraph: Paragraph, part: Part) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, part, NAMES[type(part)])


@transaction.atomic
def delete_part(*, paragraph: Paragraph, part: Part) -> None:
    """Remove a part of the paragraph and number the rest 1, 2, …. Locks the paragraph row.

    A proposal goes with its points.
    """
    locked = lock_paragraph(paragraph)
    check_delete_part(paragraph=locked, part=part)
    siblings = ORDERED.get(type(part))
    rest = siblings(part).exclude(pk=part.pk).order_by("position") if siblings else None
    part.delete()
    if rest is not None:
        _renumber(rest)


def check_move_part(*, paragraph: Paragraph, part: Part, direction: str) -> None:
    check_paragraph_editable(paragraph)
    if type(part) not in ORDERED:
        raise ServiceError("Den delen har ingen ordning.", code="unordered")
    _check_belongs(paragraph, part, NAMES[type(part)])
    if direction not in (MOVE_UP, MOVE_DOWN):
        raise ServiceError("Välj att flytta upp eller ned.", code="direction")


@transaction.atomic
def move_part(*, paragraph: Paragraph, part: Part, direction: str) -> None:
    """Swap a part with the one above (``"upp"``) or below (``"ned"``); at an end, nothing.

    Locks the paragraph row.
    """
    locked = lock_paragraph(paragraph)
    check_move_part(paragraph=locked, part=part, direction=direction)
    rows = list(ORDERED[type(part)](part).order_by("position"))
    index = next(i for i, row in enumerate(rows) if row.pk == part.pk)
    other = index - 1 if direction == MOVE_UP else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
        for i, row in enumerate(rows, start=1):
            row.position = i
        _swap_positions(rows)


def _swap_positions(rows: Sequence[models.Model]) -> None:
    wanted = {row.pk: row.position for row in rows}
    top = max(wanted.values()) + len(rows) + 1
    # Move every row out of the way first: the positions are unique within the group.
    for i, row in enumerate(rows):
        row.position = top + i
        row.save(update_fields=["position"])
    for row in rows:
        row.position = wanted[row.pk]
        row.save(update_fields=["position"])


# --- The quoted decision ---------------------------------------------------------------------


def quotable(paragraph: Paragraph) -> models.QuerySet:
    """Other bodies' paragraphs on the same case, newest first: what the paragraph may quote."""
    if not paragraph.case_id:
        return Paragraph.objects.none()
    return (
        Paragraph.objects.filter(case_id=paragraph.case_id)
        .exclude(body_id=paragraph.body_id)
        .exclude(pk=paragraph.pk)
        .select_related("meeting", "body")
        .order_by("-meeting__date", "-number")
    )


def suggested_quote(paragraph: Paragraph, candidates: Iterable[Paragraph]) -> Paragraph | None:
    """The latest candidate with a proposal to this paragraph's body (needs ``proposals``)."""
    for candidate in candidates:
        if any(p.to_body_id == paragraph.body_id for p in candidate.proposals.all()):
            return candidate
    return None


def check_set_quotes(*, paragraph: Paragraph, quotes: Paragraph | None) -> None:
    check_paragraph_editable(paragraph)
    if quotes is None:
        return
    if not quotable(paragraph).filter(pk=quotes.pk).exists():
        raise ServiceError(
            {"quotes": "Välj ett beslut av ett annat organ i samma ärende."}, code="not_quotable"
        )


@transaction.atomic
def set_quotes(*, paragraph: Paragraph, quotes: Paragraph | None) -> Paragraph:
    """Quote another body's decision in the same case (or none). Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_set_quotes(paragraph=locked, quotes=quotes)
    locked.quotes = quotes
    locked.save(update_fields=["quotes"])
    return locked


# --- Proposals to later bodies ---------------------------------------------------------------


def later_bodies(paragraph: Paragraph) -> models.QuerySet:
    """Bodies the paragraph may propose a decision to: not itself, and not a body that has
    already decided the case at an earlier meeting (SON § 2 proposes to KS and KF; KS § 59,
    after SON, to KF)."""
    earlier = (
        Paragraph.objects.filter(
            case_id=paragraph.case_id, meeting__date__lt=paragraph.meeting.date
        ).values("body_id")
        if paragraph.case_id
        else Paragraph.objects.none().values("body_id")
    )
    return Body.objects.exclude(pk=paragraph.body_id).exclude(pk__in=earlier).by_rank()


def proposal_sources(paragraph: Paragraph) -> models.QuerySet:
    """Proposals on the case to a later body that the paragraph's own proposal can copy:
    the documents' (a tjänsteskrivelse's förslag till beslut) and other paragraphs'."""
    if not paragraph.case_id:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(
            models.Q(document__case_id=paragraph.case_id)
            | models.Q(paragraph__case_id=paragraph.case_id)
        )
        .exclude(paragraph_id=paragraph.pk)
        .filter(to_body__in=later_bodies(paragraph))
        .select_related(
            "to_body", "document__unit", "paragraph__meeting", "paragraph__body", "document"
        )
        .prefetch_related("points")
        .order_by("to_body__name", "-pk")
    )


def check_add_proposal(*, paragraph: Paragraph, to_body: Body | None) -> None:
    check_paragraph_editable(paragraph)
    if to_body is None or not later_bodies(paragraph).filter(pk=to_body.pk).exists():
        raise ServiceError(
            {"to_body": "Välj ett organ som ärendet går vidare till."}, code="not_later"
        )
    if Proposal.objects.filter(paragraph=paragraph, to_body=to_body).exists():
        raise ServiceError(
            {
                "to_body": f"{_where(paragraph)} har redan ett förslag till "
                f"{to_body.genitive_in_sentence} beslut."
            },
            code="exists",
        )


@transaction.atomic
def add_proposal(*, paragraph: Paragraph, to_body: Body, points: Sequence[str] = ()) -> Proposal:
    """Add 'Förslag till <organets> beslut' with ``points``. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_proposal(paragraph=locked, to_body=to_body)
    proposal = Proposal.objects.create(
        paragraph=locked, to_body=to_body, position=_next_position(locked.proposals.all())
    )
    texts = [t.strip() for t in points if t and t.strip()]
    ProposalPoint.objects.bulk_create(
        ProposalPoint(proposal=proposal, position=i, text=text)
        for i, text in enumerate(texts, start=1)
    )
    return proposal


def check_copy_proposal(*, paragraph: Paragraph, source: Proposal | None) -> None:
    check_paragraph_editable(paragraph)
    if source is None or not proposal_sources(paragraph).filter(pk=source.pk).exists():
        raise ServiceError(
            "Förslaget hör inte till ärendet eller gäller inte ett senare organ.",
            code="other_case",
        )
    check_add_proposal(paragraph=paragraph, to_body=source.to_body)


@transaction.atomic
def copy_proposal(*, paragraph: Paragraph, source: Proposal) -> Proposal:
    """'Hämta förslag': a proposal to the same body with the source's points, to be edited.

    ``source`` is a tjänsteskrivelse's or another paragraph's proposal on the same case.
    Locks the paragraph row.
    """
    locked = lock_paragraph(paragraph)
    check_copy_proposal(paragraph=locked, source=source)
    return add_proposal(
        paragraph=locked,
        to_body=source.to_body,
        points=[point.text for point in source.points.order_by("position")],
    )


def check_add_proposal_point(*, paragraph: Paragraph, proposal: Proposal, text: str) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, proposal, "Förslaget")
    _text(text, "text", "Skriv förslagspunktens text.")


@transaction.atomic
def add_proposal_point(*, paragraph: Paragraph, proposal: Proposal, text: str) -> ProposalPoint:
    """Add a point last in one of the paragraph's proposals. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_proposal_point(paragraph=locked, proposal=proposal, text=text)
    return ProposalPoint.objects.create(
        proposal=proposal, position=_next_position(proposal.points.all()), text=text.strip()
    )


# --- Beslutsunderlag and recipients ----------------------------------------------------------


def check_add_basis(*, paragraph: Paragraph, document: Document | None, label: str) -> None:
    check_paragraph_editable(paragraph)
    if not paragraph.case_id:
        raise ServiceError(
            {
                "document": "Paragrafen har inget ärende; beslutsunderlaget väljs bland ärendets "
                "handlingar."
            },
            code="no_case",
        )
    if document is None or document.case_id != paragraph.case_id:
        raise ServiceError(
            {"document": f"Handlingen hör inte till ärendet {paragraph.case.dnr}."},
            code="other_case",
        )
    if BasisDocument.objects.filter(paragraph=paragraph, document=document).exists():
        raise ServiceError(
            {"document": "Handlingen finns redan i beslutsunderlaget."}, code="twice"
        )


@transaction.atomic
def add_basis(*, paragraph: Paragraph, document: Document, label: str = "") -> BasisDocument:
    """Add a document of the case last in the beslutsunderlag, cited as ``label`` or, when
    that is empty, as ``default_citation`` gives. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_basis(paragraph=locked, document=document, label=label)
    return BasisDocument.objects.create(
        paragraph=locked,
        position=_next_position(locked.basis.all()),
        document=document,
        label=(label or "").strip() or default_citation(document),
    )


def check_update_basis(*, paragraph: Paragraph, item: BasisDocument, label: str) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, item, NAMES[BasisDocument])


@transaction.atomic
def update_basis(*, paragraph: Paragraph, item: BasisDocument, label: str) -> BasisDocument:
    """Change how a document is cited; empty gives the default citation. Locks the paragraph."""
    locked = lock_paragraph(paragraph)
    check_update_basis(paragraph=locked, item=item, label=label)
    item.label = (label or "").strip() or default_citation(item.document)
    item.save(update_fields=["label"])
    return item


def check_add_recipient(*, paragraph: Paragraph, body: Body | None, name: str) -> None:
    check_paragraph_editable(paragraph)
    if body is None and not (name or "").strip():
        raise ServiceError({"name": "Välj ett organ eller skriv mottagaren."}, code="required")


@transaction.atomic
def add_recipient(*, paragraph: Paragraph, body: Body | None, name: str = "") -> Recipient:
    """Add a line last in 'Beslutet skickas till': a body (named as the body unless ``name``
    says otherwise) or a free text such as 'Motionärerna'. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_recipient(paragraph=locked, body=body, name=name)
    return Recipient.objects.create(
        paragraph=locked,
        position=_next_position(locked.recipients.all()),
        body=body,
        name=(name or "").strip() or body.name,
    )


# --- Jäv and protokollsanteckningar ----------------------------------------------------------

TAKES_NO_PART = "en jävig ledamot deltar inte i beslutet."


def check_add_jav(*, paragraph: Paragraph, person: Person | None, reason: str) -> None:
    """A jävig member must serve in the paragraph and must not have taken part in it."""
    check_paragraph_editable(paragraph)
    if person is None:
        raise ServiceError({"person": "Välj ledamoten."}, code="required")
    where = _where(paragraph)
    serving = serving_ids(list(paragraph.meeting.attendance.all()), paragraph.number)
    if person.pk not in serving:
        raise ServiceError({"person": f"{person} tjänstgör inte i {where}."}, code="not_serving")
    if Jav.objects.filter(paragraph=paragraph, person=person).exists():
        raise ServiceError({"person": f"{person} har redan anmält jäv i {where}."}, code="twice")
    voted = (
        Ballot.objects.filter(vote__proposition__paragraph=paragraph, person=person)
        .exclude(answer=law.ABSENT)
        .exists()
    )
    if voted:
        raise ServiceError(
            {"person": f"{person} har röstat i voteringen; {TAKES_NO_PART}"}, code="voted"
        )
    if YrkandeMember.objects.filter(yrkande__paragraph=paragraph, person=person).exists():
        raise ServiceError(
            {"person": f"{person} står bakom ett yrkande i {where}; {TAKES_NO_PART}"},
            code="yrkande",
        )
    if Reservation.objects.filter(paragraph=paragraph, person=person).exists():
        raise ServiceError(
            {"person": f"{person} har reserverat sig i {where}; {TAKES_NO_PART}"},
            code="reserved",
        )


@transaction.atomic
def add_jav(*, paragraph: Paragraph, person: Person, reason: str = "") -> Jav:
    """Record that ``person`` is jävig in the paragraph (KL 5 kap. 47 §, 6 kap. 28 §).

    Locks the paragraph row; the debate section's writes lock it too, so a ballot or yrkande
    cannot slip in between the check and the write.
    """
    locked = lock_paragraph(paragraph)
    check_add_jav(paragraph=locked, person=person, reason=reason)
    return Jav.objects.create(paragraph=locked, person=person, reason=(reason or "").strip())


def present_ids(paragraph: Paragraph) -> set[int]:
    """Persons at the paragraph's meeting in any capacity (ledamot, ersättare, övrig)."""
    return set(
        paragraph.meeting.attendance.filter(person__isnull=False).values_list(
            "person_id", flat=True
        )
    )


def check_add_note(*, paragraph: Paragraph, persons: Sequence[Person], text: str) -> None:
    check_paragraph_editable(paragraph)
    if not persons:
        raise ServiceError({"persons": "Välj vem eller vilka anteckningen gäller."}, code="none")
    present = present_ids(paragraph)
    absent = [p for p in persons if p.pk not in present]
    if absent:
        names = ", ".join(str(p) for p in absent)
        raise ServiceError(
            {"persons": f"{names} var inte närvarande vid sammanträdet."}, code="absent"
        )
    _text(text, "text", "Skriv anteckningens text.")


@transaction.atomic
def add_note(*, paragraph: Paragraph, persons: Sequence[Person], text: str) -> ProtocolNote:
    """Add a protokollsanteckning by ``persons`` last in the paragraph. Locks the paragraph."""
    locked = lock_paragraph(paragraph)
    persons = list(persons)
    check_add_note(paragraph=locked, persons=persons, text=text)
    note = ProtocolNote.objects.create(
        paragraph=locked, position=_next_position(locked.notes.all()), text=text.strip()
    )
    note.persons.set(persons)
    return note


# --- The motion's outcome --------------------------------------------------------------------


def check_decide_motion(*, paragraph: Paragraph, outcome: str) -> Motion:
    """Raise unless KF's ojusterad ``paragraph`` may set (or, with "", clear) its motion's
    outcome; return the motion. Reads only."""
    check_paragraph_editable(paragraph)
    if paragraph.body.kind != Body.Kind.COUNCIL:
        raise ServiceError(
            {"outcome": "En motion avgörs av kommunfullmäktige."}, code="not_council"
        )
    case = paragraph.case
    motion = Motion.objects.filter(case_id=case.pk).first() if case else None
    if case is None or case.kind != Case.Kind.MOTION or motion is None:
        raise ServiceError({"outcome": "Paragrafens ärende är inte en motion."}, code="no_motion")
    if outcome and outcome not in Motion.Outcome.values:
        raise ServiceError({"outcome": "Välj ett av utfallen."}, code="outcome")
    if outcome and paragraph.meeting.status == Meeting.Status.PLANNED:
        # Before the meeting is held its paragraphs are drafts (docs/decisions/0011-roles.md);
        # the motion's public status must not say "avgjord" on a draft.
        raise ServiceError(
            {
                "outcome": "Fullmäktige har inte sammanträtt än; ange utfallet när sammanträdet "
                "är markerat som genomfört."
            },
            code="planned",
        )
    if motion.decided_by_id and motion.decided_by_id != paragraph.pk:
        decided_by = Paragraph.objects.select_related("meeting", "body").get(
            pk=motion.decided_by_id
        )
        raise ServiceError(
            {"outcome": f"Motionen är redan avgjord genom {paragraph_ref(decided_by)}."},
            code="decided",
        )
    return motion


@transaction.atomic
def decide_motion(*, paragraph: Paragraph, outcome: str) -> Motion:
    """Record the motion's outcome as decided by KF's ``paragraph``; "" undoes it.

    The motion's stage (avgjord) is derived from ``decided_by``, so this is the only edit.
    Locks the paragraph row, then the motion row.
    """
    locked = lock_paragraph(paragraph)
    if locked.case_id:
        # Lock before checking, so the check reads the motion as no one else can change it.
        list(Motion.objects.select_for_update().filter(case_id=locked.case_id))
    motion = check_decide_motion(paragraph=locked, outcome=outcome)
    if outcome:
        motion.outcome, motion.decided_by = outcome, locked
    else:
        motion.outcome, motion.decided_by = "", None
    motion.save(update_fields=["outcome", "decided_by"])
    return motion
