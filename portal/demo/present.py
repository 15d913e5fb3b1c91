"""The present-day demo: terms of office, people and a meeting calendar around the day it runs.

The seeds end in 2022; a clerk trying the demo today needs bodies with members now, meetings
this year and motions at every stage. ``load_present`` adds them relative to ``today``, beside
the seed cases, which it never touches:

- the terms from the year before ``today`` to the end of the year after (``people``), their
  invented ledamöter and ersättare written in bulk (plain rows, no rules to check);
- the calendar (``calendar``) from about a year before ``today`` to the end of its year (at
  least two months ahead): a meeting before ``today`` is held (``holding``) with attendance,
  justerare and its agenda, and justerat with its notice posted once its justering day has
  come; a later one is planned;
- the motions (``stories``), through ``register_motion``, ``send_referral`` and the editor's
  services, so the data obeys the rules the clerk's pages obey.

Idempotent: people, seats, meetings and motions are found by their natural keys (name;
person, body and start; body and day; a motion's title) and left as they are. A planned meeting
of the calendar whose day has passed while nobody recorded its attendance is held by the next
run (docs/decisions/0020-present-day-demo.md): run a year later, the demo extends itself.
Justering is written as the seed loader writes it, without rendering the extracts at once; the
extract page renders and stores each one the first time it is asked for.
"""

import datetime
from collections import defaultdict

from decisions.models import Meeting
from organisation.models import Body, Membership, Party, Person

from . import calendar, holding, people, stories
from .rows import LoadResult
from .stories import Item

MeetingKey = tuple[str, datetime.date]


class Present:
    """Writes the present-day layer. Call ``run`` inside the demo's transaction."""

    def __init__(self, today: datetime.date, result: LoadResult) -> None:
        self.today = today
        self.result = result
        self.bodies = {b.code: b for b in Body.objects.filter(code__in=("KF", "KS", "SON"))}
        self.parties = {p.abbreviation: p for p in Party.objects.all()}
        self.people: dict[str, Person] = {}
        self.terms = [(t, people.seats(t)) for t in people.terms_around(today)]
        self.meetings: dict[MeetingKey, Meeting] = {}
        self.buildable: set[MeetingKey] = set()
        """Meetings before ``today`` this run holds: new ones, and passed untouched ones."""
        self.items: dict[MeetingKey, list[Item]] = defaultdict(list)

    def run(self) -> None:
        self._terms()
        self._calendar()
        stories.place(self)
        for key in sorted(self.meetings, key=lambda k: (k[1], k[0])):
            if key in self.buildable:
                holding.hold(self, key)
            elif self.items.get(key):
                holding.add_items(self, self.meetings[key])

    # Terms, people and seats.

    def _terms(self) -> None:
        wanted: dict[tuple[str, str], people.Seat] = {}
        for _, seats in self.terms:
            for seat in seats:
                wanted.setdefault((seat.first_name, seat.last_name), seat)
        found = {
            (p.first_name, p.last_name): p
            for p in Person.objects.filter(last_name__in={last for _, last in wanted})
        }
        new = [Person(first_name=f, last_name=la) for f, la in wanted if (f, la) not in found]
        self.result.created += len(new)
        self.result.existing += len(wanted) - len(new)
        Person.objects.bulk_create(new)
        if new:
            found = {
                (p.first_name, p.last_name): p
                for p in Person.objects.filter(last_name__in={last for _, last in wanted})
            }
        self.people = {f"{f} {la}": p for (f, la), p in found.items()}

        existing = set(
            Membership.objects.filter(body__in=self.bodies.values()).values_list(
                "person_id", "body_id", "starts_on"
            )
        )
        rows = []
        for term, seats in self.terms:
            body = self.bodies[term.body]
            for seat in seats:
                person = self.people[seat.full_name]
                if (person.pk, body.pk, term.starts_on) in existing:
                    self.result.existing += 1
                    continue
                rows.append(
                    Membership(
                        person=person,
                        body=body,
                        role=seat.role,
                        party=self.parties[seat.party],
                        starts_on=term.starts_on,
                        ends_on=term.ends_on,
                    )
                )
        Membership.objects.bulk_create(rows)
        self.result.created += len(rows)

    def seats_on(self, code: str, day: datetime.date) -> list[people.Seat]:
        """The body's seats on ``day`` in the demo's terms (chair first, ersättare last)."""
        for term, seats in self.terms:
            if term.body == code and term.starts_on <= day <= term.ends_on:
                return seats
        return []

    # The calendar.

    def _calendar(self) -> None:
        days = calendar.calendar_around(self.today)
        existing = {
            (m.body.code, m.date): m
            for m in Meeting.objects.filter(
                body__in=self.bodies.values(), date__in={day for _, day in days}
            ).select_related("body")
        }
        untouched = set(
            Meeting.objects.filter(pk__in=[m.pk for m in existing.values()])
            .filter(status=Meeting.Status.PLANNED, date__lt=self.today)
            .exclude(attendance__isnull=False)
            .values_list("pk", flat=True)
        )
        for key, meeting in existing.items():
            self.result.existing += 1
            if meeting.pk in untouched and meeting.chair_id:
                self.buildable.add(key)
        # In bulk, as ``create_meeting`` would write them: a planned meeting with its chair,
        # the term's ordförande (a ledamot by construction, which the service checks).
        new = Meeting.objects.bulk_create(
            self._planned(code, day) for code, day in days if (code, day) not in existing
        )
        self.result.created += len(new)
        self.meetings = existing
        for meeting in new:
            self.meetings[(meeting.body.code, meeting.date)] = meeting
            if meeting.date < self.today:
                self.buildable.add((meeting.body.code, meeting.date))

    def _planned(self, code: str, day: datetime.date) -> Meeting:
        place = calendar.PLACES[code]
        chair = next(s for s in self.seats_on(code, day) if s.role == Membership.Role.CHAIR)
        return Meeting(
            body=self.bodies[code],
            date=day,
            starts_at=calendar.STARTS_AT,
            place=place.place,
            chair=self.people[chair.full_name],
            secretary=place.secretary,
            justering_on=day + calendar.JUSTERING_AFTER,
            justering_place=place.justering_place,
        )

    def held_before(self, code: str, day: datetime.date, after: datetime.date | None = None):
        """The latest meeting this run holds, of body ``code``, on or before ``day`` (and after
        ``after``): where a story may put a decided §."""
        keys = [
            k
            for k in self.buildable
            if k[0] == code and k[1] <= day and (after is None or k[1] > after)
        ]
        return self.meetings[max(keys, key=lambda k: k[1])] if keys else None

    def council_meetings(self) -> list[Meeting]:
        """KF's meetings before today that are or will be held: where a motion may be väckt."""
        return sorted(
            (
                m
                for (code, day), m in self.meetings.items()
                if code == "KF"
                and day < self.today
                and (m.status != Meeting.Status.PLANNED or (code, day) in self.buildable)
            ),
            key=lambda m: m.date,
        )

    def next_planned(self, code: str) -> Meeting | None:
        keys = sorted(k for k in self.meetings if k[0] == code and k[1] >= self.today)
        return self.meetings[keys[0]] if keys else None


def load_present(today: datetime.date, result: LoadResult) -> None:
    """Add the present-day layer around ``today``; call inside the demo's transaction."""
    Present(today, result).run()
