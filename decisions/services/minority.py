"""The minority's återremiss or bordläggning in fullmäktige (KL 5 kap. 50 §): carried without
a vote when at least a third of the ledamöter present ask for it, once per matter.

Every write is keyword-only and ``@transaction.atomic``; it locks the paragraph row first
(``SELECT … FOR UPDATE``), refuses a justerad paragraph (``lock_editable_paragraph``) and runs
its ``check_…`` twin again under the lock. A check raises ``ServiceError`` with a Swedish message
keyed to the field it concerns and changes nothing. Objects passed in must belong to the
paragraph; another paragraph's yrkande is refused, never silently used. Who may act in the §
is ``decisions.models.participation``'s answer.
"""

import math

from django.db import transaction
from django.db.models import Q

from common.errors import ServiceError
from organisation.models import Body

from .. import law
from ..models import Paragraph, Proposition, Yrkande
from ..models.participation import roll_of
from .derived import settle_outcomes
from .finality import check_belongs, check_paragraph_editable, lock_editable_paragraph
from .yrkanden import FORMAL_KINDS

COUNCIL_ONLY = "Minoritetsåterremiss finns bara i fullmäktige."


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
    check_belongs(paragraph, yrkande, "yrkande")
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

    Records how many asked; the yrkande is then bifallet (``derived.settle_outcomes``). Locks
    the paragraph row.
    """
    locked = lock_editable_paragraph(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_minority_request(paragraph=locked, yrkande=yrkande, asking=asking)
    yrkande.requested_by_count = asking
    yrkande.save(update_fields=["requested_by_count"])
    settle_outcomes(locked)
    yrkande.refresh_from_db()
    return yrkande


def check_undo_minority_request(*, paragraph: Paragraph, yrkande: Yrkande) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, yrkande, "yrkande")


@transaction.atomic
def undo_minority_request(*, paragraph: Paragraph, yrkande: Yrkande) -> Yrkande:
    """Take back a minority request entered by mistake; the outcome is derived again.

    Locks the paragraph row.
    """
    locked = lock_editable_paragraph(paragraph)
    yrkande = Yrkande.objects.get(pk=yrkande.pk)
    check_undo_minority_request(paragraph=locked, yrkande=yrkande)
    yrkande.requested_by_count = None
    yrkande.save(update_fields=["requested_by_count"])
    settle_outcomes(locked)
    yrkande.refresh_from_db()
    return yrkande
