"""Reservationer: a member's formal dissent from the decision (KL 4 kap. 27 §).

Who may reserve at all is ``participation``'s rule (``Roll.reservation_problem``), which the
model's ``clean()`` and the admin form ask too; this module adds what only a write knows —
that the member opposed the decision — and keeps the reservations in order.

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``lock_editable_paragraph``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used. Who may act in the §
is ``decisions.models.participation``'s answer.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from common import ordering
from common.errors import ServiceError
from organisation.models import Person

from .. import law
from ..models import Ballot, Paragraph, Proposition, Reservation, Yrkande
from ..models.participation import roll_of
from .finality import check_belongs, check_paragraph_editable, lock_editable_paragraph


def _as_service_error(exc: ValidationError) -> ServiceError:
    if hasattr(exc, "error_dict"):
        return ServiceError(exc.message_dict)
    return ServiceError(exc.messages)


def own_yrkande(paragraph: Paragraph, person: Person) -> Yrkande | None:
    """The yrkande ``person`` moved or supported and that was not carried, if any: what a
    reservation is 'till förmån för' unless the clerk says otherwise."""
    rows = (
        Yrkande.objects.filter(paragraph=paragraph, memberships__person=person)
        .exclude(outcome=Yrkande.Outcome.CARRIED)
        .order_by("position")
    )
    return rows.first()


def _voted_against_result(paragraph: Paragraph, person: Person) -> bool | None:
    """Did ``person`` vote against the result in any vote? None if they cast no ja or nej."""
    ballots = Ballot.objects.filter(
        vote__proposition__paragraph=paragraph,
        person=person,
        answer__in=(law.YES, law.NO),
    ).select_related("vote__proposition")
    against = None
    for ballot in ballots:
        winner = ballot.vote.proposition.finding_id
        chose = ballot.vote.yes_for_id if ballot.answer == law.YES else ballot.vote.no_for_id
        against = bool(against) or chose != winner
    return against


def check_reservation(
    *,
    paragraph: Paragraph,
    person: Person | None,
    in_favour_of: Yrkande | None = None,
    motivation: str = "",
) -> Reservation:
    """Raise unless ``person`` may reserve against the decision; returns it unsaved.

    Only one who took part may reserve (``Roll.reservation_problem``, KL 4 kap. 27 §). A member
    reserves against a decision they opposed: not one whose own yrkande was carried and who did
    not vote against the result, and not in favour of a yrkande that was carried. Reads only.
    """
    check_paragraph_editable(paragraph)
    if person is None:
        raise ServiceError({"person": "Välj vem som reserverar sig."})
    if in_favour_of is not None:
        check_belongs(paragraph, in_favour_of, "in_favour_of")
    where = f"§ {paragraph.number}"
    if problem := roll_of(paragraph).reservation_problem(person):
        raise ServiceError({"person": problem})
    if Reservation.objects.filter(paragraph=paragraph, person=person).exists():
        raise ServiceError({"person": f"{person.full_name} har redan reserverat sig i {where}."})
    reservation = Reservation(
        paragraph=paragraph,
        person=person,
        position=ordering.next_position(Reservation.objects.filter(paragraph=paragraph)),
        in_favour_of=in_favour_of,
        motivation=motivation.strip(),
    )
    try:
        reservation.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise _as_service_error(exc) from exc
    backed = list(Yrkande.objects.filter(paragraph=paragraph, memberships__person=person))
    carried = [y for y in backed if y.outcome == Yrkande.Outcome.CARRIED]
    defeated = [y for y in backed if y.outcome == Yrkande.Outcome.DEFEATED]
    against = _voted_against_result(paragraph, person)
    every_step_voted = not Proposition.objects.filter(
        paragraph=paragraph, vote__isnull=True
    ).exists()
    if carried and not defeated and not against:
        raise ServiceError(
            {
                "person": f"{person.genitive} yrkande bifölls; det finns inget att reservera "
                "sig mot."
            },
            code="own_carried",
        )
    # Only when every step had a roll call: a step decided on the chair's finding alone
    # leaves open that the member opposed it.
    if every_step_voted and against is False and not defeated:
        raise ServiceError(
            {
                "person": f"{person.full_name} röstade för beslutet; det finns inget att "
                "reservera sig mot."
            },
            code="voted_for",
        )
    if in_favour_of is not None and in_favour_of.outcome == Yrkande.Outcome.CARRIED:
        raise ServiceError(
            {
                "in_favour_of": "Yrkandet bifölls; en reservation görs till förmån för ett "
                "yrkande som inte bifölls."
            }
        )
    return reservation


@transaction.atomic
def add_reservation(
    *,
    paragraph: Paragraph,
    person: Person,
    in_favour_of: Yrkande | None = None,
    motivation: str = "",
) -> Reservation:
    """Record ``person``'s reservation, last in order. Locks the paragraph row."""
    locked = lock_editable_paragraph(paragraph)
    if in_favour_of is not None:
        in_favour_of = Yrkande.objects.get(pk=in_favour_of.pk)
    reservation = check_reservation(
        paragraph=locked, person=person, in_favour_of=in_favour_of, motivation=motivation
    )
    reservation.save()
    return reservation


def check_delete_reservation(*, paragraph: Paragraph, reservation: Reservation) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, reservation, "reservation")


@transaction.atomic
def delete_reservation(*, paragraph: Paragraph, reservation: Reservation) -> None:
    """Remove a reservation; the later ones move up. Locks the paragraph row."""
    locked = lock_editable_paragraph(paragraph)
    reservation = Reservation.objects.get(pk=reservation.pk)
    check_delete_reservation(paragraph=locked, reservation=reservation)
    reservation.delete()
    ordering.close_gap(Reservation.objects.filter(paragraph=locked))
