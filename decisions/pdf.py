"""PDF documents of the protocol: a paragraph's extract, a meeting's protocol, its notice.

Every document is PDF/A-2a (see docs/decisions/0008-pdf-a.md): archival, tagged for screen
readers, fonts embedded, title and language "sv" in the metadata. Rendering is deterministic:
the metadata dates are the justering's (never "now") and WeasyPrint derives the file identifier
from the content, so the same data always give the same bytes.

Functions here take model objects and return bytes; access checks belong to the views.
"""

import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from weasyprint import HTML

from . import anslag, prose
from .models import Correction, Meeting, Paragraph
from .protocol import ParagraphText, paragraph_text
from .selectors import (
    attendance_groups,
    meetings_with_body,
    paragraphs_with_parts,
    parties_by_meeting,
)

PDF_VARIANT = "pdf/a-2a"
"""PDF/A-2 level A: archival (ISO 19005-2), Unicode text and a tagged structure (accessible)."""

EXTRACT = "Protokollsutdrag"
UNAPPROVED_EXTRACT = "Ojusterat protokollsutdrag"
PROTOCOL = "Protokoll"
UNAPPROVED_PROTOCOL = "Ojusterat protokoll"
NOTICE = "Anslag/bevis"


def css_string(value: str) -> str:
    """A CSS string literal for ``value``, safe inside a <style> element."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\A ")
        .replace("<", "\\3c ")
        .replace(">", "\\3e ")
    )
    return f'"{escaped}"'


def page_css(*, municipality: str, body: str, date: datetime.date, kind: str) -> SafeString:
    """The running header of every page: municipality and body, document kind and date, page."""
    left = css_string(f"{municipality}\n{body}")
    middle = css_string(f"{kind}\nSammanträdesdatum {date:%Y-%m-%d}")
    # Safe: every value goes through css_string, which also escapes "<" and ">".
    return mark_safe(
        "@page {"
        f" @top-left {{ content: {left}; }}"
        f" @top-center {{ content: {middle}; }}"
        ' @top-right { content: "Sida " counter(page) " av " counter(pages); }'
        " }"
    )


def justering_moment(paragraph: Paragraph) -> datetime.datetime:
    """When the paragraph became final: its own justering time, else the protocol's day.

    Before justering, the meeting's day. Used as the PDF's creation and modification date, so
    that a paragraph's extract never depends on the hour it happens to be rendered.
    """
    if paragraph.justerad_at:
        return paragraph.justerad_at
    meeting = paragraph.meeting
    day = meeting.justering_on if paragraph.status == Paragraph.Status.JUSTERAD else None
    return _midnight(day or meeting.date)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _w3c(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(template: str, context: dict, *, moment: datetime.datetime) -> bytes:
    context = {
        "municipality": settings.CASETRACK_MUNICIPALITY,
        "pdf_moment": _w3c(moment),
        **context,
    }
    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_filename(paragraph: Paragraph, version: int = 1) -> str:
    """'ks-2022-59-utdrag.pdf'; from the second version on 'ks-2022-59-utdrag-v2.pdf'."""
    suffix = f"-v{version}" if version > 1 else ""
    return f"{slugify(paragraph.body.code)}-{paragraph.year}-{paragraph.number}-utdrag{suffix}.pdf"


def protocol_filename(meeting: Meeting, version: int = 1) -> str:
    """'ks-2022-03-08-protokoll.pdf'; from the second version on '…-protokoll-v2.pdf'."""
    suffix = f"-v{version}" if version > 1 else ""
    return f"{meeting.body.slug}-{meeting.date:%Y-%m-%d}-protokoll{suffix}.pdf"


def with_parts(paragraph_id: int) -> Paragraph:
    return paragraphs_with_parts().select_related("meeting__chair").get(pk=paragraph_id)


def meeting_for_protocol(meeting_id: int) -> Meeting:
    """A meeting with what ``render_protocol`` and ``render_notice`` read."""
    return (
        meetings_with_body()
        .select_related("chair")
        .prefetch_related("adjusters", "attendance__person", "notice_corrections")
        .get(pk=meeting_id)
    )


# --- extract -------------------------------------------------------------------------------------


def render_extract(
    paragraph: Paragraph,
    text: ParagraphText | None = None,
    *,
    corrections: Sequence[Correction] = (),
    version: int = 1,
) -> bytes:
    """The protokollsutdrag of one paragraph (fetched with ``paragraphs_with_parts``).

    A justerad paragraph is certified ("Rätt utdraget intygar", the secretary, the justering
    day); an ojusterad one says "Ojusterat protokollsutdrag" in the header of every page.
    ``corrections`` are printed beside the original, and the extract is then certified on the
    day of the latest of them: a new version of the extract (``version``, printed from the
    second on), never a change to an old one.
    """
    meeting = paragraph.meeting
    body = meeting.body
    justerad = paragraph.status == Paragraph.Status.JUSTERAD
    kind = EXTRACT if justerad else UNAPPROVED_EXTRACT
    corrections = sorted(corrections, key=lambda c: (c.made_on, c.pk))
    moment = justering_moment(paragraph)
    if corrections:
        moment = max(moment, _midnight(max(c.made_on for c in corrections)))
    context = {
        "title": f"{kind} {body.name} {meeting.date:%Y-%m-%d} § {paragraph.number} "
        f"{paragraph.title}",
        "page_css": page_css(
            municipality=settings.CASETRACK_MUNICIPALITY,
            body=body.name,
            date=meeting.date,
            kind=kind,
        ),
        "kind": kind,
        "meeting": meeting,
        "p": paragraph,
        "text": text or paragraph_text(paragraph),
        "justerad": justerad,
        "corrections": corrections,
        "version": version,
        "certified_by": meeting.secretary,
        "certified_on": timezone.localtime(moment).date() if justerad else None,
    }
    return _write("pdf/extract.html", context, moment=moment)


# --- protocol and notice -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProtocolParagraph:
    paragraph: Paragraph
    text: ParagraphText | None  # None: secret, shown only as "§ N Sekretessärende"


def _meeting_moment(meeting: Meeting) -> datetime.datetime:
    return _midnight(meeting.justering_on or meeting.date)


def _notice(meeting: Meeting) -> dict:
    """The notice in force and, when it was corrected, the first notice and each rättelse."""
    notices = anslag.notices_of(meeting)
    return {"notice": notices[-1] if notices else None, "notices": notices}


def render_protocol(meeting: Meeting, *, show_secret: bool) -> bytes:
    """The whole protocol: front page with ANSLAG/BEVIS, then every paragraph in order.

    Without ``show_secret`` a confidential paragraph appears as "§ N Sekretessärende" only.
    """
    body = meeting.body
    paragraphs = list(
        paragraphs_with_parts()
        .select_related("case")
        .prefetch_related("corrections")
        .filter(meeting=meeting)
        .order_by("number")
    )
    parties = parties_by_meeting([meeting]).get(meeting.pk, {})
    items = [
        ProtocolParagraph(
            p,
            None if p.is_confidential and not show_secret else paragraph_text(p, parties),
        )
        for p in paragraphs
    ]
    justerat = meeting.status == Meeting.Status.JUSTERAT
    kind = PROTOCOL if justerat else UNAPPROVED_PROTOCOL
    context = {
        "title": f"{kind} {body.name} {meeting.date:%Y-%m-%d}",
        "page_css": page_css(
            municipality=settings.CASETRACK_MUNICIPALITY,
            body=body.name,
            date=meeting.date,
            kind=kind,
        ),
        "kind": kind,
        "meeting": meeting,
        "body": body,
        "attendance": attendance_groups(meeting),
        "adjusters": list(meeting.adjusters.all()),
        "items": items,
        "numbers": prose.paragraph_range(p.number for p in paragraphs) or "–",
        "justerat": justerat,
        **_notice(meeting),
    }
    return _write("pdf/protocol.html", context, moment=_meeting_moment(meeting))


def render_notice(meeting: Meeting) -> bytes:
    """The notice (anslag/bevis) that the protocol is justerat; needs ``notice_posted_on``.

    The notice in force, and the first notice and each rättelse of it when it was corrected.
    """
    notice = anslag.current_notice(meeting)
    if notice is None:
        raise ValueError("Anslaget har inte satts upp.")
    body = meeting.body
    context = {
        "title": f"Anslag/bevis {body.name} {meeting.date:%Y-%m-%d}",
        "page_css": page_css(
            municipality=settings.CASETRACK_MUNICIPALITY,
            body=body.name,
            date=meeting.date,
            kind=NOTICE,
        ),
        "kind": NOTICE,
        "meeting": meeting,
        "body": body,
        **_notice(meeting),
    }
    return _write("pdf/notice.html", context, moment=_midnight(notice.posted_on))
