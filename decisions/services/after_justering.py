"""The two writes a justerad paragraph still allows: a rättelse, dated and shown beside the
original, and expediering — recording when the decision was sent to each recipient."""

import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError

from .. import tasks
from ..models import Correction, Paragraph, Recipient


def check_correct(*, paragraph: Paragraph, made_on: datetime.date, reason: str, text: str) -> None:
    if paragraph.status != Paragraph.Status.JUSTERAD:
        raise ServiceError(
            "Paragrafen är inte justerad; ändra den direkt i stället för att göra en rättelse.",
            code="ojusterad",
        )
    errors = {}
    if not reason.strip():
        errors["reason"] = "Ange skälet till rättelsen."
    if not text.strip():
        errors["text"] = "Ange vad som rättas."
    if paragraph.justerad_at and made_on < timezone.localdate(paragraph.justerad_at):
        errors["made_on"] = "En rättelse kan inte vara daterad före justeringen."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def correct(
    *,
    paragraph: Paragraph,
    made_on: datetime.date,
    reason: str,
    text: str,
    user: AbstractBaseUser | None,
) -> Correction:
    """Record a rättelse of a justerad paragraph, shown beside the original. Locks the paragraph.

    After commit the paragraph's certified extract and the protocol's PDF each get a new
    version with the rättelse printed; the earlier versions stay stored as they were.
    """
    locked = Paragraph.objects.select_for_update().get(pk=paragraph.pk)
    check_correct(paragraph=locked, made_on=made_on, reason=reason, text=text)
    correction = Correction.objects.create(
        paragraph=locked,
        made_on=made_on,
        reason=reason.strip(),
        text=text.strip(),
        made_by=user if user is not None and user.is_authenticated else None,
    )
    transaction.on_commit(partial(tasks.schedule_extracts, [locked.pk]))
    transaction.on_commit(partial(tasks.schedule_protocol, locked.meeting_id))
    return correction


def check_mark_sent(*, recipient: Recipient, sent_on: datetime.date) -> None:
    paragraph = recipient.paragraph
    if paragraph.status != Paragraph.Status.JUSTERAD and not paragraph.immediately_justerad:
        raise ServiceError(
            "Beslutet expedieras först när paragrafen är justerad.", code="ojusterad"
        )
    if sent_on > timezone.localdate():
        # Expediering records that the decision was sent; a date ahead is a plan, not a fact.
        raise ServiceError({"sent_on": "Beslutet kan inte ha skickats i framtiden."}, code="future")
    if paragraph.justerad_at and sent_on < timezone.localdate(paragraph.justerad_at):
        raise ServiceError(
            {"sent_on": "Beslutet kan inte ha skickats före justeringen."}, code="before"
        )


@transaction.atomic
def mark_sent(*, recipient: Recipient, sent_on: datetime.date) -> Recipient:
    """Record that the decision was sent to ``recipient`` (expediering). Locks the recipient.

    The one write allowed on a justerad paragraph's parts. An ojusterad paragraph's decision
    is not sent; an omedelbart justerad one is justerad, so it may be.
    """
    locked = Recipient.objects.select_for_update().select_related("paragraph").get(pk=recipient.pk)
    check_mark_sent(recipient=locked, sent_on=sent_on)
    locked.sent_on = sent_on
    locked.save(update_fields=["sent_on"])
    recipient.sent_on = sent_on
    return locked
