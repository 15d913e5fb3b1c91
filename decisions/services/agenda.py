"""The agenda (föredragningslista) and the §§' numbers: adding and removing §§, renumbering and
moving them.

Paragraph numbers follow the body's sequence for the year (``Paragraph`` is unique on body,
year and number). They may be changed until justering, also after the meeting: renumbering
moves the §§ through a free range above every number in use (``common.ordering.renumber``),
so the unique constraint never sees two equal numbers, and records the final numbers in the
history. Writes lock the body row, then the meeting row (``locks.lock_body_and_meeting``).
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Max
from simple_history.utils import bulk_update_with_history

from common import ordering
from common.errors import ServiceError
from motions.models import Case

from .. import prose
from ..models import Attendance, Meeting, Paragraph
from .finality import check_meeting_open
from .locks import lock_body_and_meeting


def next_number(body_id: int, year: int) -> int:
    """The body's next § number in ``year``: its highest + 1, or 1."""
    top = Paragraph.objects.filter(body_id=body_id, year=year).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def check_add_paragraph(*, meeting: Meeting, case: Case | None = None, title: str = "") -> None:
    check_meeting_open(meeting, "Protokollet är justerat; föredragningslistan kan inte ändras.")
    if case is None:
        if not title.strip():
            raise ServiceError({"title": "Ange en rubrik för punkten."})
        return
    existing = meeting.paragraphs.filter(case=case).first()
    if existing is not None:
        raise ServiceError(
            {
                "case": f"Ärendet {case.dnr} finns redan på föredragningslistan som "
                f"§ {existing.number}."
            }
        )


@transaction.atomic
def add_paragraph(*, meeting: Meeting, case: Case | None = None, title: str = "") -> Paragraph:
    """Put a case (or an övrig punkt without one) on the agenda as the body's next §.

    Locks the body row — the § sequence is the body's for the year — then the meeting row.
    """
    locked = lock_body_and_meeting(meeting)
    check_add_paragraph(meeting=locked, case=case, title=title)
    title = title.strip() or (case.title if case else "")
    return Paragraph.objects.create(
        meeting=locked,
        number=next_number(locked.body_id, locked.date.year),
        title=title,
        case=case,
    )


# What stops a § from being taken off the agenda: parts written in the editor, and rows
# elsewhere that point at it (the database would refuse those deletions anyway).
_PARTS = (
    ("decision_points", "beslutspunkter"),
    ("proposals", "förslag till beslut"),
    ("yrkanden", "yrkanden"),
    ("propositions", "beslutsordning"),
    ("reservations", "reservationer"),
    ("notes", "protokollsanteckningar"),
    ("jav", "jäv"),
    ("basis", "beslutsunderlag"),
    ("recipients", "mottagare"),
    ("quoted_by", "paragrafer som citerar den"),
    ("answered_referrals", "remisser den besvarar"),
    ("decided_motions", "motioner den avgör"),
    ("announced_motions", "motioner som anmälts i den"),
    ("extracts", "protokollsutdrag"),
)


def parts_of(paragraph: Paragraph) -> list[str]:
    """The names of what the paragraph already holds, in the protocol's order."""
    found = ["ärendetext"] if paragraph.arende_text.strip() else []
    found += [name for related, name in _PARTS if getattr(paragraph, related).exists()]
    return found


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def check_remove_paragraph(*, paragraph: Paragraph) -> None:
    check_meeting_open(
        paragraph.meeting, "Protokollet är justerat; föredragningslistan kan inte ändras."
    )
    if paragraph.status == Paragraph.Status.JUSTERAD:
        raise ServiceError(f"§ {paragraph.number} är justerad och kan inte tas bort.")
    parts = parts_of(paragraph)
    if parts:
        raise ServiceError(
            f"§ {paragraph.number} har {_join(parts)} och kan inte tas bort från "
            "föredragningslistan. Ta bort dem i paragrafredigeraren först.",
            code="has_parts",
        )


@transaction.atomic
def remove_paragraph(*, paragraph: Paragraph) -> None:
    """Take an empty, ojusterad § off the agenda. Locks the body, meeting and paragraph rows.

    The other §§ keep their numbers; ``renumber`` closes the gap when the clerk wants it.
    """
    lock_body_and_meeting(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    check_remove_paragraph(paragraph=locked)
    locked.delete()


def _check_renumberable(meeting: Meeting, paragraphs: list[Paragraph]) -> None:
    check_meeting_open(meeting, "Protokollet är justerat; paragraferna kan inte numreras om.")
    justerade = [p.number for p in paragraphs if p.status == Paragraph.Status.JUSTERAD]
    if justerade:
        raise ServiceError(
            f"{prose.paragraph_range(justerade)} är justerad; sammanträdets paragrafer kan inte "
            "numreras om.",
            code="justerad",
        )


def _clashes(meeting: Meeting, numbers: list[int]) -> str | None:
    """'§ 60 finns redan i sammanträdet 2022-04-05.' for numbers used by other meetings."""
    taken: dict[datetime.date, list[int]] = defaultdict(list)
    for number, day in (
        Paragraph.objects.filter(body_id=meeting.body_id, year=meeting.date.year)
        .filter(number__in=numbers)
        .exclude(meeting=meeting)
        .values_list("number", "meeting__date")
        .order_by("meeting__date", "number")
    ):
        taken[day].append(number)
    if not taken:
        return None
    return " ".join(
        f"{prose.paragraph_range(nums)} finns redan i sammanträdet {day:%Y-%m-%d}."
        for day, nums in taken.items()
    )


def check_renumber(*, meeting: Meeting, first: int) -> None:
    paragraphs = list(meeting.paragraphs.order_by("number"))
    _check_renumberable(meeting, paragraphs)
    if first < 1:
        raise ServiceError({"first": "Numreringen börjar på § 1 eller högre."})
    if not paragraphs:
        raise ServiceError({"first": "Föredragningslistan är tom; det finns inget att numrera."})
    clash = _clashes(meeting, list(range(first, first + len(paragraphs))))
    if clash:
        raise ServiceError({"first": clash}, code="clash")


def _set_numbers(meeting: Meeting, paragraphs: list[Paragraph], numbers: list[int]) -> None:
    """Give ``paragraphs`` ``numbers`` without ever holding two equal numbers in the body-year.

    The changed §§ pass through a range above every number of the body's year; their final
    numbers are written in one UPDATE and recorded in the history as an Omnumrering.
    """
    top = Paragraph.objects.filter(body_id=meeting.body_id, year=meeting.date.year).aggregate(
        top=Max("number")
    )["top"]
    ordering.renumber(
        paragraphs,
        field="number",
        numbers=numbers,
        free_above=top,
        save=lambda changed: bulk_update_with_history(
            changed, Paragraph, ["number"], default_change_reason="Omnumrering"
        ),
    )


def _remap_attendance(meeting: Meeting, old_numbers: list[int], new_numbers: list[int]) -> None:
    """Keep each 'från § / till §' on the same paragraphs after an order-keeping renumbering."""
    pairs = list(zip(old_numbers, new_numbers, strict=True))
    for row in Attendance.objects.filter(meeting=meeting).exclude(
        from_number__isnull=True, to_number__isnull=True
    ):
        first = row.from_number
        last = row.to_number
        if first is not None:
            after = [new for old, new in pairs if old >= first]
            first = after[0] if after else first
        if last is not None:
            before = [new for old, new in pairs if old <= last]
            last = before[-1] if before else last
        if (first, last) != (row.from_number, row.to_number):
            Attendance.objects.filter(pk=row.pk).update(from_number=first, to_number=last)


@transaction.atomic
def renumber(*, meeting: Meeting, first: int) -> list[Paragraph]:
    """Number the meeting's §§ ``first``, ``first + 1``, … in their present order.

    For a meeting whose year began before the system did (KS 2022-03-08 starts at § 59).
    Locks the body row, then the meeting row; refused when the meeting is justerat, a § is
    justerad, or a number is taken by another meeting of the body that year. Attendance
    ranges ('från § / till §') follow their paragraphs.
    """
    locked = lock_body_and_meeting(meeting)
    check_renumber(meeting=locked, first=first)
    paragraphs = list(
        Paragraph.objects.select_for_update().filter(meeting=locked).order_by("number")
    )
    old = [p.number for p in paragraphs]
    new = list(range(first, first + len(paragraphs)))
    _set_numbers(locked, paragraphs, new)
    _remap_attendance(locked, old, new)
    return paragraphs


def check_move(*, paragraph: Paragraph, direction: ordering.Direction) -> Paragraph:
    """Raise unless the § can swap places with its neighbour; returns the neighbour."""
    meeting = paragraph.meeting
    _check_renumberable(meeting, list(meeting.paragraphs.all()))
    if direction not in ordering.DIRECTIONS:
        raise ServiceError({"direction": "Ange om paragrafen ska flyttas upp eller ned."})
    siblings = list(Paragraph.objects.filter(meeting_id=paragraph.meeting_id).order_by("number"))
    neighbour = ordering.neighbour(siblings, paragraph, direction)
    if neighbour is None:
        where = "först" if direction == ordering.UP else "sist"
        raise ServiceError(f"§ {paragraph.number} står redan {where} på föredragningslistan.")
    for row in Attendance.objects.filter(meeting=meeting).select_related("person"):
        if row.covers(paragraph.number) != row.covers(neighbour.number):
            raise ServiceError(
                f"Flytten skulle ändra i vilka paragrafer {row.display_name} tjänstgör "
                f"(§§ {row.from_number or ''}–{row.to_number or ''}); ändra närvaron först.",
                code="attendance_range",
            )
    return neighbour


@transaction.atomic
def move(*, paragraph: Paragraph, direction: ordering.Direction) -> list[Paragraph]:
    """Swap the § with the one before (``"up"``) or after (``"down"``) it on the agenda.

    Locks the body row, then the meeting row. Refused like ``renumber``, and when an attendance
    range would then cover other paragraphs than before.
    """
    lock_body_and_meeting(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    neighbour = check_move(paragraph=locked, direction=direction)
    neighbour = Paragraph.objects.select_for_update().get(pk=neighbour.pk)
    pair = [locked, neighbour]
    _set_numbers(locked.meeting, pair, [neighbour.number, locked.number])
    paragraph.refresh_from_db()
    return pair
