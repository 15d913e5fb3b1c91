"""Writes of a paragraph's debate: yrkanden, beslutsordning, votering, reservationer and the
minority's återremiss or bordläggning in fullmäktige.

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``check_paragraph_editable``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used.

The yrkanden's outcomes are derived, never typed: the chair's finding in a proposition carries
its yrkande and defeats the others put against it (the finding follows a vote's result), and a
minority's återremiss or bordläggning in fullmäktige is carried without a vote.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from common.errors import ServiceError
from organisation.models import Body, Person

from .. import law
from ..models import (
    Attendance,
    Ballot,
    Jav,
    Paragraph,
    Proposition,
    PropositionAlternative,
    Reservation,
    Vote,
    Yrkande,
    YrkandeMember,
)
from ..selectors import serving_ids
from . import check_paragraph_editable, lock_paragraph

FORMAL_KINDS = (Yrkande.Kind.REFERRAL_BACK, Yrkande.Kind.POSTPONEMENT)
"""Yrkanden that the minority in fullmäktige may carry without a vote (KL 5 kap. 50 §)."""

ANSWERS = {law.YES, law.NO, law.ABSTAIN, law.ABSENT}

TIE_MESSAGE = (
    "Lika röstetal: ordförandens röst avgör, men ordföranden har inte röstat ja eller nej."
)
COUNCIL_ONLY = "Minoritetsåterremiss finns bara i fullmäktige."


# --- Reads the checks share ------------------------------------------------------------------


@dataclass(frozen=True)
class Roll:
    """Who may act in one paragraph: those serving in it, and the jäviga among them."""

    serving: frozenset[int]
    jav: frozenset[int]
    order: tuple[int, ...]
    """Person ids of the roll call, in the attendance list's order."""

    @property
    def deciding(self) -> frozenset[int]:
        """Serving and not jäviga: those who answer a roll call and may move a yrkande."""
        return self.serving - self.jav


def roll_of(paragraph: Paragraph) -> Roll:
    """Who serves in ``paragraph`` (ersättare for their ranges included) and who is jävig."""
    attendance = list(
        Attendance.objects.filter(meeting_id=paragraph.meeting_id).order_by("kind", "pk")
    )
    serving = serving_ids(attendance, paragraph.number)
    jav = frozenset(Jav.objects.filter(paragraph=paragraph).values_list("person_id", flat=True))
    seen: list[int] = []
    for row in attendance:
        if row.person_id in serving and row.person_id not in jav and row.person_id not in seen:
            seen.append(row.person_id)
    return Roll(serving=frozenset(serving), jav=jav, order=tuple(seen))


def _names(ids: Iterable[int]) -> dict[int, str]:
    return {p.pk: p.full_name for p in Person.objects.filter(pk__in=list(ids))}


def _where(paragraph: Paragraph) -> str:
    return f"§ {paragraph.number}"


def _people_errors(paragraph: Paragraph, roll: Roll, people: Iterable[Person]) -> list[str]:
    """'X tjänstgör inte i § 59.' / 'X är jävig i § 59.' for each person who may not act."""
    errors = []
    for person in people:
        if person.pk in roll.jav:
            errors.append(f"{person.full_name} är jävig i {_where(paragraph)}.")
        elif person.pk not in roll.serving:
            errors.append(f"{person.full_name} tjänstgör inte i {_where(paragraph)}.")
    return errors


def _check_belongs(paragraph: Paragraph, obj: Yrkande | Proposition | Reservation, field: str):
    if obj.paragraph_id != paragraph.pk:
        what = {
            Yrkande: "Yrkandet",
            Proposition: "Propositionen",
            Reservation: "Reservationen",
        }[type(obj)]
        raise ServiceError(
            {field: f"{what} hör inte till {_where(paragraph)}."}, code="other_paragraph"
        )


def _lock(paragraph: Paragraph) -> Paragraph:
    """The paragraph row locked for this transaction; refused if it is justerad."""
    locked = lock_paragraph(paragraph)
    check_paragraph_editable(locked)
    return locked


def _next_position(rows, field: str = "position") -> int:
    return (rows.aggregate(m=Max(field))["m"] or 0) + 1


def _as_service_error(exc: ValidationError) -> ServiceError:
    if hasattr(exc, "error_dict"):
        return ServiceError(exc.message_dict)
    return ServiceError(exc.messages)


def settle_outcomes(paragraph: Paragraph) -> None:
    """Derive every yrkande's outcome from the beslutsordning.

    In each proposition, in order, the finding is carried and the other alternatives defeated
    (a later proposition wins over an earlier one). A withdrawn yrkande stays withdrawn, one
    carried on the minority's request stays carried; a yrkande no proposition tries loses an
    outcome that only a proposition could have given it.
    """
    derived: dict[int, str] = {}
    propositions = Proposition.objects.filter(paragraph=paragraph).order_by("position")
    rows = PropositionAlternative.objects.filter(proposition__paragraph=paragraph)
    alternatives: dict[int, list[int]] = {}
    for row in rows:
        alternatives.setdefault(row.proposition_id, []).append(row.yrkande_id)
    for proposition in propositions:
        for yrkande_id in alternatives.get(proposition.pk, []):
            derived[yrkande_id] = Yrkande.Outcome.DEFEATED
        derived[proposition.finding_id] = Yrkande.Outcome.CARRIED
    tried = (Yrkande.Outcome.CARRIED, Yrkande.Outcome.DEFEATED)
    for yrkande in Yrkande.objects.filter(paragraph=paragraph):
        if yrkande.outcome == Yrkande.Outcome.WITHDRAWN:
            continue
        if yrkande.requested_by_count is not None:
            wanted = Yrkande.Outcome.CARRIED
        else:
            wanted = derived.get(yrkande.pk, "" if yrkande.outcome in tried else yrkande.outcome)
        if wanted != yrkande.outcome:
            yrkande.outcome = wanted
            yrkande.save(update_fields=["outcome"])


# --- Yrkanden --------------------------------------------------------------------------------


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
        _check_belongs(paragraph, yrkande, "yrkande")
    if target_yrkande is not None:
        _check_belongs(paragraph, target_yrkande, "target_yrkande")
        if yrkande is not None and target_yrkande.pk == yrkande.pk:
            raise ServiceError({"target_yrkande": "Ett yrkande kan inte avse sig självt."})
    errors: dict[str, list[str]] = {}
    roll = roll_of(paragraph)
    if not movers:
        errors["movers"] = ["Ange vem som yrkar."]
    else:
        if len({p.pk for p in movers}) != len(movers):
            errors["movers"] = ["Ange varje person som yrkar en gång."]
        problems = _people_errors(paragraph, roll, movers)
        if problems:
            errors["movers"] = problems
    both = {p.pk for p in movers} & {p.pk for p in supporters}
    if both:
        names = _names(both)
        errors["supporters"] = [
            f"{names[pk]} kan inte både yrka och instämma i samma yrkande." for pk in sorted(both)
        ]
    else:
        problems = _people_errors(paragraph, roll, supporters)
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
    locked = _lock(paragraph)
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
        candidate.position = _next_position(Yrkande.objects.filter(paragraph=locked))
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


def check_move_yrkande(*, paragraph: Paragraph, yrkande: Yrkande, up: bool) -> Yrkande | None:
    """The neighbour ``yrkande`` swaps places with, or None at either end. Reads only."""
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, yrkande, "yrkande")
    rows = Yrkande.objects.filter(paragraph=paragraph)
    if up:
        return rows.filter(position__lt=yrkande.position).order_by("-position").first()
    return rows.filter(position__gt=yrkande.position).order_by("position").first()


@transaction.atomic
def move_yrkande(*, paragraph: Paragraph, yrkande: Yrkande, up: bool) -> None:
    """Move ``yrkande`` one step up or down in the order the protocol lists them.

    Locks the paragraph row. At either end nothing changes.
    """
    locked = _lock(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    other = check_move_yrkande(paragraph=locked, yrkande=yrkande, up=up)
    if other is None:
        return
    mine, theirs = yrkande.position, other.position
    # (paragraph, position) is unique and not deferrable: park one row on 0 while swapping.
    yrkande.position = 0
    yrkande.save(update_fields=["position"])
    other.position = mine
    other.save(update_fields=["position"])
    yrkande.position = theirs
    yrkande.save(update_fields=["position"])


def check_delete_yrkande(*, paragraph: Paragraph, yrkande: Yrkande) -> None:
    """Raise if the yrkande is used by a proposition, a vote, a reservation or another yrkande."""
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, yrkande, "yrkande")
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
    locked = _lock(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_delete_yrkande(paragraph=locked, yrkande=yrkande)
    position = yrkande.position
    yrkande.delete()
    for row in Yrkande.objects.filter(paragraph=locked, position__gt=position).order_by("position"):
        row.position -= 1
        row.save(update_fields=["position"])


# --- Beslutsordning --------------------------------------------------------------------------


def check_proposition(
    *, paragraph: Paragraph, alternatives: Sequence[Yrkande], finding: Yrkande | None
) -> None:
    """Raise unless the chair may put ``alternatives`` against each other and find ``finding``.

    Two or more yrkanden of this paragraph, each once, none withdrawn or already carried on the
    minority's request; the finding is one of them. Reads only.
    """
    check_paragraph_editable(paragraph)
    for yrkande in alternatives:
        _check_belongs(paragraph, yrkande, "alternatives")
    if finding is not None:
        _check_belongs(paragraph, finding, "finding")
    ids = [y.pk for y in alternatives]
    if len(set(ids)) != len(ids):
        raise ServiceError(
            {"alternatives": "Ett yrkande kan bara ställas en gång i samma proposition."}
        )
    if len(ids) < 2:
        raise ServiceError(
            {"alternatives": "Välj minst två yrkanden att ställa mot varandra."},
            code="too_few",
        )
    for yrkande in alternatives:
        if yrkande.outcome == Yrkande.Outcome.WITHDRAWN:
            raise ServiceError(
                {"alternatives": f"Yrkande {yrkande.position} är återkallat och prövas inte."}
            )
        if yrkande.requested_by_count is not None:
            raise ServiceError(
                {
                    "alternatives": f"Yrkande {yrkande.position} är bifallet på minoritetens "
                    "begäran och ställs inte under proposition."
                }
            )
    if finding is None:
        raise ServiceError({"finding": "Ange vilket yrkande ordföranden finner bifall till."})
    if finding.pk not in ids:
        raise ServiceError(
            {"finding": "Ordföranden kan bara finna bifall till ett av yrkandena i propositionen."}
        )


@transaction.atomic
def add_proposition(
    *, paragraph: Paragraph, alternatives: Sequence[Yrkande], finding: Yrkande
) -> Proposition:
    """Add a step to the beslutsordning and derive the yrkanden's outcomes from it.

    The alternatives are stored in the order given (the order the chair puts them). Locks the
    paragraph row.
    """
    locked = _lock(paragraph)
    alternatives = [Yrkande.objects.get(pk=y.pk) for y in alternatives]
    check_proposition(paragraph=locked, alternatives=alternatives, finding=finding)
    proposition = Proposition.objects.create(
        paragraph=locked,
        position=_next_position(Proposition.objects.filter(paragraph=locked)),
        finding=finding,
    )
    PropositionAlternative.objects.bulk_create(
        [
            PropositionAlternative(proposition=proposition, yrkande=y, position=i)
            for i, y in enumerate(alternatives, start=1)
        ]
    )
    settle_outcomes(locked)
    return proposition


def check_delete_proposition(*, paragraph: Paragraph, proposition: Proposition) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, proposition, "proposition")


@transaction.atomic
def delete_proposition(*, paragraph: Paragraph, proposition: Proposition) -> None:
    """Remove a step of the beslutsordning with its votering; the outcomes follow. Locks the
    paragraph row."""
    locked = _lock(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    check_delete_proposition(paragraph=locked, proposition=proposition)
    position = proposition.position
    proposition.delete()
    for row in Proposition.objects.filter(paragraph=locked, position__gt=position).order_by(
        "position"
    ):
        row.position -= 1
        row.save(update_fields=["position"])
    settle_outcomes(locked)


# --- Votering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteCount:
    """A roll call's result: the tally counted from it, and the yrkande it carries."""

    tally: law.Tally
    result: str
    winner: Yrkande
    casting_vote: bool


def check_vote(
    *,
    paragraph: Paragraph,
    proposition: Proposition,
    yes_for: Yrkande | None,
    no_for: Yrkande | None,
    answers: Mapping[int, str],
) -> VoteCount:
    """Raise unless the roll call is complete and lawful; returns the counted result.

    ``answers`` maps person id → ja/nej/avstar/franvarande and must hold exactly those who
    serve in the paragraph and are not jäviga. The tally is counted from it, never typed; on a
    tie the ordförande's ja or nej decides (utslagsröst). Reads only.
    """
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, proposition, "proposition")
    alternatives = set(
        PropositionAlternative.objects.filter(proposition=proposition).values_list(
            "yrkande_id", flat=True
        )
    )
    errors: dict[str, str] = {}
    if yes_for is None:
        errors["yes_for"] = "Ange vilket yrkande en ja-röst står för."
    elif yes_for.pk not in alternatives:
        errors["yes_for"] = "Ja-rösten måste stå för ett av yrkandena i propositionen."
    if no_for is None:
        errors["no_for"] = "Ange vilket yrkande en nej-röst står för."
    elif no_for.pk not in alternatives:
        errors["no_for"] = "Nej-rösten måste stå för ett av yrkandena i propositionen."
    elif yes_for is not None and yes_for.pk == no_for.pk:
        errors["no_for"] = "Ja och nej måste stå för olika yrkanden."
    if errors:
        raise ServiceError(errors)

    roll = roll_of(paragraph)
    names = _names(set(answers) | set(roll.deciding))
    problems = []
    for person_id in answers:
        name = names.get(person_id, f"Person {person_id}")
        if person_id in roll.jav:
            problems.append(f"{name} är jävig i {_where(paragraph)} och får inte rösta.")
        elif person_id not in roll.serving:
            problems.append(f"{name} tjänstgör inte i {_where(paragraph)}.")
        elif answers[person_id] not in ANSWERS:
            problems.append(f"Ange hur {name} röstade: ja, nej, avstår eller frånvarande.")
    for person_id in roll.order:
        if not answers.get(person_id):
            problems.append(f"Ange hur {names[person_id]} röstade.")
    if problems:
        raise ServiceError({"ballots": problems})

    reserved = set(
        Reservation.objects.filter(paragraph=paragraph).values_list("person_id", flat=True)
    )
    for person_id in sorted(reserved):
        if answers.get(person_id) in (law.ABSTAIN, law.ABSENT):
            raise ServiceError(
                {
                    "ballots": f"{names[person_id]} har reserverat sig och kan inte ha avstått "
                    "eller varit frånvarande; ta bort reservationen först."
                }
            )

    tally = law.tally_of(answers.values())
    chair_id = paragraph.meeting.chair_id
    result = law.vote_result(tally, answers.get(chair_id) if chair_id else None)
    if result is None:
        raise ServiceError({"ballots": TIE_MESSAGE}, code="tie")
    return VoteCount(
        tally=tally,
        result=result,
        winner=yes_for if result == law.YES else no_for,
        casting_vote=tally.yes == tally.no,
    )


@transaction.atomic
def record_vote(
    *,
    paragraph: Paragraph,
    proposition: Proposition,
    yes_for: Yrkande,
    no_for: Yrkande,
    answers: Mapping[int, str],
) -> Vote:
    """Record the votering on ``proposition``, replacing any earlier one.

    Stores the roll call and the tally counted from it; the chair's finding becomes the vote's
    result and the yrkanden's outcomes follow. Locks the paragraph row.
    """
    locked = _lock(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    count = check_vote(
        paragraph=locked,
        proposition=proposition,
        yes_for=yes_for,
        no_for=no_for,
        answers=answers,
    )
    Vote.objects.filter(proposition=proposition).delete()
    vote = Vote.objects.create(
        proposition=proposition,
        yes_for=yes_for,
        no_for=no_for,
        yes_count=count.tally.yes,
        no_count=count.tally.no,
        abstain_count=count.tally.abstain,
    )
    order = roll_of(locked).order
    Ballot.objects.bulk_create(
        [Ballot(vote=vote, person_id=pid, answer=answers[pid]) for pid in order]
    )
    if proposition.finding_id != count.winner.pk:
        proposition.finding = count.winner
        proposition.save(update_fields=["finding"])
    settle_outcomes(locked)
    return vote


def check_delete_vote(*, paragraph: Paragraph, proposition: Proposition) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, proposition, "proposition")


@transaction.atomic
def delete_vote(*, paragraph: Paragraph, proposition: Proposition) -> None:
    """Remove the votering on ``proposition``; the chair's finding stays. Locks the paragraph."""
    locked = _lock(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    check_delete_vote(paragraph=locked, proposition=proposition)
    Vote.objects.filter(proposition=proposition).delete()


# --- Reservationer ---------------------------------------------------------------------------


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

    Only one who took part may reserve (KL 4 kap. 27 §): not a jävig member, not one who was
    absent or abstained in a vote. A member reserves against a decision they opposed: not one
    whose own yrkande was carried and who did not vote against the result, and not in favour of
    a yrkande that was carried. Reads only.
    """
    check_paragraph_editable(paragraph)
    if person is None:
        raise ServiceError({"person": "Välj vem som reserverar sig."})
    if in_favour_of is not None:
        _check_belongs(paragraph, in_favour_of, "in_favour_of")
    where = _where(paragraph)
    if Jav.objects.filter(paragraph=paragraph, person=person).exists():
        raise ServiceError(
            {"person": f"{person.full_name} är jävig i {where} och deltog inte i beslutet."}
        )
    if Ballot.objects.filter(
        vote__proposition__paragraph=paragraph, person=person, answer=law.ABSENT
    ).exists():
        raise ServiceError(
            {
                "person": f"{person.full_name} var frånvarande vid voteringen och kan inte "
                "reservera sig."
            }
        )
    if Reservation.objects.filter(paragraph=paragraph, person=person).exists():
        raise ServiceError({"person": f"{person.full_name} har redan reserverat sig i {where}."})
    reservation = Reservation(
        paragraph=paragraph,
        person=person,
        position=_next_position(Reservation.objects.filter(paragraph=paragraph)),
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
    locked = _lock(paragraph)
    if in_favour_of is not None:
        in_favour_of = Yrkande.objects.get(pk=in_favour_of.pk)
    reservation = check_reservation(
        paragraph=locked, person=person, in_favour_of=in_favour_of, motivation=motivation
    )
    reservation.save()
    return reservation


def check_delete_reservation(*, paragraph: Paragraph, reservation: Reservation) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, reservation, "reservation")


@transaction.atomic
def delete_reservation(*, paragraph: Paragraph, reservation: Reservation) -> None:
    """Remove a reservation; the later ones move up. Locks the paragraph row."""
    locked = _lock(paragraph)
    reservation = Reservation.objects.get(pk=reservation.pk)
    check_delete_reservation(paragraph=locked, reservation=reservation)
    position = reservation.position
    reservation.delete()
    for row in Reservation.objects.filter(paragraph=locked, position__gt=position).order_by(
        "position"
    ):
        row.position -= 1
        row.save(update_fields=["position"])


# --- The minority's återremiss or bordläggning (KL 5 kap. 50 §) ------------------------------


def minority_precedent(paragraph: Paragraph, yrkande: Yrkande) -> Yrkande | None:
    """An earlier yrkande on the same matter carried on the minority's request, if any."""
    rows = Yrkande.objects.filter(
        kind__in=FORMAL_KINDS,
        requested_by_count__isnull=False,
        outcome=Yrkande.Outcome.CARRIED,
    ).exclude(pk=yrkande.pk)
    if paragraph.case_id:
        rows = rows.filter(paragraph__case_id=paragraph.case_id)
    else:
        rows = rows.filter(paragraph=paragraph)
    return (
        rows.select_related("paragraph__meeting", "paragraph__body")
        .order_by("paragraph__meeting__date", "paragraph__number")
        .first()
    )


def check_minority_request(*, paragraph: Paragraph, yrkande: Yrkande, asking: int | None) -> int:
    """Raise unless ``asking`` ledamöter carry ``yrkande`` without a vote; returns how many
    are present (serving in the paragraph, jäviga not counted). Reads only.

    Only in fullmäktige, only återremiss or bordläggning, at least a third of those present,
    and once per matter.
    """
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, yrkande, "yrkande")
    if paragraph.meeting.body.kind != Body.Kind.COUNCIL:
        raise ServiceError({"asking": COUNCIL_ONLY}, code="not_council")
    if yrkande.kind not in FORMAL_KINDS:
        raise ServiceError(
            {
                "asking": "Bara ett yrkande om återremiss eller bordläggning kan bifallas på "
                "minoritetens begäran."
            }
        )
    if Proposition.objects.filter(
        Q(finding=yrkande) | Q(alternative_rows__yrkande=yrkande), paragraph=paragraph
    ).exists():
        raise ServiceError(
            {"asking": "Yrkandet är redan ställt under proposition; ta bort propositionen först."}
        )
    present = len(roll_of(paragraph).deciding)
    if asking is None or asking < 1:
        raise ServiceError({"asking": "Ange hur många ledamöter som begär det."})
    if asking > present:
        raise ServiceError(
            {"asking": f"Fler än de {present} närvarande ledamöterna kan inte begära det."}
        )
    if not law.minority_request_carries(asking, present):
        need = math.ceil(present / 3)
        raise ServiceError(
            {
                "asking": f"{asking} av {present} räcker inte: minst en tredjedel av de "
                f"närvarande ledamöterna ({need} av {present}) måste begära det."
            },
            code="too_few",
        )
    earlier = minority_precedent(paragraph, yrkande)
    if earlier is not None:
        where = (
            f"{earlier.paragraph.body.code} {earlier.paragraph.meeting.date:%Y-%m-%d} "
            f"§ {earlier.paragraph.number}"
        )
        done = "återremitterats" if earlier.kind == Yrkande.Kind.REFERRAL_BACK else "bordlagts"
        raise ServiceError(
            {
                "asking": f"Ärendet har redan {done} på minoritetens begäran ({where}); "
                "det kan bara ske en gång."
            },
            code="once",
        )
    return present


@transaction.atomic
def carry_minority_request(*, paragraph: Paragraph, yrkande: Yrkande, asking: int) -> Yrkande:
    """Carry a återremiss or bordläggning that ``asking`` ledamöter ask for, without a vote.

    Records how many asked and sets the yrkande bifallet. Locks the paragraph row.
    """
    locked = _lock(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_minority_request(paragraph=locked, yrkande=yrkande, asking=asking)
    yrkande.requested_by_count = asking
    yrkande.outcome = Yrkande.Outcome.CARRIED
    yrkande.save(update_fields=["requested_by_count", "outcome"])
    return yrkande


def check_undo_minority_request(*, paragraph: Paragraph, yrkande: Yrkande) -> None:
    check_paragraph_editable(paragraph)
    _check_belongs(paragraph, yrkande, "yrkande")


@transaction.atomic
def undo_minority_request(*, paragraph: Paragraph, yrkande: Yrkande) -> Yrkande:
    """Take back a minority request entered by mistake; the outcome is derived again.

    Locks the paragraph row.
    """
    locked = _lock(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_undo_minority_request(paragraph=locked, yrkande=yrkande)
    yrkande.requested_by_count = None
    yrkande.outcome = ""
    yrkande.save(update_fields=["requested_by_count", "outcome"])
    settle_outcomes(locked)
    yrkande.refresh_from_db()
    return yrkande
