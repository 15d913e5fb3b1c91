"""The paragraph editor's page: one paragraph of an ojusterad protocol, every part editable.

The page is composed of two sections with their own views, forms and services:
``editor_content`` (decision, proposals, underlag, recipients, ärende, jäv, anteckningar, the
motion's outcome) and ``editor_debate`` (yrkanden, beslutsordning, votering, reservationer).
Each section module gives ``section_context(request, paragraph)``; its htmx actions re-render
the section and the preview of the paragraph as the protocol will print it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from common.views import login_required_first

from . import editor_content, editor_debate, meeting_selectors, selectors
from .access import may_see_secret
from .models import Paragraph
from .protocol import paragraph_text
from .protocol_views import _require


def editable_paragraph(request: HttpRequest, body: str, year: int, number: int) -> Paragraph:
    """The paragraph with every part, or 404; 403 unless the user may edit the body's paragraphs."""
    paragraph = get_object_or_404(
        selectors.paragraphs_with_parts(), body__slug=body, year=year, number=number
    )
    _require(request, "decisions.edit_paragraph", paragraph)
    return paragraph


def preview_context(paragraph: Paragraph) -> dict:
    """The paragraph as the protocol prints it, for the preview beside the editor."""
    parties = selectors.parties_in(paragraph.body_id, paragraph.meeting.date)
    return {
        "paragraph": paragraph,
        "text": paragraph_text(paragraph, parties),
        "quorum": quorum_of(paragraph),
    }


def quorum_of(paragraph: Paragraph) -> meeting_selectors.QuorumRow:
    """Whether the body may decide in this § — shown above the editor, checked as it changes."""
    attendance = list(meeting_selectors.attendance_of(paragraph.meeting))
    (row,) = meeting_selectors.quorum_rows(
        attendance, [paragraph], meeting_selectors.seats_of(paragraph.meeting)
    )
    return row


def neighbours(paragraph: Paragraph) -> tuple[Paragraph | None, Paragraph | None]:
    """The meeting's § before and after this one, for moving through the agenda."""
    numbers = Paragraph.objects.filter(meeting_id=paragraph.meeting_id).order_by("number")
    return (
        numbers.filter(number__lt=paragraph.number).last(),
        numbers.filter(number__gt=paragraph.number).first(),
    )


@login_required_first
def edit_paragraph(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = editable_paragraph(request, body, year, number)
    context = {
        **preview_context(paragraph),
        "may_see_secret": may_see_secret(request.user, paragraph.body),
        "neighbours": neighbours(paragraph),
        "content": editor_content.section_context(request, paragraph),
        "debate": editor_debate.section_context(request, paragraph),
    }
    return render(request, "decisions/editor/paragraph.html", context)
