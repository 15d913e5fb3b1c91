"""Writes about a meeting itself: creating it, its details and chair, its justerare, and
marking it held.

Each write has a ``check_…`` that raises ``ServiceError`` with Swedish messages keyed by the
field they concern and changes nothing; the write calls it again under its row locks. Locks are
taken in one order — the body row, then the meeting row (``locks.lock_body_and_meeting``).
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError, refuse_if_any
from organisation.models import Body, Person

from .. import meeting_selectors as ms
from ..models import Attendance, Meeting, MeetingAdjuster
from ..models.participation import present_members
from .finality import check_meeting_open
from .locks import lock_body, lock_body_and_meeting


def chair_problem(body: Body, day: datetime.date, person: Person) -> str | None:
    """Why ``person`` cannot chair the body's meeting on ``day``, or None."""
    roles = ms.roles_on(body.pk, day).get(person.pk)
    if not roles:
        return f"{person} är inte ledamot i {body.name_in_sentence} den {day:%Y-%m-%d}."
    if not ms.is_ledamot(roles):
        return f"{person} är ersättare i {body.name_in_sentence}; ordföranden ska vara ledamot."
    return None


def _present(meeting: Meeting) -> set[int]:
    return present_members(Attendance.objects.filter(meeting=meeting))


def check_create_meeting(
    *,
    body: Body,
    date: datetime.date,
    chair: Person | None = None,
    justering_on: datetime.date | None = None,
) -> None:
    errors: dict[str, list[str]] = defaultdict(list)
    if Meeting.objects.filter(body=body, date=date).exists():
        errors["date"].append(f"{body.name} har redan ett sammanträde {date:%Y-%m-%d}.")
    if chair is not None and (problem := chair_problem(body, date, chair)):
        errors["chair"].append(problem)
    if justering_on and justering_on < date:
        errors["justering_on"].append("Justeringen kan inte ligga före sammanträdet.")
    refuse_if_any(errors)


@transaction.atomic
def create_meeting(
    *,
    body: Body,
    date: datetime.date,
    starts_at: datetime.time | None = None,
    place: str = "",
    chair: Person | None = None,
    secretary: str = "",
    justering_on: datetime.date | None = None,
    justering_place: str = "",
) -> Meeting:
    """Create a planned meeting. Locks the body row: one meeting per body and day."""
    lock_body(body.pk)
    check_create_meeting(body=body, date=date, chair=chair, justering_on=justering_on)
    return Meeting.objects.create(
        body=body,
        date=date,
        starts_at=starts_at,
        place=place.strip(),
        chair=chair,
        secretary=secretary.strip(),
        justering_on=justering_on,
        justering_place=justering_place.strip(),
    )


def check_update_meeting(
    *,
    meeting: Meeting,
    chair: Person | None,
    justering_on: datetime.date | None,
    **details,
) -> None:
    check_meeting_open(meeting)
    errors: dict[str, list[str]] = defaultdict(list)
    chair_id = chair.pk if chair else None
    if chair is not None and (problem := chair_problem(meeting.body, meeting.date, chair)):
        errors["chair"].append(problem)
    elif chair_id != meeting.chair_id:
        if meeting.justeringar.exists():
            errors["chair"].append("Protokollet har börjat justeras; ordföranden kan inte bytas.")
        elif meeting.status == Meeting.Status.HELD:
            if chair is None:
                errors["chair"].append("Ett genomfört sammanträde måste ha en ordförande.")
            elif chair.pk not in _present(meeting):
                errors["chair"].append(
                    f"{chair} står inte som närvarande och kan inte ha varit ordförande."
                )
    if justering_on and justering_on < meeting.date:
        errors["justering_on"].append("Justeringen kan inte ligga före sammanträdet.")
    refuse_if_any(errors)


@transaction.atomic
def update_meeting(
    *,
    meeting: Meeting,
    starts_at: datetime.time | None,
    place: str,
    chair: Person | None,
    secretary: str,
    justering_on: datetime.date | None,
    justering_place: str,
) -> Meeting:
    """Change a meeting's details (not its date). Locks the body row, then the meeting row."""
    locked = lock_body_and_meeting(meeting)
    check_update_meeting(meeting=locked, chair=chair, justering_on=justering_on)
    locked.starts_at = starts_at
    locked.place = place.strip()
    locked.chair = chair
    locked.secretary = secretary.strip()
    locked.justering_on = justering_on
    locked.justering_place = justering_place.strip()
    locked.save()
    meeting.refresh_from_db()
    return locked


def check_set_adjusters(*, meeting: Meeting, adjusters: list[Person]) -> None:
    """Error keys ``adjuster_1``, ``adjuster_2`` (by position) or ``__all__``."""
    check_meeting_open(meeting, "Protokollet är justerat; justerarna kan inte bytas.")
    if meeting.justeringar.exists():
        raise ServiceError("Protokollet har börjat justeras; justerarna kan inte bytas.")
    if not adjusters:
        raise ServiceError({"adjuster_1": "Välj minst en justerare."})
    if len(adjusters) > 2:
        raise ServiceError("Högst två justerare kan utses.")
    present = _present(meeting)
    errors: dict[str, list[str]] = defaultdict(list)
    for position, person in enumerate(adjusters, start=1):
        key = f"adjuster_{position}"
        if person.pk in {p.pk for p in adjusters[: position - 1]}:
            errors[key].append("Välj två olika justerare.")
        elif person.pk == meeting.chair_id:
            errors[key].append(
                f"{person} är ordförande och justerar redan protokollet; välj en annan justerare."
            )
        elif person.pk not in present:
            errors[key].append(f"{person} var inte närvarande och kan inte justera protokollet.")
    refuse_if_any(errors)


@transaction.atomic
def set_adjusters(*, meeting: Meeting, adjusters: list[Person]) -> list[MeetingAdjuster]:
    """Choose the 1–2 justerare, in order. Locks the body row, then the meeting row."""
    locked = lock_body_and_meeting(meeting)
    check_set_adjusters(meeting=locked, adjusters=adjusters)
    MeetingAdjuster.objects.filter(meeting=locked).delete()
    return [
        MeetingAdjuster.objects.create(meeting=locked, person=person, position=position)
        for position, person in enumerate(adjusters, start=1)
    ]


def check_mark_held(*, meeting: Meeting, today: datetime.date | None = None) -> None:
    """Raise with every reason at once, so the clerk sees all that is missing."""
    today = today or timezone.localdate()
    check_meeting_open(meeting, "Protokollet är redan justerat.")
    if meeting.status == Meeting.Status.HELD:
        raise ServiceError("Sammanträdet är redan markerat som genomfört.", code="held")
    problems = []
    if meeting.date > today:
        problems.append(
            f"Sammanträdet är {meeting.date:%Y-%m-%d}; det kan markeras som genomfört först då."
        )
    present = _present(meeting)
    if not meeting.chair_id:
        problems.append("Ange sammanträdets ordförande.")
    elif meeting.chair_id not in present:
        problems.append(f"Ordföranden {meeting.chair} står inte som närvarande.")
    if not meeting.adjusters.exists():
        problems.append("Välj minst en justerare.")
    rows = ms.quorum_report(meeting)
    if not rows:
        problems.append("Föredragningslistan är tom.")
    problems += [row.message for row in rows if not row.has_quorum]
    if problems:
        raise ServiceError(problems, code="not_ready")


@transaction.atomic
def mark_held(*, meeting: Meeting, today: datetime.date | None = None) -> Meeting:
    """Planerat → genomfört. Locks the body row, then the meeting row.

    The §§ may still be renumbered and the attendance corrected until justering.
    """
    locked = lock_body_and_meeting(meeting)
    check_mark_held(meeting=locked, today=today)
    locked.status = Meeting.Status.HELD
    locked.save(update_fields=["status"])
    meeting.refresh_from_db()
    return locked
