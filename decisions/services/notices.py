"""Anslag: the notice on the notice board that the protocol is justerat (KL 8 kap. 12 §), up
until the last day to appeal."""

import datetime

from django.db import transaction

from common.errors import ServiceError

from .. import law
from ..models import Meeting
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


def notice_is_late(meeting: Meeting) -> bool:
    return is_late_notice(justerat_on(meeting), meeting.notice_posted_on)


def check_post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> None:
    if meeting.status != Meeting.Status.JUSTERAT:
        raise ServiceError(
            "Protokollet är inte justerat; anslaget sätts upp först efter justeringen.",
            code="ojusterat",
        )
    if meeting.notice_posted_on is not None:
        # After justering the notice fields are set once (on PostgreSQL migration 0009 refuses
        # a second write too): the anslag's dates are part of the justerat protocol.
        raise ServiceError(
            f"Anslaget är redan uppsatt ({meeting.notice_posted_on:%Y-%m-%d}); det sätts upp "
            "en gång.",
            code="posted",
        )
    errors = {}
    stored_place = meeting.protocol_kept_at
    if stored_place and kept_at.strip() != stored_place:
        errors["kept_at"] = f"Protokollets förvaringsplats är redan angiven: {stored_place}."
    justerad = justerat_on(meeting)
    if justerad and posted_on < justerad:
        errors["posted_on"] = (
            f"Anslaget kan inte sättas upp före justeringen ({justerad:%Y-%m-%d})."
        )
    if not kept_at.strip():
        errors["kept_at"] = "Ange var protokollet förvaras."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> Meeting:
    """Post the notice that the protocol is justerat (KL 8 kap. 12 §). Locks the meeting row.

    The notice is taken down after the last day to appeal (``law.last_appeal_day``). Posting
    more than two days after justering is flagged (``notice_is_late``), not refused; posting
    it a second time is refused.
    """
    locked = lock_meeting(meeting)
    check_post_notice(meeting=locked, posted_on=posted_on, kept_at=kept_at)
    locked.notice_posted_on = posted_on
    locked.notice_removed_on = law.last_appeal_day(posted_on)
    locked.protocol_kept_at = kept_at.strip()
    locked.save(update_fields=["notice_posted_on", "notice_removed_on", "protocol_kept_at"])
    meeting.refresh_from_db()
    return locked
