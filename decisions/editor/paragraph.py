"""The paragraph the editor works on: found and permitted, its preview, quorum and neighbours."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from decisions import meeting_selectors, selectors
from decisions.models import Paragraph
from decisions.protocol import paragraph_text
from decisions.views.lookups import require


def editable_paragraph(request: HttpRequest, body: str, year: int, number: int) -> Paragraph:
    """The paragraph with every part, or 404; 403 unless the user may edit the body's paragraphs."""
    paragraph = get_object_or_404(
        selectors.paragraphs_with_parts(), body__slug=body, year=year, number=number
    )
    require(request, "decisions.edit_paragraph", paragraph)
    return paragraph


def editor_url(paragraph: Paragraph, anchor: str = "") -> str:
    url = reverse(
        "decisions:edit_paragraph",
        kwargs={"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number},
    )
    return f"{url}#{anchor}" if anchor else url


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
