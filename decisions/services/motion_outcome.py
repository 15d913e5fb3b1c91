"""The motion's outcome, decided by fullmäktige's paragraph on it.

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting (``check_belongs``).
"""

from django.db import transaction

from common.errors import ServiceError
from motions.models import Case, Motion
from organisation.models import Body

from ..models import Meeting, Paragraph
from .finality import check_paragraph_editable
from .locks import lock_paragraph
from .suggested_texts import paragraph_ref


def check_decide_motion(*, paragraph: Paragraph, outcome: str) -> Motion:
    """Raise unless KF's ojusterad ``paragraph`` may set (or, with "", clear) its motion's
    outcome; return the motion. Reads only."""
    check_paragraph_editable(paragraph)
    if paragraph.body.kind != Body.Kind.COUNCIL:
        raise ServiceError(
            {"outcome": "En motion avgörs av kommunfullmäktige."}, code="not_council"
        )
    case = paragraph.case
    motion = Motion.objects.filter(case_id=case.pk).first() if case else None
    if case is None or case.kind != Case.Kind.MOTION or motion is None:
        raise ServiceError({"outcome": "Paragrafens ärende är inte en motion."}, code="no_motion")
    if outcome and outcome not in Motion.Outcome.values:
        raise ServiceError({"outcome": "Välj ett av utfallen."}, code="outcome")
    if outcome and paragraph.meeting.status == Meeting.Status.PLANNED:
        # Before the meeting is held its paragraphs are drafts (docs/decisions/0011-roles.md);
        # the motion's public status must not say "avgjord" on a draft.
        raise ServiceError(
            {
                "outcome": "Fullmäktige har inte sammanträtt än; ange utfallet när sammanträdet "
                "är markerat som genomfört."
            },
            code="planned",
        )
    if motion.decided_by_id and motion.decided_by_id != paragraph.pk:
        decided_by = Paragraph.objects.select_related("meeting", "body").get(
            pk=motion.decided_by_id
        )
        raise ServiceError(
            {"outcome": f"Motionen är redan avgjord genom {paragraph_ref(decided_by)}."},
            code="decided",
        )
    return motion


@transaction.atomic
def decide_motion(*, paragraph: Paragraph, outcome: str) -> Motion:
    """Record the motion's outcome as decided by KF's ``paragraph``; "" undoes it.

    The motion's stage (avgjord) is derived from ``decided_by``, so this is the only edit.
    Locks the paragraph row, then the motion row.
    """
    locked = lock_paragraph(paragraph)
    if locked.case_id:
        # Lock before checking, so the check reads the motion as no one else can change it.
        list(Motion.objects.select_for_update().filter(case_id=locked.case_id))
    motion = check_decide_motion(paragraph=locked, outcome=outcome)
    if outcome:
        motion.outcome, motion.decided_by = outcome, locked
    else:
        motion.outcome, motion.decided_by = "", None
    motion.save(update_fields=["outcome", "decided_by"])
    return motion
