"""Jäv (a member takes no part in the paragraph) and protokollsanteckningar.

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting (``check_belongs``).
"""

from collections.abc import Sequence

from django.db import transaction

from common import ordering
from common.errors import ServiceError
from organisation.models import Person

from .. import law
from ..models import Ballot, Jav, Paragraph, ProtocolNote, Reservation, YrkandeMember
from ..models.participation import attending_ids, roll_of
from .content import required_text
from .finality import check_paragraph_editable
from .locks import lock_paragraph

TAKES_NO_PART = "en jävig ledamot deltar inte i beslutet."


def check_add_jav(*, paragraph: Paragraph, person: Person | None, reason: str) -> None:
    """A jävig member must serve in the paragraph and must not have taken part in it."""
    check_paragraph_editable(paragraph)
    if person is None:
        raise ServiceError({"person": "Välj ledamoten."}, code="required")
    where = f"§ {paragraph.number}"
    if person.pk not in roll_of(paragraph).serving:
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


def check_add_note(*, paragraph: Paragraph, persons: Sequence[Person], text: str) -> None:
    check_paragraph_editable(paragraph)
    if not persons:
        raise ServiceError({"persons": "Välj vem eller vilka anteckningen gäller."}, code="none")
    present = attending_ids(paragraph.meeting.attendance.all())
    absent = [p for p in persons if p.pk not in present]
    if absent:
        names = ", ".join(str(p) for p in absent)
        raise ServiceError(
            {"persons": f"{names} var inte närvarande vid sammanträdet."}, code="absent"
        )
    required_text(text, "text", "Skriv anteckningens text.")


@transaction.atomic
def add_note(*, paragraph: Paragraph, persons: Sequence[Person], text: str) -> ProtocolNote:
    """Add a protokollsanteckning by ``persons`` last in the paragraph. Locks the paragraph."""
    locked = lock_paragraph(paragraph)
    persons = list(persons)
    check_add_note(paragraph=locked, persons=persons, text=text)
    note = ProtocolNote.objects.create(
        paragraph=locked, position=ordering.next_position(locked.notes.all()), text=text.strip()
    )
    note.persons.set(persons)
    return note
