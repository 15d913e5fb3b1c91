"""A paragraph's own text in the editor: rubrik and ärende, decision points, the points of its
proposals, and removing or moving any of its ordered parts.

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting (``check_belongs``).
"""

from django.db import transaction

from common import ordering
from common.errors import ServiceError

from ..models import (
    BasisDocument,
    DecisionPoint,
    Jav,
    Paragraph,
    Proposal,
    ProposalPoint,
    ProtocolNote,
    Recipient,
)
from .finality import check_belongs, check_paragraph_editable
from .locks import lock_paragraph


def required_text(text: str, field: str, message: str) -> str:
    """``text`` stripped; refused, keyed to ``field``, when nothing is left."""
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


def check_update_arende(*, paragraph: Paragraph, title: str, arende_text: str) -> None:
    check_paragraph_editable(paragraph)
    required_text(title, "title", "Ange paragrafens rubrik.")


@transaction.atomic
def update_arende(*, paragraph: Paragraph, title: str, arende_text: str) -> Paragraph:
    """Set the paragraph's rubrik and ärende text. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_update_arende(paragraph=locked, title=title, arende_text=arende_text)
    locked.title = title.strip()
    locked.arende_text = (arende_text or "").strip()
    locked.save(update_fields=["title", "arende_text"])
    return locked


def check_add_decision_point(*, paragraph: Paragraph, text: str) -> None:
    check_paragraph_editable(paragraph)
    required_text(text, "text", "Skriv beslutspunktens text.")


@transaction.atomic
def add_decision_point(*, paragraph: Paragraph, text: str) -> DecisionPoint:
    """Add a point last in the paragraph's decision. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_decision_point(paragraph=locked, text=text)
    return DecisionPoint.objects.create(
        paragraph=locked,
        position=ordering.next_position(locked.decision_points.all()),
        text=text.strip(),
    )


def check_update_point(
    *, paragraph: Paragraph, point: DecisionPoint | ProposalPoint, text: str
) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, point)
    required_text(text, "text", "Skriv punktens text.")


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


Part = DecisionPoint | ProposalPoint | Proposal | BasisDocument | Recipient | ProtocolNote | Jav


def check_delete_part(*, paragraph: Paragraph, part: Part) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, part)


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
        ordering.close_gap(rest)


def check_move_part(*, paragraph: Paragraph, part: Part, direction: ordering.Direction) -> None:
    check_paragraph_editable(paragraph)
    if type(part) not in ORDERED:
        raise ServiceError("Den delen har ingen ordning.", code="unordered")
    check_belongs(paragraph, part)
    if direction not in ordering.DIRECTIONS:
        raise ServiceError("Välj att flytta upp eller ned.", code="direction")


@transaction.atomic
def move_part(*, paragraph: Paragraph, part: Part, direction: ordering.Direction) -> None:
    """Swap a part with the one above (``"up"``) or below (``"down"``); at an end, nothing.

    Locks the paragraph row.
    """
    locked = lock_paragraph(paragraph)
    check_move_part(paragraph=locked, part=part, direction=direction)
    ordering.move(list(ORDERED[type(part)](part).order_by("position")), part, direction)
