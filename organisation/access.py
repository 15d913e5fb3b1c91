"""Who may see a body's secret paragraphs and its drafts (``docs/decisions/0011-roles.md``).

Staff users see every secret matter. With a ``body`` — the body whose paragraph, meeting or
case is shown — its nämndsekreterare and the förtroendevalda with a seat in it today see its
confidential paragraphs too (``decisions.view_confidential`` in ``organisation/rules.py``).
Pages that list several bodies' paragraphs pass no body: there only staff see the secret titles.

A secret case is asked of its own body, the responsible one, wherever it is shown: a body it
was sent to on remiss does not see its title for being that body
(``docs/decisions/0017-secret-case-own-body.md``).
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser, User

from .models import Body


def may_see_secret(user: User | AnonymousUser, body: Body | None = None) -> bool:
    if user.is_active and user.is_staff:
        return True
    if body is None:
        return False
    return user.has_perm("decisions.view_confidential", body)


def may_see_case(user: User | AnonymousUser, case: Any) -> bool:
    """Whether ``user`` may see the title and content of ``case`` (a ``motions.Case``): any
    case that is not secret; a secret one as its responsible body's people (staff only if it
    has none)."""
    return not case.is_secret or may_see_secret(user, case.responsible_body)


def case_visibility(user: User | AnonymousUser) -> Callable[[Any], bool]:
    """``may_see_case`` for a list of cases: asks once per responsible body, so a page of
    many referrals makes as many permission queries as there are bodies, not rows."""
    answers: dict[int | None, bool] = {}

    def may_see(case: Any) -> bool:
        if not case.is_secret:
            return True
        key = case.responsible_body_id
        if key not in answers:
            answers[key] = may_see_case(user, case)
        return answers[key]

    return may_see


def may_see_draft(user: User | AnonymousUser, body: Body) -> bool:
    """Whether ``user`` may read the content of ``body``'s planned meetings."""
    if user.is_active and user.is_staff:
        return True
    return user.has_perm("decisions.view_draft", body)
