"""PDF responses: a paragraph's extract, a meeting's protocol, its notice (anslag/bevis)."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from decisions import pdf, selectors
from decisions.access import is_draft, may_see_draft, may_see_secret
from decisions.extracts import current_protocol, store_extract
from decisions.models import Meeting, Paragraph, StoredExtract

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


def _stored_response(request: HttpRequest, stored, filename: str) -> HttpResponse:
    """A stored version's bytes as they were stored, with its SHA-256 as ETag."""
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


def _readable_paragraph(request: HttpRequest, body: str, year: int, number: int):
    """The paragraph, or the answer to give instead (403 for a secret one, 404 for a draft)."""
    paragraph = paragraph_of(body, year, number)
    if paragraph.is_confidential and not may_see_secret(request.user, paragraph.body):
        return paragraph, render(
            request, "decisions/paragraph_secret.html", {"paragraph": paragraph}, status=403
        )
    if is_draft(paragraph) and not may_see_draft(request.user, paragraph.body):
        # No extract of a paragraph that has not been decided yet; it answers like a missing one.
        raise Http404("Paragrafen är ett utkast och har inget protokollsutdrag ännu.")
    return paragraph, None


@require_safe
def extract_pdf(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    """The extract as it stands: the newest stored version once justerad."""
    paragraph, refusal = _readable_paragraph(request, body, year, number)
    if refusal:
        return refusal
    # Normally stored by the task at justering and after each rättelse; rendered and stored
    # here once for older data.
    stored = store_extract(paragraph.pk) if paragraph.status == Paragraph.Status.JUSTERAD else None
    if stored is None:
        # Not final: rendered on the fly, marked "Ojusterat", never stored.
        data = pdf.render_extract(pdf.with_parts(paragraph.pk))
        return _pdf_response(data, pdf.extract_filename(paragraph))
    return _stored_response(request, stored, pdf.extract_filename(paragraph, stored.version))


@require_safe
def extract_version_pdf(
    request: HttpRequest, body: str, year: int, number: int, version: int
) -> HttpResponse:
    """One stored version of the certified extract, the same bytes for as long as it exists."""
    paragraph, refusal = _readable_paragraph(request, body, year, number)
    if refusal:
        return refusal
    stored = StoredExtract.objects.filter(paragraph=paragraph, version=version).first()
    if stored is None:
        raise Http404("Det finns ingen sådan version av protokollsutdraget.")
    return _stored_response(request, stored, pdf.extract_filename(paragraph, version))


@require_safe
def protocol_pdf(request: HttpRequest, body: str, day: str) -> HttpResponse:
    """The protocol: a justerat one as stored by the background worker, once per version.

    Until the worker has stored the protocol as it stands (just after justering, an anslag or
    a rättelse) it is rendered here on the fly, never stored by the request: rendering is
    deterministic, so the bytes are those the worker will store, only slower, and the protocol
    is never "being prepared" for the public who read the anslag
    (docs/decisions/0016-notice-corrections-and-versions.md).
    """
    meeting = _meeting(body, day)
    if meeting.status == Meeting.Status.PLANNED and not may_see_draft(request.user, meeting.body):
        # Not held: there is no protocol yet, only the agenda on the meeting page.
        raise Http404("Sammanträdet har inte hållits ännu och har inget protokoll.")
    show_secret = may_see_secret(request.user, meeting.body)
    has_secret = any(p.is_confidential for p in meeting.paragraphs.select_related("case"))
    # The stored PDF is the public one; only a reader of confidential §§ needs another.
    stored = current_protocol(meeting) if not (show_secret and has_secret) else None
    if stored is not None:
        return _stored_response(request, stored, pdf.protocol_filename(meeting, stored.version))
    data = pdf.render_protocol(pdf.meeting_for_protocol(meeting.pk), show_secret=show_secret)
    return _pdf_response(data, pdf.protocol_filename(meeting))


@require_safe
def notice_pdf(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(body, day)
    if meeting.notice_posted_on is None:
        raise Http404("Anslaget om justering har inte satts upp för det här sammanträdet.")
    data = pdf.render_notice(pdf.meeting_for_protocol(meeting.pk))
    return _pdf_response(data, f"{meeting.body.slug}-{meeting.date:%Y-%m-%d}-anslag.pdf")
