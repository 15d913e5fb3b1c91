"""The row locks the writes take, always in one order: the body row, then the meeting row, then
the paragraph row.

``SELECT … FOR UPDATE`` holds a row until the transaction ends, so what a ``check_…`` read is
still true when its write runs; two clerks working on the same meeting or paragraph wait for
each other instead of both passing a check that only one of them may pass.
"""

from organisation.models import Body

from ..models import Meeting, Paragraph


def lock_body(body_id: int) -> Body:
    """The body row: a body's § sequence for the year and its one meeting per day."""
    return Body.objects.select_for_update().get(pk=body_id)


def lock_meeting(meeting: Meeting) -> Meeting:
    """The meeting row alone: justering, anslag."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def lock_body_and_meeting(meeting: Meeting) -> Meeting:
    """The body row, then the meeting row (always in that order): preparing a meeting."""
    lock_body(meeting.body_id)
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("body", "chair")
        .get(pk=meeting.pk)
    )


def lock_paragraph(paragraph: Paragraph) -> Paragraph:
    """The paragraph row, locked (``SELECT … FOR UPDATE``) for the rest of the transaction.

    ``of=("self",)``: only the paragraph row; PostgreSQL refuses FOR UPDATE across the nullable
    join to the case. Fetched fresh, so the caller checks the stored state, not a stale copy.
    """
    return (
        Paragraph.objects.select_for_update(of=("self",))
        .select_related("meeting__body", "body", "case")
        .get(pk=paragraph.pk)
    )
