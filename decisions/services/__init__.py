"""Writes about meetings and protocols, one module per capability.

Each write comes in two halves, as in Zulip's ``check_*`` / ``do_*``: ``check_…`` raises a
``ServiceError`` with a Swedish message (a dict puts it beside a form field) and changes nothing;
the write is ``@transaction.atomic``, takes keyword-only arguments, takes its row locks
(``locks``: body, then meeting, then paragraph) and calls its check again under them. Each
write's docstring says which lock it takes.

- ``locks`` — the row locks; ``finality`` — what is final may not change (justerad paragraph,
  justerat meeting) and a part must belong to its paragraph;
- ``justering`` — approvals, justering, omedelbar justering; ``referral_answers`` — the
  referrals a justerad § answers; ``notices`` — anslag and its rättelser;
  ``after_justering`` — rättelser and expediering;
- ``meetings`` — a meeting, its chair and justerare, marking it held; ``agenda`` — the §§ on
  it and their numbers; ``attendance`` — who attended, for which §§;
- ``motion_announcements`` — anmälan av motioner: KF takes motions up and remits them;
- ``content``, ``proposals``, ``basis_and_recipients``, ``jav_and_notes``, ``motion_outcome``
  — a paragraph's content in the editor; ``suggested_texts`` — texts the editor offers;
- ``yrkanden``, ``propositions``, ``votes``, ``reservations``, ``minority`` — the debate;
  ``derived`` — the stored outcomes and tallies that follow from it.

Callers import the module they need (``from decisions.services import votes``); the public
names are also re-exported here, so ``from decisions import services`` reaches them all.
Who serves, takes part, may vote or reserve in a § is ``decisions.models.participation``'s.
"""

from common.errors import ServiceError

from .after_justering import (
    check_correct,
    check_mark_sent,
    correct,
    mark_sent,
)
from .agenda import (
    add_paragraph,
    check_add_paragraph,
    check_move,
    check_remove_paragraph,
    check_renumber,
    move,
    next_number,
    parts_of,
    remove_paragraph,
    renumber,
)
from .attendance import (
    Other,
    Presence,
    Substitution,
    check_set_attendance,
    set_attendance,
)
from .basis_and_recipients import (
    add_basis,
    add_recipient,
    check_add_basis,
    check_add_recipient,
    check_update_basis,
    update_basis,
)
from .content import (
    ORDERED,
    Part,
    add_decision_point,
    check_add_decision_point,
    check_delete_part,
    check_move_part,
    check_update_arende,
    check_update_point,
    delete_part,
    move_part,
    required_text,
    update_arende,
    update_point,
)
from .derived import (
    derived_outcomes,
    derived_tally,
    settle_outcomes,
    store_vote,
)
from .finality import (
    FINAL_MESSAGE,
    JUSTERAT_MESSAGE,
    PART_NAMES,
    check_belongs,
    check_meeting_open,
    check_paragraph_editable,
    check_part_editable,
    lock_editable_paragraph,
    paragraph_id_of,
    part_is_final,
)
from .jav_and_notes import (
    TAKES_NO_PART,
    add_jav,
    add_note,
    check_add_jav,
    check_add_note,
)
from .justering import (
    JUSTERING_DAYS,
    approve_protocol,
    approve_protocol_for,
    check_justera,
    check_justera_immediately,
    is_late_justering,
    justera,
    justera_immediately,
    justerat_on,
    justering_is_late,
    missing_approvals,
)
from .locks import (
    lock_body,
    lock_body_and_meeting,
    lock_meeting,
    lock_paragraph,
)
from .meetings import (
    chair_problem,
    check_create_meeting,
    check_mark_held,
    check_set_adjusters,
    check_update_meeting,
    create_meeting,
    mark_held,
    set_adjusters,
    update_meeting,
)
from .minority import (
    COUNCIL_ONLY,
    carry_minority_request,
    check_minority_request,
    check_undo_minority_request,
    minority_precedent,
    undo_minority_request,
)
from .motion_announcements import announce_motions, check_announce_motions
from .motion_outcome import (
    check_decide_motion,
    decide_motion,
)
from .notices import (
    NOTICE_DAYS,
    check_correct_notice,
    check_post_notice,
    correct_notice,
    is_late_notice,
    notice_due_on,
    notice_is_late,
    post_notice,
)
from .proposals import (
    add_proposal,
    add_proposal_point,
    check_add_proposal,
    check_add_proposal_point,
    check_copy_proposal,
    check_set_quotes,
    copy_proposal,
    later_bodies,
    proposal_sources,
    quotable,
    set_quotes,
    suggested_quote,
)
from .propositions import (
    add_proposition,
    check_delete_proposition,
    check_proposition,
    delete_proposition,
)
from .referral_answers import close_answered_referrals
from .reservations import (
    add_reservation,
    check_delete_reservation,
    check_reservation,
    delete_reservation,
    own_yrkande,
)
from .suggested_texts import (
    ARENDE_HEADINGS,
    NEXT_HEADINGS,
    arende_from_text,
    default_citation,
    endorsement,
    genitive,
    officer_report,
    paragraph_ref,
    proposer,
)
from .votes import (
    ANSWERS,
    TIE_MESSAGE,
    VoteCount,
    check_delete_vote,
    check_vote,
    delete_vote,
    record_vote,
)
from .yrkanden import (
    FORMAL_KINDS,
    check_delete_yrkande,
    check_move_yrkande,
    check_yrkande,
    delete_yrkande,
    move_yrkande,
    save_yrkande,
)

__all__ = [
    "ANSWERS",
    "ARENDE_HEADINGS",
    "COUNCIL_ONLY",
    "FINAL_MESSAGE",
    "FORMAL_KINDS",
    "JUSTERAT_MESSAGE",
    "JUSTERING_DAYS",
    "NEXT_HEADINGS",
    "NOTICE_DAYS",
    "ORDERED",
    "PART_NAMES",
    "TAKES_NO_PART",
    "TIE_MESSAGE",
    "Other",
    "Part",
    "Presence",
    "ServiceError",
    "Substitution",
    "VoteCount",
    "add_basis",
    "add_decision_point",
    "add_jav",
    "add_note",
    "add_paragraph",
    "add_proposal",
    "add_proposal_point",
    "add_proposition",
    "add_recipient",
    "add_reservation",
    "announce_motions",
    "approve_protocol",
    "approve_protocol_for",
    "arende_from_text",
    "carry_minority_request",
    "chair_problem",
    "check_add_basis",
    "check_add_decision_point",
    "check_add_jav",
    "check_add_note",
    "check_add_paragraph",
    "check_add_proposal",
    "check_add_proposal_point",
    "check_add_recipient",
    "check_announce_motions",
    "check_belongs",
    "check_copy_proposal",
    "check_correct",
    "check_correct_notice",
    "check_create_meeting",
    "check_decide_motion",
    "check_delete_part",
    "check_delete_proposition",
    "check_delete_reservation",
    "check_delete_vote",
    "check_delete_yrkande",
    "check_justera",
    "check_justera_immediately",
    "check_mark_held",
    "check_mark_sent",
    "check_meeting_open",
    "check_minority_request",
    "check_move",
    "check_move_part",
    "check_move_yrkande",
    "check_paragraph_editable",
    "check_part_editable",
    "check_post_notice",
    "check_proposition",
    "check_remove_paragraph",
    "check_renumber",
    "check_reservation",
    "check_set_adjusters",
    "check_set_attendance",
    "check_set_quotes",
    "check_undo_minority_request",
    "check_update_arende",
    "check_update_basis",
    "check_update_meeting",
    "check_update_point",
    "check_vote",
    "check_yrkande",
    "close_answered_referrals",
    "copy_proposal",
    "correct",
    "correct_notice",
    "create_meeting",
    "decide_motion",
    "default_citation",
    "delete_part",
    "delete_proposition",
    "delete_reservation",
    "delete_vote",
    "delete_yrkande",
    "derived_outcomes",
    "derived_tally",
    "endorsement",
    "genitive",
    "is_late_justering",
    "is_late_notice",
    "justera",
    "justera_immediately",
    "justerat_on",
    "justering_is_late",
    "later_bodies",
    "lock_body",
    "lock_body_and_meeting",
    "lock_editable_paragraph",
    "lock_meeting",
    "lock_paragraph",
    "mark_held",
    "mark_sent",
    "minority_precedent",
    "missing_approvals",
    "move",
    "move_part",
    "move_yrkande",
    "next_number",
    "notice_due_on",
    "notice_is_late",
    "officer_report",
    "own_yrkande",
    "paragraph_id_of",
    "paragraph_ref",
    "part_is_final",
    "parts_of",
    "post_notice",
    "proposal_sources",
    "proposer",
    "quotable",
    "record_vote",
    "remove_paragraph",
    "renumber",
    "required_text",
    "save_yrkande",
    "set_adjusters",
    "set_attendance",
    "set_quotes",
    "settle_outcomes",
    "store_vote",
    "suggested_quote",
    "undo_minority_request",
    "update_arende",
    "update_basis",
    "update_meeting",
    "update_point",
]
