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

from organisation.access import case_visibility, may_see_case, may_see_draft, may_see_secret

from .models import Meeting, Paragraph

__all__ = ["case_visibility", "is_draft", "may_see_case", "may_see_draft", "may_see_secret"]


def is_draft(paragraph: Paragraph) -> bool:
    """A paragraph of a meeting not yet held: its content is not public."""
    return paragraph.meeting.status == Meeting.Status.PLANNED
