"""PDF responses: a paragraph's extract, a meeting's protocol, its notice (anslag/bevis)."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from decisions import pdf, selectors
from decisions.access import is_draft, may_see_draft, may_see_secret
from decisions.extracts import store_extract
from decisions.models import Meeting, Paragraph

from .lookups import meeting_of, paragraph_of


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-cache"
    return response


def _meeting(body: str, day: str) -> Meeting:
    return meeting_of(
        body,
        day,
        selectors.meetings_with_body().prefetch_related("adjusters", "attendance__person"),
    )


@require_safe
def extract_pdf(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = paragraph_of(body, year, number)
    if paragraph.is_confidential and not may_see_secret(request.user, paragraph.body):
        return render(
            request, "decisions/paragraph_secret.html", {"paragraph": paragraph}, status=403
        )
    if is_draft(paragraph) and not may_see_draft(request.user, paragraph.body):
        # No extract of a paragraph that has not been decided yet; it answers like a missing one.
        raise Http404("Paragrafen är ett utkast och har inget protokollsutdrag ännu.")
    filename = pdf.extract_filename(paragraph)
    # Normally stored by the task at justering; rendered and stored here once for older data.
    stored = store_extract(paragraph.pk) if paragraph.status == Paragraph.Status.JUSTERAD else None
    if stored is None:
        # Not final: rendered on the fly, marked "Ojusterat", never stored.
        return _pdf_response(pdf.render_extract(pdf.with_parts(paragraph.pk)), filename)
    etag = f'"{stored.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = FileResponse(
            stored.pdf.open("rb"), content_type="application/pdf", filename=filename
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    response["X-Content-SHA256"] = stored.sha256
    return response


@require_safe
def protocol_pdf(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(body, day)
    if meeting.status == Meeting.Status.PLANNED and not may_see_draft(request.user, meeting.body):
        # Not held: there is no protocol yet, only the agenda on the meeting page.
        raise Http404("Sammanträdet har inte hållits ännu och har inget protokoll.")
    data = pdf.render_protocol(meeting, show_secret=may_see_secret(request.user, meeting.body))
    return _pdf_response(data, f"{meeting.body.slug}-{meeting.date:%Y-%m-%d}-protokoll.pdf")


@require_safe
def notice_pdf(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(body, day)
    if meeting.notice_posted_on is None:
        raise Http404("Anslaget om justering har inte satts upp för det här sammanträdet.")
    data = pdf.render_notice(meeting)
    return _pdf_response(data, f"{meeting.body.slug}-{meeting.date:%Y-%m-%d}-anslag.pdf")
