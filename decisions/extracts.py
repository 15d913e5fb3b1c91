"""Stable, certified extracts of justerade paragraphs.

A justerad paragraph's extract is rendered once, in a background task (``tasks.render_extract``,
asked for by ``tasks.schedule_extracts``),
stored with its SHA-256 in ``StoredExtract`` and served from storage ever after — the same bytes
every time. ``store_extract`` is idempotent: it renders only if nothing is stored yet, under a
row lock on the paragraph and the unique one-to-one of ``StoredExtract``.
"""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import pdf
from .models import Paragraph, StoredExtract

logger = logging.getLogger(__name__)


def store_extract(paragraph_id: int) -> StoredExtract | None:
    """The stored extract of a justerad paragraph, rendering and storing it if missing.

    Returns ``None`` for a paragraph that is not (or no longer) justerad: those are never stored.
    """
    with transaction.atomic():
        # Lock the paragraph: a second caller waits here and then finds the stored extract.
        paragraph = Paragraph.objects.select_for_update().get(pk=paragraph_id)
        existing = StoredExtract.objects.filter(paragraph_id=paragraph_id).first()
        if existing is not None:
            return existing
        if paragraph.status != Paragraph.Status.JUSTERAD:
            return None
        data = pdf.render_extract(pdf.with_parts(paragraph_id))
        stored = StoredExtract(
            paragraph=paragraph, sha256=pdf.sha256(data), rendered_at=timezone.now()
        )
        stored.pdf.save(pdf.extract_filename(paragraph), ContentFile(data), save=False)
        try:
            with transaction.atomic():
                stored.save()
        except IntegrityError:
            # Someone else stored it first (a database without row locks): keep theirs.
            stored.pdf.delete(save=False)
            return StoredExtract.objects.get(paragraph_id=paragraph_id)
        logger.info("Stored extract of paragraph %s (%s)", paragraph_id, stored.sha256)
        return stored


def missing_extract_ids() -> list[int]:
    """Justerade paragraphs with no stored extract yet (data older than the task)."""
    return list(
        Paragraph.objects.justerade()
        .filter(stored_extract__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
