"""The beslutsordning: the chair's propositions, each putting yrkanden against each other and
finding for one of them; the yrkanden's outcomes follow (``derived.settle_outcomes``).

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``lock_editable_paragraph``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used. Who may act in the §
is ``decisions.models.participation``'s answer.
"""

from collections.abc import Sequence

from django.db import transaction

from common import ordering
from common.errors import ServiceError

from ..models import Paragraph, Proposition, PropositionAlternative, Yrkande
from .derived import settle_outcomes
from .finality import check_belongs, check_paragraph_editable, lock_editable_paragraph


def check_proposition(
    *, paragraph: Paragraph, alternatives: Sequence[Yrkande], finding: Yrkande | None
) -> None:
    """Raise unless the chair may put ``alternatives`` against each other and find ``finding``.

    Two or more yrkanden of this paragraph, each once, none withdrawn or already carried on the
    minority's request; the finding is one of them. Reads only.
    """
    check_paragraph_editable(paragraph)
    for yrkande in alternatives:
        check_belongs(paragraph, yrkande, "alternatives")
    if finding is not None:
        check_belongs(paragraph, finding, "finding")
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
    locked = lock_editable_paragraph(paragraph)
    alternatives = [Yrkande.objects.get(pk=y.pk) for y in alternatives]
    check_proposition(paragraph=locked, alternatives=alternatives, finding=finding)
    proposition = Proposition.objects.create(
        paragraph=locked,
        position=ordering.next_position(Proposition.objects.filter(paragraph=locked)),
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
    check_belongs(paragraph, proposition, "proposition")


@transaction.atomic
def delete_proposition(*, paragraph: Paragraph, proposition: Proposition) -> None:
    """Remove a step of the beslutsordning with its votering; the outcomes follow. Locks the
    paragraph row."""
    locked = lock_editable_paragraph(paragraph)
    proposition = Proposition.objects.get(pk=proposition.pk)
    check_delete_proposition(paragraph=locked, proposition=proposition)
    proposition.delete()
    ordering.close_gap(Proposition.objects.filter(paragraph=locked))
    settle_outcomes(locked)
