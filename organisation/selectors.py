"""Reads about a municipality's organisation: the addresses of people and parties, the
council and the executive board, seats in the council, a party's members by body."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.text import slugify

from .models import Body, Membership, Party, Person


def person_slug(person: Person) -> str:
    """'ann-charlott-backman': the name in the person's address; never empty."""
    return slugify(person.full_name) or "person"


def party_slug(party: Party) -> str:
    """'mp': the abbreviation in the party's address, lower case like the bodies' codes."""
    return slugify(party.abbreviation) or "parti"


def find_party(slug: str) -> Party | None:
    """The party whose address is ``slug``, ignoring case (parties are few: one short query)."""
    wanted = slug.lower()
    return next((p for p in Party.objects.order_by("pk") if party_slug(p) == wanted), None)


def council() -> Body | None:
    """Kommunfullmäktige: the body where motions are väckta and decided."""
    return Body.objects.filter(kind=Body.Kind.COUNCIL).order_by("pk").first()


def executive_board() -> Body | None:
    """Kommunstyrelsen: the body KF refers motions to for beredning."""
    return Body.objects.filter(kind=Body.Kind.EXECUTIVE_BOARD).order_by("pk").first()


def council_seats(person_ids: list[int], day: datetime.date) -> dict[int, Membership]:
    """Each person's seat in kommunfullmäktige on ``day`` (ledamot or ersättare), if any."""
    seats: dict[int, Membership] = {}
    memberships = (
        Membership.objects.on(day)
        .filter(body__kind=Body.Kind.COUNCIL, person_id__in=person_ids)
        .select_related("party")
        .order_by("starts_on", "pk")
    )
    for membership in memberships:
        seats.setdefault(membership.person_id, membership)
    return seats


def council_people() -> QuerySet[Person]:
    """Everyone who sits or has sat in kommunfullmäktige (ledamot or ersättare): the people a
    motion can come from. Whether they sat on the motion's day is the service's to check."""
    seated = Membership.objects.filter(body__kind=Body.Kind.COUNCIL).values("person_id")
    return Person.objects.filter(pk__in=seated).order_by("last_name", "first_name")


@dataclass(frozen=True)
class BodyMembers:
    """A party's members in one body: those serving on the day, or else its latest group."""

    body: Body
    current: bool
    memberships: list[Membership]


def members_by_body(memberships: Iterable[Membership], on: datetime.date) -> list[BodyMembers]:
    """Per body, the memberships in force ``on`` that day; if none, those of the latest start.

    Bodies in rank order (KF, KS, nämnder, utskott), roles in Role order, then by name.
    """
    kind_rank = {kind: i for i, kind in enumerate(Body.Kind.values)}
    role_rank = {role: i for i, role in enumerate(Membership.Role.values)}
    grouped: dict[int, list[Membership]] = defaultdict(list)
    for membership in memberships:
        grouped[membership.body_id].append(membership)
    result = []
    for rows in grouped.values():
        current = [m for m in rows if m.starts_on <= on and (m.ends_on is None or m.ends_on >= on)]
        if not current:
            latest = max(m.starts_on for m in rows)
            shown = [m for m in rows if m.starts_on == latest]
        else:
            shown = current
        shown.sort(key=lambda m: (role_rank[m.role], m.person.last_name, m.person.first_name))
        result.append(BodyMembers(body=rows[0].body, current=bool(current), memberships=shown))
    result.sort(key=lambda group: (kind_rank.get(group.body.kind, 99), group.body.name))
    return result
