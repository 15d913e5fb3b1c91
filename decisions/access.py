"""Who may see what is secret, and what is not yet public (docs/decisions/0011-roles.md).

Staff users see every secret matter, as before the roles came. With a ``body`` — the body
whose paragraph, meeting or case is shown — its nämndsekreterare and the förtroendevalda with
a seat in it today see its confidential paragraphs too (``decisions.view_confidential`` in
``organisation/rules.py``). Pages that list several bodies' paragraphs pass no body: there only
staff see the secret titles.

A paragraph of a meeting that is still planned is a draft: its number, title and Dnr stand on
the public föredragningslista, its content does not. The same people see a draft's content
(``decisions.view_draft``), always asked on the paragraph's own body. Pages listing several
bodies leave drafts out altogether (``Paragraph.objects.published()``).
"""

from django.contrib.auth.models import AnonymousUser, User

from organisation.models import Body

from .models import Meeting, Paragraph


def may_see_secret(user: User | AnonymousUser, body: Body | None = None) -> bool:
    if user.is_active and user.is_staff:
        return True
    if body is None:
        return False
    return user.has_perm("decisions.view_confidential", body)


def is_draft(paragraph: Paragraph) -> bool:
    """A paragraph of a meeting not yet held: its content is not public."""
    return paragraph.meeting.status == Meeting.Status.PLANNED


def may_see_draft(user: User | AnonymousUser, body: Body) -> bool:
    """Whether ``user`` may read the content of ``body``'s planned meetings."""
    if user.is_active and user.is_staff:
        return True
    return user.has_perm("decisions.view_draft", body)
