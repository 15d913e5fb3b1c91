"""Who may see a body's secret paragraphs and its drafts (``docs/decisions/0011-roles.md``).

Staff users see every secret matter. With a ``body`` — the body whose paragraph, meeting or
case is shown — its nämndsekreterare and the förtroendevalda with a seat in it today see its
confidential paragraphs too (``decisions.view_confidential`` in ``organisation/rules.py``).
Pages that list several bodies' paragraphs pass no body: there only staff see the secret titles.
"""

from django.contrib.auth.models import AnonymousUser, User

from .models import Body


def may_see_secret(user: User | AnonymousUser, body: Body | None = None) -> bool:
    if user.is_active and user.is_staff:
        return True
    if body is None:
        return False
    return user.has_perm("decisions.view_confidential", body)


def may_see_draft(user: User | AnonymousUser, body: Body) -> bool:
    """Whether ``user`` may read the content of ``body``'s planned meetings."""
    if user.is_active and user.is_staff:
        return True
    return user.has_perm("decisions.view_draft", body)
