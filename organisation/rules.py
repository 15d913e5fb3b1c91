"""Who may do what: the roles of the clerk workspace as ``rules`` predicates and permissions.

Autodiscovered by ``rules.apps.AutodiscoverRulesConfig``. Every permission here is checked on
an object — ``user.has_perm("decisions.post_notice", meeting)`` — so a nämndsekreterare of SON
gets nothing on KS's meetings. Superusers keep every permission (``User.has_perm`` says yes
before asking any backend); inactive users get none. Roles count on today's date: an
assignment or a seat that has ended gives nothing. See docs/decisions/0011-roles.md.

(``decisions/law.py`` is something else: the law's rules — tallies, quorum, appeal days.)
"""

from __future__ import annotations

from typing import Any

import rules
from django.utils import timezone

from .models import Account, Body, ClerkAssignment, Membership, Person


def body_of(obj: Any) -> Body | None:
    """The body a meeting, paragraph or the body itself belongs to."""
    if isinstance(obj, Body):
        return obj
    return getattr(obj, "body", None)


def person_of(user: Any) -> Person | None:
    """The förtroendevald a login belongs to, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.account.person
    except Account.DoesNotExist:
        return None


def _assignments(user: Any, role: str):
    return ClerkAssignment.objects.on(timezone.localdate()).filter(user=user, role=role)


@rules.predicate
def is_secretary_of_body(user: Any, obj: Any) -> bool:
    """Nämndsekreterare of the body (of the meeting, of the paragraph)."""
    body = body_of(obj)
    if body is None or not user.is_authenticated:
        return False
    return _assignments(user, ClerkAssignment.Role.SECRETARY).filter(body=body).exists()


@rules.predicate
def is_registrator_of(user: Any, registry: Any) -> bool:
    """Registrator of the registry (or of a case's registry)."""
    registry = getattr(registry, "registry", registry)
    if registry is None or not user.is_authenticated:
        return False
    return _assignments(user, ClerkAssignment.Role.REGISTRATOR).filter(registry=registry).exists()


@rules.predicate
def is_chair_or_adjuster_of(user: Any, meeting: Any) -> bool:
    """The meeting's ordförande or one of its justerare (a paragraph stands for its meeting)."""
    meeting = getattr(meeting, "meeting", meeting)
    person = person_of(user)
    if meeting is None or person is None:
        return False
    return meeting.chair_id == person.pk or meeting.adjusters.filter(pk=person.pk).exists()


@rules.predicate
def is_member_of_body(user: Any, obj: Any) -> bool:
    """A förtroendevald with a seat in the body today — ledamot or ersättare alike."""
    body = body_of(obj)
    person = person_of(user)
    if body is None or person is None:
        return False
    return Membership.objects.on(timezone.localdate()).filter(person=person, body=body).exists()


is_secretary = rules.is_active & is_secretary_of_body

rules.add_perm(
    "decisions.justera_meeting", rules.is_active & (is_chair_or_adjuster_of | is_secretary_of_body)
)
# Recording another signatory's approval (the paper signature the clerk collected).
rules.add_perm("decisions.justera_on_behalf", is_secretary)
rules.add_perm("decisions.post_notice", is_secretary)
rules.add_perm("decisions.correct_paragraph", is_secretary)
rules.add_perm("decisions.expediera", is_secretary)
rules.add_perm(
    "decisions.view_confidential", rules.is_active & (is_secretary_of_body | is_member_of_body)
)
# The content of a planned meeting's paragraphs (drafts). The same people as for confidential
# paragraphs today; a permission of its own so that the two can part later.
rules.add_perm("decisions.view_draft", rules.is_active & (is_secretary_of_body | is_member_of_body))
rules.add_perm("motions.register_case", rules.is_active & is_registrator_of)


# --- The clerk workspace ----------------------------------------------------------------------


@rules.predicate
def is_secretary_of_receiving_body(user: Any, referral: Any) -> bool:
    """Nämndsekreterare of the body a referral was sent to: it answers the referral."""
    return is_secretary_of_body(user, getattr(referral, "to_body", None))


# Preparing a meeting: creating it, its agenda, attendance, justerare, renumbering.
rules.add_perm("decisions.prepare_meeting", is_secretary)
# Writing a paragraph in the editor: every part, from decision points to jäv.
rules.add_perm("decisions.edit_paragraph", is_secretary)
# Sending a case for beredning or yttrande from a body (checked on the sending body).
rules.add_perm("motions.refer_case", is_secretary)
# Answering a referral (checked on the referral: its receiving body's nämndsekreterare).
rules.add_perm("motions.answer_referral", rules.is_active & is_secretary_of_receiving_body)
# A body's incoming referrals: its nämndsekreterare and its förtroendevalda.
rules.add_perm(
    "motions.view_referrals", rules.is_active & (is_secretary_of_body | is_member_of_body)
)
