"""Anmälan av motioner: kommunfullmäktige takes up motions that have come in.

A motion is registered when it comes in; it is väckt when a KF paragraph takes it up (usually
one § "Anmälan av motioner" listing several), and that paragraph remits it to kommunstyrelsen
for beredning (KL 5 kap. 22 §, 26 §). The one-year limit runs from that meeting
(``Motion.deadline``). Registering a motion already väckt at a named meeting stays possible
(``casework.register_motion``), for motions entered after the fact.
"""

from collections.abc import Sequence

from django.db import transaction

from common.errors import ServiceError
from common.text import iso_day
from motions.models import Motion, Referral
from motions.services import send_referral
from organisation.models import Body
from organisation.selectors import executive_board

from ..models import Meeting, Paragraph
from .agenda import add_paragraph
from .content import add_decision_point
from .finality import check_meeting_open

ANNOUNCEMENT_TITLE = "Anmälan av motioner"
REFERRED = "Motionerna remitteras till kommunstyrelsen för beredning."
REFERRED_ONE = "Motionen remitteras till kommunstyrelsen för beredning."


def check_announce_motions(
    *, meeting: Meeting, motions: Sequence[Motion], refer_to_board: bool
) -> None:
    """Raise ``ServiceError`` unless ``motions`` may be taken up at ``meeting``; reads only."""
    if meeting.body.kind != Body.Kind.COUNCIL:
        raise ServiceError("Motioner anmäls i kommunfullmäktige.", code="not_council")
    check_meeting_open(
        meeting, "Protokollet är justerat; anmäl motionerna vid ett kommande sammanträde."
    )
    if not motions:
        raise ServiceError({"motions": "Välj minst en motion att anmäla."})
    problems = []
    for motion in motions:
        if motion.raised_at_id:
            problems.append(f"{motion.case.dnr} är redan väckt ({iso_day(motion.raised_on)}).")
        elif motion.dated_on > meeting.date:
            problems.append(
                f"{motion.case.dnr} är daterad {iso_day(motion.dated_on)}, efter sammanträdet."
            )
    if problems:
        raise ServiceError({"motions": " ".join(problems)})
    if refer_to_board and executive_board() is None:
        raise ServiceError({"refer_to_board": "Det finns ingen kommunstyrelse att remittera till."})


@transaction.atomic
def announce_motions(
    *,
    meeting: Meeting,
    motions: Sequence[Motion],
    refer_to_board: bool = True,
    title: str = ANNOUNCEMENT_TITLE,
) -> Paragraph:
    """Put a § on the agenda that takes up ``motions``: they are väckta at ``meeting`` and, with
    ``refer_to_board``, remitted to kommunstyrelsen for beredning on the meeting's day.

    Locks the body and meeting rows (``add_paragraph``), then the motions' rows; a refusal
    leaves nothing written.
    """
    check_announce_motions(meeting=meeting, motions=motions, refer_to_board=refer_to_board)
    paragraph = add_paragraph(meeting=meeting, title=title)
    locked = list(
        Motion.objects.select_for_update(of=("self",))
        .select_related("case")
        .filter(pk__in=[motion.pk for motion in motions])
        .order_by("dated_on", "case__year", "case__serial")
    )
    check_announce_motions(meeting=meeting, motions=locked, refer_to_board=refer_to_board)
    board = executive_board()
    for motion in locked:
        motion.raised_at, motion.raised_in = meeting, paragraph
        motion.save(update_fields=["raised_at", "raised_in"])
        if refer_to_board:
            send_referral(
                case=motion.case,
                from_body=meeting.body,
                to_body=board,
                purpose=Referral.Purpose.PREPARATION,
                sent_on=meeting.date,
                due_on=None,
            )
    if refer_to_board:
        add_decision_point(paragraph=paragraph, text=REFERRED if len(locked) > 1 else REFERRED_ONE)
    for motion in motions:
        motion.refresh_from_db()
    return paragraph
