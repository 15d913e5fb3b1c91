"""Values stored for speed that follow from other rows, each written here and only here.

- A yrkande's **outcome** follows from the beslutsordning: the chair's finding in a
  proposition carries its yrkande and defeats the others put against it (a later proposition
  wins over an earlier one; a vote's result becomes the finding), and a minority's återremiss
  or bordläggning in fullmäktige is carried without a vote. ``derived_outcomes`` says what the
  outcomes must be, ``settle_outcomes`` writes them; every service that changes the debate
  calls it.
- A vote's **tally** follows from its roll call (``law.tally_of``); ``store_vote`` writes the
  roll call and the counts together.

``tests/test_derived.py`` holds the stored values to the derivations, on the demo and after the
services' writes.
"""

from collections.abc import Mapping, Sequence

from .. import law
from ..models import Ballot, Paragraph, Proposition, PropositionAlternative, Vote, Yrkande


def derived_outcomes(paragraph: Paragraph) -> dict[int, str]:
    """Yrkande id → the outcome the beslutsordning gives it.

    In each proposition, in order, the finding is carried and the other alternatives defeated.
    One carried on the minority's request is carried; a withdrawn yrkande stays withdrawn; a
    yrkande no proposition tries keeps only an outcome no proposition could have given it.
    """
    derived: dict[int, str] = {}
    alternatives: dict[int, list[int]] = {}
    for row in PropositionAlternative.objects.filter(proposition__paragraph=paragraph):
        alternatives.setdefault(row.proposition_id, []).append(row.yrkande_id)
    for proposition in Proposition.objects.filter(paragraph=paragraph).order_by("position"):
        for yrkande_id in alternatives.get(proposition.pk, []):
            derived[yrkande_id] = Yrkande.Outcome.DEFEATED
        derived[proposition.finding_id] = Yrkande.Outcome.CARRIED
    tried = (Yrkande.Outcome.CARRIED, Yrkande.Outcome.DEFEATED)
    outcomes = {}
    for yrkande in Yrkande.objects.filter(paragraph=paragraph):
        if yrkande.requested_by_count is not None:
            outcomes[yrkande.pk] = Yrkande.Outcome.CARRIED
        elif yrkande.outcome == Yrkande.Outcome.WITHDRAWN:
            outcomes[yrkande.pk] = yrkande.outcome
        else:
            kept = "" if yrkande.outcome in tried else yrkande.outcome
            outcomes[yrkande.pk] = derived.get(yrkande.pk, kept)
    return outcomes


def settle_outcomes(paragraph: Paragraph) -> None:
    """Write every yrkande's outcome that differs from ``derived_outcomes``."""
    wanted = derived_outcomes(paragraph)
    for yrkande in Yrkande.objects.filter(paragraph=paragraph):
        if wanted[yrkande.pk] != yrkande.outcome:
            yrkande.outcome = wanted[yrkande.pk]
            yrkande.save(update_fields=["outcome"])


def derived_tally(vote: Vote) -> law.Tally:
    """The tally a vote's roll call gives."""
    return law.tally_of(vote.ballots.values_list("answer", flat=True))


def store_vote(
    *,
    proposition: Proposition,
    yes_for: Yrkande,
    no_for: Yrkande,
    answers: Mapping[int, str],
    order: Sequence[int],
) -> Vote:
    """Write the votering on ``proposition``, replacing any earlier one: the roll call in
    ``order`` (person ids) and the tally counted from it, together."""
    Vote.objects.filter(proposition=proposition).delete()
    tally = law.tally_of(answers[person_id] for person_id in order)
    vote = Vote.objects.create(
        proposition=proposition,
        yes_for=yes_for,
        no_for=no_for,
        yes_count=tally.yes,
        no_count=tally.no,
        abstain_count=tally.abstain,
    )
    Ballot.objects.bulk_create(
        [Ballot(vote=vote, person_id=person_id, answer=answers[person_id]) for person_id in order]
    )
    return vote
