"""Who may see what is secret (docs/decisions/0011-roles.md).

Staff users see every secret matter, as before the roles came. With a ``body`` — the body
whose paragraph, meeting or case is shown — its nämndsekreterare and the förtroendevalda with
a seat in it today see its confidential paragraphs too (``decisions.view_confidential`` in
``organisation/rules.py``). Pages that list several bodies' paragraphs pass no body: there only
staff see the secret titles.
"""

from django.contrib.auth.models import AnonymousUser, User

from organisation.models import Body


def may_see_secret(user: User | AnonymousUser, body: Body | None = None) -> bool:
    if user.is_active and user.is_staff:
        return True
    if body is None:
        return False
    return user.has_perm("decisions.view_confidential", body)
