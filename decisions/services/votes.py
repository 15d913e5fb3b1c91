"""Votering: a roll call on a proposition, its tally counted from the roll call and the result
(with the ordförande's casting vote on a tie) made the chair's finding.

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``lock_editable_paragraph``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used. Who may act in the §
is ``decisions.models.participation``'s answer.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from common.errors import ServiceError

from .. import law
from ..models import Paragraph, Proposition, PropositionAlternative, Reservation, Vote, Yrkande
from ..models.participation import names_of, roll_of
from .derived import settle_outcomes, store_vote
from .finality import check_belongs, check_paragraph_editable, lock_editable_paragraph

ANSWERS = {law.YES, law.NO, law.ABSTAIN, law.ABSENT}


TIE_MESSAGE = (
    "Lika röstetal: ordförandens röst avgör, men ordföranden har inte röstat ja eller nej."
)


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
    check_belongs(paragraph, proposition, "proposition")
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
    names = names_of(set(answers) | set(roll.deciding))
    problems = []
    for person_id in answers:
        name = names.get(person_id, f"Person {person_id}")
        if problem := roll.voting_problem(person_id, name):
            problems.append(problem)
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
    locked = lock_editable_paragraph(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    count = check_vote(
        paragraph=locked,
        proposition=proposition,
        yes_for=yes_for,
        no_for=no_for,
        answers=answers,
    )
    vote = store_vote(
        proposition=proposition,
        yes_for=yes_for,
        no_for=no_for,
        answers=answers,
        order=roll_of(locked).order,
    )
    if proposition.finding_id != count.winner.pk:
        proposition.finding = count.winner
        proposition.save(update_fields=["finding"])
    settle_outcomes(locked)
    return vote


def check_delete_vote(*, paragraph: Paragraph, proposition: Proposition) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, proposition, "proposition")


@transaction.atomic
def delete_vote(*, paragraph: Paragraph, proposition: Proposition) -> None:
    """Remove the votering on ``proposition``; the chair's finding stays. Locks the paragraph."""
    locked = lock_editable_paragraph(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    check_delete_vote(paragraph=locked, proposition=proposition)
    Vote.objects.filter(proposition=proposition).delete()
