"""Stable, versioned documents of a justerat protocol: each paragraph's certified extract and the
protocol's PDF.

A justerad paragraph's extract is rendered in a background task (``tasks.render_extract``,
asked for by ``tasks.schedule_extracts``), stored with its SHA-256 in ``StoredExtract`` and
served from storage ever after — the same bytes every time. A rättelse makes a new version with
the rättelse printed; the earlier versions stay stored and served at their own URLs. The
protocol's PDF (``StoredProtocol``) is kept the same way, one version per state of the protocol
(``protocol_state``). Both are append-only: a version is added, never changed or removed.

``store_extract`` and ``store_protocol`` are idempotent: they render only if the newest stored
version does not show the paragraph or protocol as it stands now.
"""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from . import pdf
from .models import Correction, Meeting, NoticeCorrection, Paragraph, StoredExtract, StoredProtocol

logger = logging.getLogger(__name__)


# --- extracts ------------------------------------------------------------------------------------


def extract_versions(paragraph_id: int) -> list[StoredExtract]:
    """The stored versions of a paragraph's extract, oldest first."""
    return list(StoredExtract.objects.filter(paragraph_id=paragraph_id).order_by("version"))


def _latest_correction_id(paragraph_id: int) -> int | None:
    # The latest recorded, by id: each rättelse makes the next version, whatever its date.
    return Correction.objects.filter(paragraph_id=paragraph_id).aggregate(last=Max("pk"))["last"]


def store_extract(paragraph_id: int) -> StoredExtract | None:
    """The newest version of a justerad paragraph's extract, rendering and storing it if the
    stored versions miss the latest rättelse (or there are none).

    Returns ``None`` for a paragraph that is not (or no longer) justerad: those are never stored.
    Locks the paragraph row, so a second caller waits and then finds the version stored.
    """
    with transaction.atomic():
        paragraph = Paragraph.objects.select_for_update().get(pk=paragraph_id)
        newest = (
            StoredExtract.objects.filter(paragraph_id=paragraph_id).order_by("-version").first()
        )
        latest = _latest_correction_id(paragraph_id)
        if newest is not None and newest.correction_id == latest:
            return newest
        if paragraph.status != Paragraph.Status.JUSTERAD:
            return None
        corrections = list(
            Correction.objects.filter(paragraph_id=paragraph_id, pk__lte=latest or 0)
        )
        version = newest.version + 1 if newest else 1
        data = pdf.render_extract(
            pdf.with_parts(paragraph_id), corrections=corrections, version=version
        )
        stored = StoredExtract(
            paragraph=paragraph,
            version=version,
            correction_id=latest,
            sha256=pdf.sha256(data),
            rendered_at=timezone.now(),
        )
        filename = pdf.extract_filename(paragraph, stored.version)
        stored.pdf.save(filename, ContentFile(data), save=False)
        try:
            with transaction.atomic():
                stored.save()
        except IntegrityError:
            # Someone else stored this version first (a database without row locks): keep theirs.
            stored.pdf.delete(save=False)
            return StoredExtract.objects.filter(paragraph_id=paragraph_id).latest("version")
        logger.info(
            "Stored extract of paragraph %s, version %s (%s)",
            paragraph_id,
            stored.version,
            stored.sha256,
        )
        return stored


def missing_extract_ids() -> list[int]:
    """Justerade paragraphs whose newest stored extract is missing or misses a rättelse."""
    rows = (
        Paragraph.objects.justerade()
        .annotate(latest=Max("corrections__pk"))
        .order_by("pk")
        .values_list("pk", "latest")
    )
    stored: dict[int, tuple[int, int | None]] = {}
    for paragraph_id, version, correction_id in StoredExtract.objects.values_list(
        "paragraph_id", "version", "correction_id"
    ):
        if paragraph_id not in stored or version > stored[paragraph_id][0]:
            stored[paragraph_id] = (version, correction_id)
    return [pk for pk, latest in rows if pk not in stored or stored[pk][1] != latest]


# --- the protocol --------------------------------------------------------------------------------


def protocol_state(meeting: Meeting) -> str:
    """What the public PDF of a justerat protocol shows that can still change after justering:
    the rättelser, the anslag and its rättelser, and which §§ are secret (publication may
    change). Two renderings with the same state are the same bytes."""
    last_correction = Correction.objects.filter(paragraph__meeting=meeting).aggregate(
        last=Max("pk")
    )["last"]
    last_notice = NoticeCorrection.objects.filter(meeting=meeting).aggregate(last=Max("pk"))["last"]
    secret = [
        str(p.number)
        for p in Paragraph.objects.filter(meeting=meeting).select_related("case").order_by("number")
        if p.is_confidential
    ]
    posted = meeting.notice_posted_on
    return (
        f"rättelser t.o.m. {last_correction or '–'}; "
        f"anslag {posted.isoformat() if posted else '–'}; "
        f"rättelser av anslaget t.o.m. {last_notice or '–'}; "
        f"sekretess §§ {', '.join(secret) or '–'}"
    )


def current_protocol(meeting: Meeting) -> StoredProtocol | None:
    """The stored version of the protocol's public PDF as it stands now, if it is stored."""
    if meeting.status != Meeting.Status.JUSTERAT:
        return None
    newest = StoredProtocol.objects.filter(meeting=meeting).order_by("-version").first()
    return newest if newest is not None and newest.state == protocol_state(meeting) else None


def store_protocol(meeting_id: int) -> StoredProtocol | None:
    """The public PDF of a justerat protocol as it stands, rendering and storing a new version if
    the newest stored one shows an earlier state. ``None`` for a protocol that is not justerat,
    or that changed while it was being rendered (the task asked for by that change stores it).

    Renders outside any lock (10–14 s for a meeting of 60–90 §§), then locks the meeting row to
    add the version, so a clerk posting the anslag meanwhile does not wait for the renderer.
    """
    meeting = Meeting.objects.get(pk=meeting_id)
    if meeting.status != Meeting.Status.JUSTERAT:
        return None
    state = protocol_state(meeting)
    newest = StoredProtocol.objects.filter(meeting=meeting).order_by("-version").first()
    if newest is not None and newest.state == state:
        return newest
    data = pdf.render_protocol(pdf.meeting_for_protocol(meeting_id), show_secret=False)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting_id)
        newest = StoredProtocol.objects.filter(meeting=locked).order_by("-version").first()
        if newest is not None and newest.state == state:
            return newest
        if protocol_state(locked) != state:
            return None
        stored = StoredProtocol(
            meeting=locked,
            version=newest.version + 1 if newest else 1,
            state=state,
            sha256=pdf.sha256(data),
            rendered_at=timezone.now(),
        )
        stored.pdf.save(
            pdf.protocol_filename(locked, stored.version), ContentFile(data), save=False
        )
        try:
            with transaction.atomic():
                stored.save()
        except IntegrityError:
            stored.pdf.delete(save=False)
            return StoredProtocol.objects.filter(meeting=locked).latest("version")
    logger.info(
        "Stored protocol of meeting %s, version %s (%s)", meeting_id, stored.version, stored.sha256
    )
    return stored


def missing_protocol_ids() -> list[int]:
    """Justerade meetings whose protocol PDF is not stored as it stands now."""
    return [
        meeting.pk
        for meeting in Meeting.objects.filter(status=Meeting.Status.JUSTERAT).order_by("pk")
        if current_protocol(meeting) is None
    ]
