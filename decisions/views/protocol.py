"""The protocol page and the notice board (the clerk's actions on them: ``protocol_actions``)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from decisions import anslag, prose, selectors, services
from decisions.access import may_see_draft, may_see_secret
from decisions.models import Meeting
from decisions.protocol import paragraph_text

from .lookups import meeting_of, meetings_for_protocol

# --- The front page -------------------------------------------------------------------------


def front_page(meeting: Meeting, numbers: list[int]) -> dict:
    approvals = {j.person_id: j for j in meeting.justeringar.all()}
    adjusters = list(meeting.adjusters.all())
    signatures = [
        {
            "role": "Ordförande",
            "person": meeting.chair,
            "approval": approvals.get(meeting.chair_id),
        }
    ] + [
        {"role": "Justerare", "person": person, "approval": approvals.get(person.pk)}
        for person in adjusters
    ]
    justerad = services.justerat_on(meeting)
    notices = anslag.notices_of(meeting)
    return {
        "attendance": selectors.attendance_groups(meeting),
        "paragraph_range": prose.paragraph_range(numbers),
        "signatures": signatures,
        "adjusters": adjusters,
        "justerat_on": justerad,
        "late_justering": services.is_late_justering(meeting.date, justerad),
        "late_notice": services.is_late_notice(justerad, meeting.notice_posted_on),
        # The notice in force, and the first notice and each rättelse (decisions.anslag).
        "notice": notices[-1] if notices else None,
        "notices": notices,
    }


# --- The protocol ----------------------------------------------------------------------------


def protocol(request: HttpRequest, body: str, day: str) -> HttpResponse:
    """The whole protocol: front page, anslag/bevis, then every paragraph in order.

    A fixed number of queries however many paragraphs the meeting has.
    """
    meeting = meeting_of(body, day, meetings_for_protocol())
    paragraphs = list(
        selectors.paragraphs_with_parts()
        .filter(meeting=meeting)
        .prefetch_related("corrections")
        .order_by("number")
    )
    parties = selectors.parties_by_meeting([meeting])[meeting.pk]
    secret_ok = may_see_secret(request.user, meeting.body)
    # A planned meeting's paragraphs are drafts: the public reads the agenda, not the content.
    draft_hidden = meeting.status == Meeting.Status.PLANNED and not may_see_draft(
        request.user, meeting.body
    )
    items = []
    for paragraph in paragraphs:
        paragraph.meeting = meeting  # one meeting object, with its prefetched rows
        shown = not draft_hidden and (secret_ok or not paragraph.is_confidential)
        items.append(
            {"paragraph": paragraph, "text": paragraph_text(paragraph, parties) if shown else None}
        )
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "items": items,
        "draft_hidden": draft_hidden,
        # Shows the clerk's links (justera, anslag): staff as before, or a role on this meeting.
        "is_staff": request.user.is_staff
        or request.user.has_perm("decisions.justera_meeting", meeting)
        or request.user.has_perm("decisions.post_notice", meeting),
        **front_page(meeting, [p.number for p in paragraphs]),
    }
    return render(request, "decisions/protocol.html", context)


# --- The notice board ------------------------------------------------------------------------


def notice_board(request: HttpRequest) -> HttpResponse:
    """The digital anslagstavla (KL 8 kap. 12 §): current notices first, then the archive.

    Public: a notice says that a protocol is justerat and where it is kept, nothing about the
    paragraphs.
    """
    today = timezone.localdate()
    meetings = list(
        selectors.meetings_with_body()
        .filter(notice_posted_on__isnull=False)
        .prefetch_related("justeringar", "notice_corrections")
    )
    rows = []
    for meeting in meetings:
        notices = anslag.notices_of(meeting)
        notice = notices[-1]
        justerad = services.justerat_on(meeting)
        rows.append(
            {
                "meeting": meeting,
                "justerat_on": justerad,
                "notice": notice,
                "notices": notices,
                "current": notice.is_up_on(today),
                "late_justering": services.is_late_justering(meeting.date, justerad),
                "late_notice": services.is_late_notice(justerad, meeting.notice_posted_on),
            }
        )
    # The notice in force decides the order and the section: a corrected notice is up anew.
    rows.sort(key=lambda r: r["meeting"].body.name)
    rows.sort(key=lambda r: r["notice"].posted_on, reverse=True)
    sections = [
        {
            "key": "aktuella",
            "heading": f"Aktuella anslag {today:%Y-%m-%d}",
            "rows": [r for r in rows if r["current"]],
            "empty": "Inga anslag sitter uppe i dag.",
        },
        {
            "key": "kommande",
            "heading": "Kommande anslag",
            "rows": [r for r in rows if r["notice"].posted_on > today],
            "empty": "Inga kommande anslag.",
        },
        {
            "key": "tidigare",
            "heading": "Tidigare anslag",
            "rows": [r for r in rows if r["notice"].removed_on <= today],
            "empty": "Inga tidigare anslag.",
        },
    ]
    sections = [s for s in sections if s["rows"] or s["key"] != "kommande"]
    return render(request, "decisions/notice_board.html", {"today": today, "sections": sections})
