"""The public pages of a body, a meeting and a paragraph."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from decisions import anslag, selectors
from decisions.access import is_draft, may_see_draft, may_see_secret
from decisions.models import Attendance, Meeting, Paragraph, StoredExtract
from decisions.protocol import paragraph_text
from organisation.models import Body, Membership

from .lookups import day_of


def body_detail(request: HttpRequest, body: str) -> HttpResponse:
    organ = get_object_or_404(Body.objects.select_related("parent", "administration"), slug=body)
    memberships = (
        Membership.objects.filter(body=organ)
        .select_related("person", "party")
        .order_by("-starts_on", "role", "person__last_name")
    )
    meetings = Meeting.objects.filter(body=organ).select_related("body").order_by("-date")[:20]
    latest = (
        # Decisions only: a planned meeting's paragraphs are on its agenda, not decided yet.
        Paragraph.objects.published()
        .filter(body=organ)
        .select_related("meeting", "body", "case")
        .order_by("-meeting__date", "-number")[:10]
    )
    return render(
        request,
        "decisions/body_detail.html",
        {
            "body": organ,
            "terms": selectors.terms(memberships),
            "meetings": meetings,
            "latest": latest,
            "subbodies": organ.subbodies.all(),
            "may_see_secret": may_see_secret(request.user, organ),
            "may_prepare": request.user.has_perm("decisions.prepare_meeting", organ),
        },
    )


def meeting_detail(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = get_object_or_404(
        selectors.meetings_with_body().prefetch_related(
            "adjusters",
            "notice_corrections",
            Prefetch(
                "attendance", queryset=Attendance.objects.select_related("person", "replaces")
            ),
            Prefetch(
                "paragraphs",
                queryset=Paragraph.objects.select_related("case", "body", "meeting").order_by(
                    "number"
                ),
            ),
        ),
        body__slug=body,
        date=day_of(day),
    )
    return render(
        request,
        "decisions/meeting_detail.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "attendance": selectors.attendance_groups(meeting),
            "notice": anslag.current_notice(meeting),
            "may_see_secret": may_see_secret(request.user, meeting.body),
            "draft_hidden": meeting.status == Meeting.Status.PLANNED
            and not may_see_draft(request.user, meeting.body),
            "may_prepare": request.user.has_perm("decisions.prepare_meeting", meeting),
        },
    )


def paragraph_detail(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = get_object_or_404(
        selectors.paragraphs_with_parts().prefetch_related(
            Prefetch(
                "stored_extracts",
                queryset=StoredExtract.objects.select_related("correction").order_by("version"),
            )
        ),
        body__slug=body,
        year=year,
        number=number,
    )
    if paragraph.is_confidential and not may_see_secret(request.user, paragraph.body):
        return render(request, "decisions/paragraph_secret.html", {"paragraph": paragraph})
    if is_draft(paragraph) and not may_see_draft(request.user, paragraph.body):
        return render(request, "decisions/paragraph_draft.html", {"paragraph": paragraph})
    return render(
        request,
        "decisions/paragraph_detail.html",
        {
            "paragraph": paragraph,
            "text": paragraph_text(paragraph),
            "may_correct": request.user.has_perm("decisions.correct_paragraph", paragraph),
            "may_expediera": request.user.has_perm("decisions.expediera", paragraph),
            "may_edit": paragraph.status == Paragraph.Status.OJUSTERAD
            and request.user.has_perm("decisions.edit_paragraph", paragraph),
        },
    )
