"""What is final may not change: a justerad paragraph and its parts, a justerat meeting.

After justering a paragraph is final (KL 5 kap. 69 §; ``docs`` and ``domain.md`` § 5): its
parts may not change, a correction is a visible, dated ``Correction``. The service layer checks
that here (``check_paragraph_editable``, ``check_part_editable``), the admin asks the same
functions, and on PostgreSQL a trigger (migration 0005) refuses what slips past both. A justerat
meeting is final the same way (``check_meeting_open`` in the writes on the meeting, its agenda,
attendance and justerare, ``justering.check_justera`` for approvals; migration 0009 beneath):
only its notice is still posted, once (``notices.post_notice``), and a wrong notice corrected
by a rättelse beside it that leaves the meeting row as it was (``notices.correct_notice``).

Every write on a paragraph's part also refuses a part of another paragraph (``check_belongs``):
a form can be forged, so the service does not trust that its choices were limited.
"""

from django.db import models

from common.errors import ServiceError

from ..models import (
    Ballot,
    BasisDocument,
    DecisionPoint,
    Jav,
    Meeting,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    Vote,
    Yrkande,
    YrkandeMember,
)
from .locks import lock_paragraph

FINAL_MESSAGE = "Paragrafen är justerad och kan inte ändras; gör en rättelse."


JUSTERAT_MESSAGE = "Protokollet är justerat; sammanträdet kan inte ändras längre."


def check_paragraph_editable(paragraph: Paragraph) -> None:
    """Raise if ``paragraph`` is justerad: neither it nor its parts may change any more.

    Asks the database, not only the object in hand, so a stale copy cannot slip through.
    """
    if paragraph.pk is None:
        return
    if (
        paragraph.status == Paragraph.Status.JUSTERAD
        or Paragraph.objects.filter(pk=paragraph.pk, status=Paragraph.Status.JUSTERAD).exists()
    ):
        raise ServiceError(FINAL_MESSAGE, code="justerad")


def paragraph_id_of(part: models.Model) -> int | None:
    """The paragraph a part of a protocol belongs to (None for a document's proposal)."""
    match part:
        case Paragraph():
            return part.pk
        case (
            DecisionPoint()
            | Proposal()
            | BasisDocument()
            | Recipient()
            | Yrkande()
            | Proposition()
            | Reservation()
            | ProtocolNote()
            | Jav()
        ):
            return part.paragraph_id
        case ProposalPoint():
            return (
                Proposal.objects.filter(pk=part.proposal_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case YrkandeMember():
            return (
                Yrkande.objects.filter(pk=part.yrkande_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case PropositionAlternative() | Vote():
            return (
                Proposition.objects.filter(pk=part.proposition_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case Ballot():
            return (
                Vote.objects.filter(pk=part.vote_id)
                .values_list("proposition__paragraph_id", flat=True)
                .first()
            )
    raise TypeError(f"{type(part).__name__} är inte en del av en paragraf.")


def part_is_final(part: models.Model) -> bool:
    """Does ``part`` belong to a justerad paragraph (stored or about to be)?"""
    paragraph_id = paragraph_id_of(part)
    return (
        paragraph_id is not None
        and Paragraph.objects.filter(pk=paragraph_id, status=Paragraph.Status.JUSTERAD).exists()
    )


def check_part_editable(part: models.Model) -> None:
    """Raise if ``part`` (a DecisionPoint, Yrkande, Ballot, …) belongs to a justerad paragraph.

    A Recipient's ``sent_on`` is the one exception; it is written by ``mark_sent``.
    """
    if part_is_final(part):
        raise ServiceError(FINAL_MESSAGE, code="justerad")


def check_meeting_open(meeting: Meeting, message: str = JUSTERAT_MESSAGE) -> None:
    """Raise if the meeting's protocol is justerat: its agenda, attendance and details are final."""
    if meeting.status == Meeting.Status.JUSTERAT:
        raise ServiceError(message, code="justerat")


def lock_editable_paragraph(paragraph: Paragraph) -> Paragraph:
    """The paragraph row locked for this transaction; refused if it is justerad."""
    locked = lock_paragraph(paragraph)
    check_paragraph_editable(locked)
    return locked


PART_NAMES = {
    DecisionPoint: "Beslutspunkten",
    ProposalPoint: "Förslagspunkten",
    Proposal: "Förslaget",
    BasisDocument: "Handlingen i beslutsunderlaget",
    Recipient: "Mottagaren",
    ProtocolNote: "Protokollsanteckningen",
    Jav: "Jävet",
    Yrkande: "Yrkandet",
    Proposition: "Propositionen",
    Reservation: "Reservationen",
}
"""How a message names a part of a paragraph."""


def check_belongs(
    paragraph: Paragraph, part: models.Model | None, field: str | None = None
) -> None:
    """Raise unless ``part`` is a saved part of ``paragraph``; keyed to ``field`` when given."""
    if part is not None and part.pk is not None and paragraph_id_of(part) == paragraph.pk:
        return
    what = PART_NAMES.get(type(part), "Delen")
    message = f"{what} hör inte till § {paragraph.number}."
    raise ServiceError({field: message} if field else message, code="other_paragraph")
