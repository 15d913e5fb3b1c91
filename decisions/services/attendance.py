"""Attendance: who was at a meeting and in what capacity — ledamöter (possibly for some §§),
tjänstgörande ersättare instead of a ledamot for their § ranges, ersättare and others.

``check_set_attendance`` checks the whole attendance at once, with messages keyed by row, and
``set_attendance`` replaces it, all rows or none. Locks the body row, then the meeting row.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from common.errors import refuse_if_any
from organisation.models import Body, Person

from .. import meeting_selectors as ms
from ..models import Attendance, Meeting
from ..models.participation import present_members
from .finality import check_meeting_open
from .locks import lock_body_and_meeting


def _not_a_member(person: Person, body: Body, day: datetime.date) -> str:
    return f"{person} är inte ledamot eller ersättare i {body.name_in_sentence} den {day:%Y-%m-%d}."


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
    check_meeting_open(meeting, "Protokollet är justerat; närvaron kan inte ändras.")
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
                f"{replaces} är inte ledamot i {body.name_in_sentence} den {day:%Y-%m-%d} och kan "
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
        present = present_members(rows)
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
    refuse_if_any(errors)


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
    locked = lock_body_and_meeting(meeting)
    check_set_attendance(
        meeting=locked, members=members, serving=serving, substitutes=substitutes, others=others
    )
    Attendance.objects.filter(meeting=locked).delete()
    return Attendance.objects.bulk_create(_rows(locked, members, serving, substitutes, others))
