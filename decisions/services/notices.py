"""Anslag: the notice on the notice board that the protocol is justerat (KL 8 kap. 12 §), up
through the last day to appeal. Posted once; a wrong notice is put right by a dated rättelse
beside the first (``NoticeCorrection``), never by posting again."""

import datetime
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError

from .. import law, tasks
from ..anslag import current_notice
from ..models import Meeting, NoticeCorrection
from .justering import justerat_on
from .locks import lock_meeting

NOTICE_DAYS = 2
"""The notice of justering is to be posted within two days of justering (KL 8 kap. 12 §)."""


def is_late_notice(justerat_on: datetime.date | None, posted_on: datetime.date | None) -> bool:
    """Was the notice posted more than two days after justering? Flagged, never refused."""
    return (
        justerat_on is not None
        and posted_on is not None
        and (posted_on - justerat_on).days > NOTICE_DAYS
    )


def notice_due_on(meeting: Meeting) -> datetime.date | None:
    """The last day the notice should go up: two days after justering (KL 8 kap. 12 §)."""
    justerad = justerat_on(meeting)
    return justerad + datetime.timedelta(days=NOTICE_DAYS) if justerad else None


def notice_is_late(meeting: Meeting) -> bool:
    return is_late_notice(justerat_on(meeting), meeting.notice_posted_on)


def _check_day(errors: dict, field: str, day: datetime.date, meeting: Meeting) -> None:
    """A notice goes up on a real day: not in the future, not before the justering."""
    today = timezone.localdate()
    justerad = justerat_on(meeting)
    if day > today:
        errors[field] = f"Anslaget kan inte sättas upp i framtiden (i dag är det {today:%Y-%m-%d})."
    elif justerad and day < justerad:
        errors[field] = f"Anslaget kan inte sättas upp före justeringen ({justerad:%Y-%m-%d})."


def check_post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> None:
    if meeting.status != Meeting.Status.JUSTERAT:
        raise ServiceError(
            "Protokollet är inte justerat; anslaget sätts upp först efter justeringen.",
            code="ojusterat",
        )
    if meeting.notice_posted_on is not None:
        # Posting again would move the last day to appeal (and on PostgreSQL migration 0009
        # refuses a second write too): a wrong notice is corrected by a rättelse instead.
        raise ServiceError("Anslaget är redan uppsatt; gör en rättelse av anslaget.", code="posted")
    errors = {}
    stored_place = meeting.protocol_kept_at
    if stored_place and kept_at.strip() != stored_place:
        errors["kept_at"] = f"Protokollets förvaringsplats är redan angiven: {stored_place}."
    _check_day(errors, "posted_on", posted_on, meeting)
    if not kept_at.strip():
        errors["kept_at"] = "Ange var protokollet förvaras."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> Meeting:
    """Post the notice that the protocol is justerat (KL 8 kap. 12 §), once. Locks the meeting row.

    The notice stays up through the last day to appeal and comes down the day after
    (``law.notice_taken_down_on``). Posting more than two days after justering is flagged
    (``notice_is_late``), not refused. A wrong notice is put right by ``correct_notice``. The
    protocol's PDF gets a version with the notice after commit.
    """
    locked = lock_meeting(meeting)
    check_post_notice(meeting=locked, posted_on=posted_on, kept_at=kept_at)
    locked.notice_posted_on = posted_on
    locked.notice_removed_on = law.notice_taken_down_on(posted_on)
    locked.protocol_kept_at = kept_at.strip()
    locked.save(update_fields=["notice_posted_on", "notice_removed_on", "protocol_kept_at"])
    meeting.refresh_from_db()
    transaction.on_commit(partial(tasks.schedule_protocol, locked.pk))
    return locked


def check_correct_notice(
    *, meeting: Meeting, made_on: datetime.date, kept_at: str, reason: str
) -> None:
    notice = current_notice(meeting)
    if notice is None:
        raise ServiceError(
            "Anslaget har inte satts upp; sätt upp det i stället för att rätta det.",
            code="not_posted",
        )
    errors = {}
    _check_day(errors, "made_on", made_on, meeting)
    if "made_on" not in errors and made_on < notice.posted_on:
        errors["made_on"] = (
            f"Rättelsen kan inte göras före anslaget den {notice.posted_on:%Y-%m-%d}."
        )
    if not kept_at.strip():
        errors["kept_at"] = "Ange var protokollet förvaras."
    if not reason.strip():
        errors["reason"] = "Ange skälet till rättelsen."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def correct_notice(
    *,
    meeting: Meeting,
    made_on: datetime.date,
    kept_at: str,
    reason: str,
    user: AbstractBaseUser | None,
) -> NoticeCorrection:
    """A rättelse of the anslag: the corrected notice goes up on ``made_on``, beside the first.

    Locks the meeting row. The first notice and every earlier correction stay as they were;
    the corrected notice is in force from ``made_on`` and a new appeal period runs from it
    (docs/decisions/0016-notice-corrections-and-versions.md). The protocol's PDF gets a new
    version after commit.
    """
    locked = lock_meeting(meeting)
    check_correct_notice(meeting=locked, made_on=made_on, kept_at=kept_at, reason=reason)
    correction = NoticeCorrection.objects.create(
        meeting=locked,
        made_on=made_on,
        removed_on=law.notice_taken_down_on(made_on),
        protocol_kept_at=kept_at.strip(),
        reason=reason.strip(),
        made_by=user if user is not None and user.is_authenticated else None,
    )
    transaction.on_commit(partial(tasks.schedule_protocol, locked.pk))
    return correction
