"""Yrkanden: adding or changing one with its movers and supporters, moving and removing it.

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``lock_editable_paragraph``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used. Who may act in the §
is ``decisions.models.participation``'s answer.
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from common import ordering
from common.errors import ServiceError
from organisation.models import Body, Person

from ..models import Paragraph, Proposition, Reservation, Vote, Yrkande, YrkandeMember
from ..models.participation import names_of, roll_of
from .derived import settle_outcomes
from .finality import check_belongs, check_paragraph_editable, lock_editable_paragraph

FORMAL_KINDS = (Yrkande.Kind.REFERRAL_BACK, Yrkande.Kind.POSTPONEMENT)
"""Yrkanden that the minority in fullmäktige may carry without a vote (KL 5 kap. 50 §)."""


def check_yrkande(
    *,
    paragraph: Paragraph,
    yrkande: Yrkande | None = None,
    kind: str,
    target: str = "",
    target_body: Body | None = None,
    target_yrkande: Yrkande | None = None,
    text: str = "",
    movers: Sequence[Person],
    supporters: Sequence[Person] = (),
) -> Yrkande:
    """Raise unless the yrkande may be written as given; returns it unsaved. Reads only.

    Movers and supporters must serve in the paragraph and not be jäviga; at least one moves.
    """
    check_paragraph_editable(paragraph)
    if yrkande is not None:
        check_belongs(paragraph, yrkande, "yrkande")
    if target_yrkande is not None:
        check_belongs(paragraph, target_yrkande, "target_yrkande")
        if yrkande is not None and target_yrkande.pk == yrkande.pk:
            raise ServiceError({"target_yrkande": "Ett yrkande kan inte avse sig självt."})
    errors: dict[str, list[str]] = {}
    roll = roll_of(paragraph)
    if not movers:
        errors["movers"] = ["Ange vem som yrkar."]
    else:
        if len({p.pk for p in movers}) != len(movers):
            errors["movers"] = ["Ange varje person som yrkar en gång."]
        problems = [p for p in map(roll.acting_problem, movers) if p]
        if problems:
            errors["movers"] = problems
    both = {p.pk for p in movers} & {p.pk for p in supporters}
    if both:
        names = names_of(both)
        errors["supporters"] = [
            f"{names[pk]} kan inte både yrka och instämma i samma yrkande." for pk in sorted(both)
        ]
    else:
        problems = [p for p in map(roll.acting_problem, supporters) if p]
        if problems:
            errors["supporters"] = problems
    candidate = yrkande or Yrkande(paragraph=paragraph, position=1)
    candidate.kind = kind
    candidate.target = target
    candidate.target_body = target_body if target == Yrkande.Target.PROPOSAL else None
    candidate.target_yrkande = target_yrkande if target == Yrkande.Target.YRKANDE else None
    candidate.text = text.strip()
    if kind not in FORMAL_KINDS:
        candidate.requested_by_count = None
    try:
        candidate.full_clean(
            exclude=["paragraph", "position", "outcome"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ServiceError(errors)
    return candidate


@transaction.atomic
def save_yrkande(
    *,
    paragraph: Paragraph,
    yrkande: Yrkande | None = None,
    kind: str,
    target: str = "",
    target_body: Body | None = None,
    target_yrkande: Yrkande | None = None,
    text: str = "",
    movers: Sequence[Person],
    supporters: Sequence[Person] = (),
) -> Yrkande:
    """Add a yrkande to ``paragraph`` (last in order), or change ``yrkande``.

    Movers are stored in the order given (the first names the yrkande: "X med fleras
    yrkande"), then the supporters. Locks the paragraph row.
    """
    locked = lock_editable_paragraph(paragraph)
    if yrkande is not None:
        yrkande = Yrkande.objects.get(pk=yrkande.pk)
    candidate = check_yrkande(
        paragraph=locked,
        yrkande=yrkande,
        kind=kind,
        target=target,
        target_body=target_body,
        target_yrkande=target_yrkande,
        text=text,
        movers=movers,
        supporters=supporters,
    )
    if yrkande is None:
        candidate.position = ordering.next_position(Yrkande.objects.filter(paragraph=locked))
    candidate.save()
    YrkandeMember.objects.filter(yrkande=candidate).delete()
    YrkandeMember.objects.bulk_create(
        [
            YrkandeMember(yrkande=candidate, person=p, role=YrkandeMember.Role.MOVER, position=i)
            for i, p in enumerate(movers, start=1)
        ]
        + [
            YrkandeMember(
                yrkande=candidate, person=p, role=YrkandeMember.Role.SUPPORTER, position=i
            )
            for i, p in enumerate(supporters, start=1)
        ]
    )
    settle_outcomes(locked)
    candidate.refresh_from_db()
    return candidate


def check_move_yrkande(
    *, paragraph: Paragraph, yrkande: Yrkande, direction: ordering.Direction
) -> Yrkande | None:
    """The neighbour ``yrkande`` swaps places with, or None at either end. Reads only."""
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, yrkande, "yrkande")
    if direction not in ordering.DIRECTIONS:
        raise ServiceError("Välj att flytta upp eller ned.", code="direction")
    rows = list(Yrkande.objects.filter(paragraph=paragraph).order_by("position"))
    return ordering.neighbour(rows, yrkande, direction)


@transaction.atomic
def move_yrkande(*, paragraph: Paragraph, yrkande: Yrkande, direction: ordering.Direction) -> None:
    """Move ``yrkande`` one step up or down in the order the protocol lists them.

    Locks the paragraph row. At either end nothing changes.
    """
    locked = lock_editable_paragraph(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    if check_move_yrkande(paragraph=locked, yrkande=yrkande, direction=direction) is None:
        return
    ordering.move(
        list(Yrkande.objects.filter(paragraph=locked).order_by("position")), yrkande, direction
    )


def check_delete_yrkande(*, paragraph: Paragraph, yrkande: Yrkande) -> None:
    """Raise if the yrkande is used by a proposition, a vote, a reservation or another yrkande."""
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, yrkande, "yrkande")
    in_proposition = (
        Proposition.objects.filter(paragraph=paragraph)
        .filter(Q(finding=yrkande) | Q(alternative_rows__yrkande=yrkande))
        .order_by("position")
        .first()
    )
    if in_proposition is not None:
        raise ServiceError(
            "Yrkandet ingår i beslutsordningen (proposition "
            f"{in_proposition.position}); ta bort propositionen först.",
            code="in_use",
        )
    if Vote.objects.filter(Q(yes_for=yrkande) | Q(no_for=yrkande)).exists():
        raise ServiceError("Yrkandet ingår i en votering; ta bort voteringen först.", code="in_use")
    reservation = Reservation.objects.filter(in_favour_of=yrkande).select_related("person").first()
    if reservation is not None:
        raise ServiceError(
            f"{reservation.person.full_name} har reserverat sig till förmån för yrkandet; "
            "ta bort reservationen först.",
            code="in_use",
        )
    referring = Yrkande.objects.filter(target_yrkande=yrkande).first()
    if referring is not None:
        raise ServiceError(
            f"Yrkande {referring.position} avser det här yrkandet; ändra eller ta bort det först.",
            code="in_use",
        )


@transaction.atomic
def delete_yrkande(*, paragraph: Paragraph, yrkande: Yrkande) -> None:
    """Remove a yrkande that nothing else uses; the later ones move up. Locks the paragraph."""
    locked = lock_editable_paragraph(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_delete_yrkande(paragraph=locked, yrkande=yrkande)
    yrkande.delete()
    ordering.close_gap(Yrkande.objects.filter(paragraph=locked))
