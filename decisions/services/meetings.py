"""Writes about preparing a meeting: the meeting, its agenda and numbers, attendance, justerare.

Each write has a ``check_…`` that raises ``ServiceError`` with Swedish messages keyed by the
field they concern and changes nothing; the write calls it again under its row locks. Locks are
taken in one order — the body row, then the meeting row — so two clerks cannot give out the
same § number in a body's year or change one meeting's attendance at once.

Paragraph numbers follow the body's sequence for the year (``Paragraph`` is unique on body,
year and number). They may be changed until justering, also after the meeting: renumbering
moves the §§ through a free range above every number in use, so the unique constraint never
sees two equal numbers, and records the final numbers in the history.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from common.errors import ServiceError
from motions.models import Case
from organisation.models import Body, Person

from .. import meeting_selectors as ms
from .. import prose
from ..models import Attendance, Meeting, MeetingAdjuster, Paragraph

JUSTERAT_MESSAGE = "Protokollet är justerat; sammanträdet kan inte ändras längre."


# --- Helpers ---------------------------------------------------------------------------------


def _day(day: datetime.date) -> str:
    return f"{day:%Y-%m-%d}"


def _check_open(meeting: Meeting, message: str = JUSTERAT_MESSAGE) -> None:
    if meeting.status == Meeting.Status.JUSTERAT:
        raise ServiceError(message, code="justerat")


def _lock_body(body_id: int) -> Body:
    return Body.objects.select_for_update().get(pk=body_id)


def _lock(meeting: Meeting) -> Meeting:
    """Lock the body row, then the meeting row (always in that order)."""
    _lock_body(meeting.body_id)
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("body", "chair")
        .get(pk=meeting.pk)
    )


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ServiceError(dict(errors))


def _not_a_member(person: Person, body: Body, day: datetime.date) -> str:
    return f"{person} är inte ledamot eller ersättare i {body.name_in_sentence} den {_day(day)}."


def chair_problem(body: Body, day: datetime.date, person: Person) -> str | None:
    """Why ``person`` cannot chair the body's meeting on ``day``, or None."""
    roles = ms.roles_on(body.pk, day).get(person.pk)
    if not roles:
        return f"{person} är inte ledamot i {body.name_in_sentence} den {_day(day)}."
    if not ms.is_ledamot(roles):
        return f"{person} är ersättare i {body.name_in_sentence}; ordföranden ska vara ledamot."
    return None


def _present(meeting: Meeting) -> set[int]:
    return ms.present_ids(Attendance.objects.filter(meeting=meeting))


# --- Creating a meeting and its details -------------------------------------------------------


def check_create_meeting(
    *,
    body: Body,
    date: datetime.date,
    chair: Person | None = None,
    justering_on: datetime.date | None = None,
) -> None:
    errors: dict[str, list[str]] = defaultdict(list)
    if Meeting.objects.filter(body=body, date=date).exists():
        errors["date"].append(f"{body.name} har redan ett sammanträde {_day(date)}.")
    if chair is not None and (problem := chair_problem(body, date, chair)):
        errors["chair"].append(problem)
    if justering_on and justering_on < date:
        errors["justering_on"].append("Justeringen kan inte ligga före sammanträdet.")
    _raise(errors)


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
    _lock_body(body.pk)
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
    _check_open(meeting)
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
    _raise(errors)


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
    locked = _lock(meeting)
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


# --- The agenda (föredragningslista) ---------------------------------------------------------


def next_number(body_id: int, year: int) -> int:
    """The body's next § number in ``year``: its highest + 1, or 1."""
    top = Paragraph.objects.filter(body_id=body_id, year=year).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def check_add_paragraph(*, meeting: Meeting, case: Case | None = None, title: str = "") -> None:
    _check_open(meeting, "Protokollet är justerat; föredragningslistan kan inte ändras.")
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
    locked = _lock(meeting)
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
    _check_open(paragraph.meeting, "Protokollet är justerat; föredragningslistan kan inte ändras.")
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
    _lock(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    check_remove_paragraph(paragraph=locked)
    locked.delete()


# --- Renumbering -----------------------------------------------------------------------------


def _check_renumberable(meeting: Meeting, paragraphs: list[Paragraph]) -> None:
    _check_open(meeting, "Protokollet är justerat; paragraferna kan inte numreras om.")
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
        f"{prose.paragraph_range(nums)} finns redan i sammanträdet {_day(day)}."
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

    First every changed § moves above every number in use (no history: that state is never
    real), then each gets its final number in one UPDATE, recorded in the history.
    """
    changed = [(p, n) for p, n in zip(paragraphs, numbers, strict=True) if p.number != n]
    if not changed:
        return
    top = Paragraph.objects.filter(body_id=meeting.body_id, year=meeting.date.year).aggregate(
        top=Max("number")
    )["top"]
    base = max(top or 0, *numbers) + 1
    for i, (paragraph, _) in enumerate(changed):
        Paragraph.objects.filter(pk=paragraph.pk).update(number=base + i)
    for paragraph, number in changed:
        paragraph.number = number
    bulk_update_with_history(
        [p for p, _ in changed],
        Paragraph,
        ["number"],
        default_change_reason="Omnumrering",
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
    locked = _lock(meeting)
    check_renumber(meeting=locked, first=first)
    paragraphs = list(
        Paragraph.objects.select_for_update().filter(meeting=locked).order_by("number")
    )
    old = [p.number for p in paragraphs]
    new = list(range(first, first + len(paragraphs)))
    _set_numbers(locked, paragraphs, new)
    _remap_attendance(locked, old, new)
    return paragraphs


UP, DOWN = "up", "down"


def _neighbour(paragraph: Paragraph, direction: str) -> Paragraph | None:
    siblings = Paragraph.objects.filter(meeting_id=paragraph.meeting_id)
    if direction == UP:
        return siblings.filter(number__lt=paragraph.number).order_by("-number").first()
    return siblings.filter(number__gt=paragraph.number).order_by("number").first()


def check_move(*, paragraph: Paragraph, direction: str) -> Paragraph:
    """Raise unless the § can swap places with its neighbour; returns the neighbour."""
    meeting = paragraph.meeting
    _check_renumberable(meeting, list(meeting.paragraphs.all()))
    if direction not in (UP, DOWN):
        raise ServiceError({"direction": "Ange om paragrafen ska flyttas upp eller ned."})
    neighbour = _neighbour(paragraph, direction)
    if neighbour is None:
        where = "först" if direction == UP else "sist"
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
def move(*, paragraph: Paragraph, direction: str) -> list[Paragraph]:
    """Swap the § with the one before (``"up"``) or after (``"down"``) it on the agenda.

    Locks the body row, then the meeting row. Refused like ``renumber``, and when an attendance
    range would then cover other paragraphs than before.
    """
    _lock(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    neighbour = check_move(paragraph=locked, direction=direction)
    neighbour = Paragraph.objects.select_for_update().get(pk=neighbour.pk)
    pair = [locked, neighbour]
    _set_numbers(locked.meeting, pair, [neighbour.number, locked.number])
    paragraph.refresh_from_db()
    return pair


# --- Attendance ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Presence:
    """A ledamot present; with a range only for some §§ (came late, left early)."""

    person: Person
    from_no: int | None = None
    to_no: int | None = None


@dataclass(frozen=True)
class Substitution:
    """An ersättare serving (tjänstgör) instead of a ledamot, possibly only for some §§."""

    person: Person
    replaces: Person
    from_no: int | None = None
    to_no: int | None = None


@dataclass(frozen=True)
class Other:
    """Another participant: an official, an invited guest."""

    name: str
    title: str = ""


def _range_problem(
    first: int | None, last: int | None, numbers: list[int]
) -> tuple[str, str] | None:
    """(field, message) when 'från § / till §' is not a range of the meeting's §§."""
    if first is None and last is None:
        return None
    if not numbers:
        return "from_no", "Sammanträdet har inga paragrafer ännu; lämna paragrafintervallet tomt."
    low, high = numbers[0], numbers[-1]
    for field, value in (("from_no", first), ("to_no", last)):
        if value is not None and not low <= value <= high:
            span = f"§ {low}" if low == high else f"§§ {low}–{high}"
            return field, f"§ {value} finns inte på sammanträdet ({span})."
    if first is not None and last is not None and last < first:
        return "to_no", "Paragrafintervallet måste gå framåt: ”till §” kan inte vara före ”från §”."
    return None


def _rows(
    meeting: Meeting,
    members: list[Presence],
    serving: list[Substitution],
    substitutes: list[Person],
    others: list[Other],
) -> list[Attendance]:
    rows = [
        Attendance(
            meeting=meeting,
            kind=Attendance.Kind.MEMBER,
            person=p.person,
            from_number=p.from_no,
            to_number=p.to_no,
        )
        for p in members
    ]
    rows += [
        Attendance(
            meeting=meeting,
            kind=Attendance.Kind.SERVING_SUBSTITUTE,
            person=s.person,
            replaces=s.replaces,
            from_number=s.from_no,
            to_number=s.to_no,
        )
        for s in serving
    ]
    rows += [
        Attendance(meeting=meeting, kind=Attendance.Kind.SUBSTITUTE, person=person)
        for person in substitutes
    ]
    rows += [
        Attendance(
            meeting=meeting, kind=Attendance.Kind.OTHER, name=o.name.strip(), title=o.title.strip()
        )
        for o in others
    ]
    return rows


def check_set_attendance(
    *,
    meeting: Meeting,
    members: list[Presence],
    serving: list[Substitution],
    substitutes: list[Person],
    others: list[Other],
) -> None:
    """Raise unless the attendance is possible. Error keys: ``members.<i>.<field>``,
    ``serving.<i>.<field>`` (person, replaces, from_no, to_no), ``substitutes``,
    ``others.<i>.name``, ``__all__`` — ``i`` the index in the list passed.
    """
    _check_open(meeting, "Protokollet är justerat; närvaron kan inte ändras.")
    body, day = meeting.body, meeting.date
    roles = ms.roles_on(body.pk, day)
    paragraphs = list(ms.agenda(meeting))
    numbers = [p.number for p in paragraphs]
    jav_numbers: dict[int, set[int]] = defaultdict(set)
    for p in paragraphs:
        for j in p.jav.all():
            jav_numbers[j.person_id].add(p.number)
    errors: dict[str, list[str]] = defaultdict(list)
    seen: dict[int, str] = {}  # person id → where they already stand (members, substitutes)
    valid_members: dict[int, ms.Range] = {}
    valid_serving: list[tuple[int, Substitution]] = []

    def once(person: Person, key: str, where: str) -> bool:
        if person.pk in seen:
            errors[key].append(f"{person} står redan med i närvaron som {seen[person.pk]}.")
            return False
        seen[person.pk] = where
        return True

    for i, presence in enumerate(members):
        key, person = f"members.{i}", presence.person
        person_roles = roles.get(person.pk)
        if not person_roles:
            errors[f"{key}.person"].append(_not_a_member(person, body, day))
        elif not ms.is_ledamot(person_roles):
            errors[f"{key}.person"].append(f"{person} är ersättare, inte ledamot.")
        elif (problem := _range_problem(presence.from_no, presence.to_no, numbers)) is not None:
            errors[f"{key}.{problem[0]}"].append(problem[1])
        elif once(person, f"{key}.person", "ledamot"):
            valid_members[person.pk] = (presence.from_no, presence.to_no)

    for i, sub in enumerate(serving):
        key, person, replaces = f"serving.{i}", sub.person, sub.replaces
        ok = True
        person_roles = roles.get(person.pk)
        if not person_roles:
            errors[f"{key}.person"].append(_not_a_member(person, body, day))
            ok = False
        elif ms.is_ledamot(person_roles):
            errors[f"{key}.person"].append(
                f"{person} är ledamot och kan inte tjänstgöra som ersättare."
            )
            ok = False
        elif person.pk in seen:
            errors[f"{key}.person"].append(
                f"{person} står redan med i närvaron som {seen[person.pk]}."
            )
            ok = False
        if not ms.is_ledamot(roles.get(replaces.pk)):
            errors[f"{key}.replaces"].append(
                f"{replaces} är inte ledamot i {body.name_in_sentence} den {_day(day)} och kan "
                "inte ersättas."
            )
            ok = False
        problem = _range_problem(sub.from_no, sub.to_no, numbers)
        if problem is not None:
            errors[f"{key}.{problem[0]}"].append(problem[1])
            ok = False
        if ok:
            valid_serving.append((i, sub))

    for i, sub in valid_serving:
        key, here = f"serving.{i}", (sub.from_no, sub.to_no)
        replaced_range = valid_members.get(sub.replaces.pk)
        if replaced_range is not None:
            both = ms.overlap(here, replaced_range, numbers)
            # In a § where the ledamot has jäv, an ersättare may serve in their place.
            jav = jav_numbers[sub.replaces.pk]
            clash = None if both is None else [n for n in both if n not in jav]
            if clash is None or clash:
                errors[f"{key}.replaces"].append(
                    f"{sub.replaces} är närvarande och tjänstgör själv i {ms.range_text(clash)}; "
                    f"{sub.person} kan inte tjänstgöra i hens ställe där."
                )
                continue
        for j, other in valid_serving:
            if j >= i:
                break
            both = ms.overlap(here, (other.from_no, other.to_no), numbers)
            if both is not None and not both:
                continue
            if other.replaces.pk == sub.replaces.pk:
                errors[f"{key}.replaces"].append(
                    f"{sub.replaces} ersätts redan av {other.person} i {ms.range_text(both)}."
                )
                break
            if other.person.pk == sub.person.pk:
                errors[f"{key}.person"].append(
                    f"{sub.person} tjänstgör redan i {ms.range_text(both)}."
                )
                break
    for _, sub in valid_serving:
        seen.setdefault(sub.person.pk, "tjänstgörande ersättare")

    for person in substitutes:
        person_roles = roles.get(person.pk)
        if not person_roles:
            errors["substitutes"].append(_not_a_member(person, body, day))
        elif not ms.is_ersattare(person_roles):
            errors["substitutes"].append(f"{person} är ledamot, inte ersättare.")
        else:
            once(person, "substitutes", "ersättare")

    for i, other in enumerate(others):
        if not other.name.strip():
            errors[f"others.{i}.name"].append("Ange deltagarens namn.")

    if not errors:
        rows = _rows(meeting, members, serving, substitutes, others)
        present = ms.present_ids(rows)
        for adjuster in ms.adjusters_of(meeting):
            if adjuster.pk not in present:
                errors["__all__"].append(
                    f"{adjuster} är utsedd att justera protokollet och måste stå som närvarande."
                )
        if meeting.status == Meeting.Status.HELD:
            if meeting.chair_id and meeting.chair_id not in present:
                errors["__all__"].append(
                    f"Sammanträdet är genomfört och ordföranden {meeting.chair} måste stå som "
                    "närvarande."
                )
            for row in ms.quorum_rows(rows, paragraphs, ms.seats_of(meeting)):
                if not row.has_quorum:
                    errors["__all__"].append(row.message)
    _raise(errors)


@transaction.atomic
def set_attendance(
    *,
    meeting: Meeting,
    members: list[Presence],
    serving: list[Substitution],
    substitutes: list[Person],
    others: list[Other],
) -> list[Attendance]:
    """Replace the meeting's attendance with the one given, all rows or none.

    Locks the body row, then the meeting row.
    """
    locked = _lock(meeting)
    check_set_attendance(
        meeting=locked, members=members, serving=serving, substitutes=substitutes, others=others
    )
    Attendance.objects.filter(meeting=locked).delete()
    return Attendance.objects.bulk_create(_rows(locked, members, serving, substitutes, others))


# --- Justerare -------------------------------------------------------------------------------


def check_set_adjusters(*, meeting: Meeting, adjusters: list[Person]) -> None:
    """Error keys ``adjuster_1``, ``adjuster_2`` (by position) or ``__all__``."""
    _check_open(meeting, "Protokollet är justerat; justerarna kan inte bytas.")
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
    _raise(errors)


@transaction.atomic
def set_adjusters(*, meeting: Meeting, adjusters: list[Person]) -> list[MeetingAdjuster]:
    """Choose the 1–2 justerare, in order. Locks the body row, then the meeting row."""
    locked = _lock(meeting)
    check_set_adjusters(meeting=locked, adjusters=adjusters)
    MeetingAdjuster.objects.filter(meeting=locked).delete()
    return [
        MeetingAdjuster.objects.create(meeting=locked, person=person, position=position)
        for position, person in enumerate(adjusters, start=1)
    ]


# --- The meeting is held ---------------------------------------------------------------------


def check_mark_held(*, meeting: Meeting, today: datetime.date | None = None) -> None:
    """Raise with every reason at once, so the clerk sees all that is missing."""
    today = today or timezone.localdate()
    _check_open(meeting, "Protokollet är redan justerat.")
    if meeting.status == Meeting.Status.HELD:
        raise ServiceError("Sammanträdet är redan markerat som genomfört.", code="held")
    problems = []
    if meeting.date > today:
        problems.append(
            f"Sammanträdet är {_day(meeting.date)}; det kan markeras som genomfört först då."
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
    locked = _lock(meeting)
    check_mark_held(meeting=locked, today=today)
    locked.status = Meeting.Status.HELD
    locked.save(update_fields=["status"])
    meeting.refresh_from_db()
    return locked
