"""The anslag as it was posted and as it was corrected: the first notice, then each rättelse.

The first notice is stored on the meeting (``decisions.services.post_notice``), each rättelse
in ``NoticeCorrection`` (``decisions.services.correct_notice``); the notice in force is the
latest. Every page and PDF that shows the notice asks here, so they all show the same dates:
the notice board, the protocol's front page and its ANSLAG/BEVIS, the anslag PDF.
"""

import datetime
from dataclasses import dataclass

from . import law
from .models import Meeting, NoticeCorrection


@dataclass(frozen=True)
class Notice:
    """One posting of the notice: the first, or a correction (``correction`` is set)."""

    posted_on: datetime.date
    last_appeal_day: datetime.date
    removed_on: datetime.date
    kept_at: str
    correction: NoticeCorrection | None = None

    @property
    def is_correction(self) -> bool:
        return self.correction is not None

    @property
    def reason(self) -> str:
        return self.correction.reason if self.correction else ""

    def is_up_on(self, day: datetime.date) -> bool:
        """Is the notice on the board on ``day``? From posting through the last day to appeal."""
        return self.posted_on <= day < self.removed_on


def first_notice(meeting: Meeting) -> Notice | None:
    posted = meeting.notice_posted_on
    if posted is None:
        return None
    return Notice(
        posted_on=posted,
        last_appeal_day=law.last_appeal_day(posted),
        # Stored when posted; computed for a row that somehow lacks it.
        removed_on=meeting.notice_removed_on or law.notice_taken_down_on(posted),
        kept_at=meeting.protocol_kept_at,
    )


def notices_of(meeting: Meeting) -> list[Notice]:
    """The first notice, then each correction in order; empty if no notice was posted.

    Uses ``meeting.notice_corrections`` (prefetch it when listing meetings).
    """
    first = first_notice(meeting)
    if first is None:
        return []
    return [first] + [
        Notice(
            posted_on=c.made_on,
            last_appeal_day=law.last_appeal_day(c.made_on),
            removed_on=c.removed_on,
            kept_at=c.protocol_kept_at,
            correction=c,
        )
        for c in sorted(meeting.notice_corrections.all(), key=lambda c: (c.made_on, c.pk))
    ]


def current_notice(meeting: Meeting) -> Notice | None:
    """The notice in force: the latest correction's values, else the first notice's."""
    notices = notices_of(meeting)
    return notices[-1] if notices else None
