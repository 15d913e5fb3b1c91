"""Justering: the ordförande's and the justerare's approvals of the protocol, the last of which
makes the meeting justerat and its paragraphs final, and omedelbar justering of one paragraph.

Each write comes in two halves, as in Zulip's ``check_*`` / ``do_*``: ``check_…`` raises a
``ServiceError`` with a Swedish message and changes nothing; the write calls it again under a
row lock, so two clerks cannot justera the same protocol at once. Every write is
``@transaction.atomic`` and takes keyword-only arguments. A justerad paragraph's certified
extract, and a justerat protocol's PDF, are rendered in background tasks after commit
(``decisions.tasks``).
"""

import datetime
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from common.errors import ServiceError
from organisation.models import Person

from .. import tasks
from ..models import Justering, Meeting, Paragraph
from .locks import lock_meeting
from .referral_answers import close_answered_referrals

JUSTERING_DAYS = 14
"""The protocol is to be justerat within 14 days of the meeting (KL 5 kap. 69 §)."""


def is_late_justering(meeting_date: datetime.date, justerat_on: datetime.date | None) -> bool:
    """Was the protocol justerat later than 14 days after the meeting? Flagged, never refused."""
    return justerat_on is not None and (justerat_on - meeting_date).days > JUSTERING_DAYS


def justerat_on(meeting: Meeting) -> datetime.date | None:
    """The day the protocol was justerat: the last approval if recorded, else ``justering_on``.

    Uses ``meeting.justeringar`` (prefetch it when listing meetings).
    """
    if meeting.status != Meeting.Status.JUSTERAT:
        return None
    approvals = [j.approved_at for j in meeting.justeringar.all()]
    if approvals:
        return timezone.localdate(max(approvals))
    return meeting.justering_on


def justering_is_late(meeting: Meeting) -> bool:
    return is_late_justering(meeting.date, justerat_on(meeting))


def _role_of(meeting: Meeting, person: Person) -> str | None:
    if meeting.chair_id == person.pk:
        return Justering.Role.CHAIR
    if meeting.adjusters.filter(pk=person.pk).exists():
        return Justering.Role.ADJUSTER
    return None


def _refuse_future(at: datetime.datetime) -> None:
    """A justering is a signature given: it records what happened, never what is planned."""
    now = timezone.now() if timezone.is_aware(at) else timezone.localtime().replace(tzinfo=None)
    if at > now:
        raise ServiceError(
            {"at": "En justering kan inte ligga i framtiden; ange när den gjordes."},
            code="future",
        )


def check_justera(*, meeting: Meeting, person: Person, at: datetime.datetime) -> str:
    """Raise ``ServiceError`` unless ``person`` may approve ``meeting``'s protocol at ``at``.

    Returns the role they approve in (ordförande or justerare). Reads only.
    """
    day = timezone.localdate(at) if timezone.is_aware(at) else at.date()
    if meeting.status == Meeting.Status.JUSTERAT:
        raise ServiceError("Protokollet är redan justerat.", code="justerat")
    if meeting.status == Meeting.Status.PLANNED:
        raise ServiceError(
            "Sammanträdet är inte genomfört ännu; protokollet kan justeras först efter "
            "sammanträdet.",
            code="not_held",
        )
    if not meeting.chair_id:
        raise ServiceError(
            "Sammanträdet saknar ordförande; ange ordförande innan protokollet justeras.",
            code="no_chair",
        )
    if not meeting.adjusters.exists():
        raise ServiceError(
            "Sammanträdet saknar justerare; ange vem som utsetts att justera.",
            code="no_adjusters",
        )
    if day < meeting.date:
        raise ServiceError(
            {
                "at": f"Protokollet kan inte justeras före sammanträdet ({meeting.date:%Y-%m-%d}).",
            },
            code="before_meeting",
        )
    _refuse_future(at)
    role = _role_of(meeting, person)
    if role is None:
        raise ServiceError(
            {"person": f"{person} är varken ordförande eller justerare vid sammanträdet."},
            code="not_adjuster",
        )
    if meeting.justeringar.filter(person=person).exists():
        raise ServiceError({"person": f"{person} har redan justerat protokollet."}, code="twice")
    return role


def missing_approvals(meeting: Meeting) -> list[Person]:
    """The ordförande and justerare who have not approved yet, chair first."""
    approved = set(meeting.justeringar.values_list("person_id", flat=True))
    people = ([meeting.chair] if meeting.chair_id else []) + list(
        meeting.adjusters.order_by("meetingadjuster__position")
    )
    return [p for p in people if p.pk not in approved]


@transaction.atomic
def approve_protocol(*, meeting: Meeting, person: Person, at: datetime.datetime) -> Justering:
    """Record ``person``'s approval of the protocol; the last one makes it justerat.

    Locks the meeting row (``SELECT … FOR UPDATE``) while it checks and writes, so two
    approvals at once cannot both miss that they complete the justering.
    """
    locked = lock_meeting(meeting)
    role = check_justera(meeting=locked, person=person, at=at)
    approval = Justering.objects.create(meeting=locked, person=person, role=role, approved_at=at)
    if not missing_approvals(locked):
        justera(meeting=locked, at=at)
    meeting.refresh_from_db()
    return approval


@transaction.atomic
def approve_protocol_for(
    *, meeting: Meeting, approvals: Iterable[tuple[Person, datetime.datetime]]
) -> list[Justering]:
    """Record several signatories' approvals at once, in the order given (the order they
    signed): all or none. Locks the meeting row for each (``approve_protocol``)."""
    approvals = list(approvals)
    if not approvals:
        raise ServiceError("Markera minst en som har justerat.", code="none")
    return [approve_protocol(meeting=meeting, person=person, at=at) for person, at in approvals]


@transaction.atomic
def justera(*, meeting: Meeting, at: datetime.datetime) -> list[int]:
    """Make the protocol justerat: the meeting and every ojusterad paragraph become final.

    Called by ``approve_protocol`` when the last approval is in. Locks the meeting row.
    Sets ``justering_on`` to the day of ``at`` unless a date was already entered, closes the
    referrals its paragraphs answer (``referral_answers``; locks those referral rows) and asks
    for the certified extracts after commit. Returns the ids of the paragraphs it justerade.
    """
    locked = lock_meeting(meeting)
    if locked.status == Meeting.Status.JUSTERAT:
        raise ServiceError("Protokollet är redan justerat.", code="justerat")
    missing = missing_approvals(locked)
    if missing or not locked.chair_id:
        names = ", ".join(str(p) for p in missing) or "ordförande"
        raise ServiceError(f"Protokollet kan inte justeras än; {names} har inte justerat.")
    paragraphs = list(Paragraph.objects.filter(meeting=locked, status=Paragraph.Status.OJUSTERAD))
    for paragraph in paragraphs:
        paragraph.status, paragraph.justerad_at = Paragraph.Status.JUSTERAD, at
    # With history, so that each paragraph's change to justerad is recorded like any other.
    bulk_update_with_history(paragraphs, Paragraph, ["status", "justerad_at"])
    ids = [paragraph.pk for paragraph in paragraphs]
    locked.status = Meeting.Status.JUSTERAT
    fields = ["status"]
    if locked.justering_on is None:
        locked.justering_on = timezone.localdate(at) if timezone.is_aware(at) else at.date()
        fields.append("justering_on")
    locked.save(update_fields=fields)
    close_answered_referrals(paragraph_ids=ids)
    _schedule(ids)
    transaction.on_commit(partial(tasks.schedule_protocol, locked.pk))
    return ids


def check_justera_immediately(*, paragraph: Paragraph, at: datetime.datetime) -> None:
    day = timezone.localdate(at) if timezone.is_aware(at) else at.date()
    if paragraph.status == Paragraph.Status.JUSTERAD:
        raise ServiceError("Paragrafen är redan justerad.", code="justerad")
    _refuse_future(at)
    if day != paragraph.meeting.date:
        raise ServiceError(
            {
                "at": "Omedelbar justering sker vid sammanträdet "
                f"({paragraph.meeting.date:%Y-%m-%d}), inte {day:%Y-%m-%d}."
            },
            code="not_at_meeting",
        )


@transaction.atomic
def justera_immediately(*, paragraph: Paragraph, at: datetime.datetime) -> Paragraph:
    """Omedelbar justering (KL 5 kap. 70 §) of one paragraph, at the meeting.

    Locks the meeting row, then the paragraph row.
    """
    lock_meeting(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    check_justera_immediately(paragraph=locked, at=at)
    locked.immediately_justerad = True
    locked.status = Paragraph.Status.JUSTERAD
    locked.justerad_at = at
    locked.save(update_fields=["immediately_justerad", "status", "justerad_at"])
    close_answered_referrals(paragraph_ids=[locked.pk])
    _schedule([locked.pk])
    paragraph.refresh_from_db()
    return locked


def _schedule(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        transaction.on_commit(lambda: tasks.schedule_extracts(ids))
