"""Who serves, takes part, may vote and may reserve in a paragraph (§) — answered once.

The attendance says who serves (tjänstgör) in which §§: a ledamot present, unless an ersättare
serves in their place for that §; a tjänstgörande ersättare for their § range. A jävig member
takes no part in the § (KL 5 kap. 47 §, 6 kap. 28 §). From that:

- **serving** — tjänstgör in the § (``serving_ids``);
- **deciding** — serving and not jävig: answers the roll call, may move or support a yrkande,
  counts for quorum and as present for the minority's återremiss (``Roll.deciding``);
- **took part** — deciding and not absent (frånvarande) in a vote (``Roll.participants``);
- **may reserve** — took part and did not abstain in a vote (KL 4 kap. 27 §,
  ``reservation_problem``).

At the meeting as a whole, ``present_members`` are the ledamöter and tjänstgörande ersättare (who
may chair and justera) and ``attending_ids`` everyone recorded as a person (who may have a
protokollsanteckning). Model validation, the services, the admin forms, the selectors and the
pages all ask here. It lives in the models package because ``Reservation.clean`` asks it too.
"""

from collections.abc import Iterable
from functools import cached_property

from organisation.models import Person

from .. import law
from .debate import Ballot
from .meetings import Attendance
from .paragraphs import Paragraph

DECIDING_KINDS = (Attendance.Kind.MEMBER, Attendance.Kind.SERVING_SUBSTITUTE)


# --- Plain rows: usable on attendance that is not saved yet ----------------------------------


def serving_ids(attendance: Iterable[Attendance], number: int) -> set[int]:
    """Persons serving (tjänstgörande) in § ``number``, given a meeting's attendance rows.

    A ledamot replaced by an ersättare for some paragraphs does not serve in those.
    """
    serving: set[int] = set()
    replaced: set[int] = set()
    for row in attendance:
        if not row.covers(number):
            continue
        if row.kind == Attendance.Kind.MEMBER:
            serving.add(row.person_id)
        elif row.kind == Attendance.Kind.SERVING_SUBSTITUTE:
            serving.add(row.person_id)
            replaced.add(row.replaces_id)
    return serving - replaced


def deciding_ids(attendance: Iterable[Attendance], number: int, jav: Iterable[int]) -> set[int]:
    """Serving in § ``number`` and not jävig there: those who decide (and count for quorum)."""
    return serving_ids(attendance, number) - set(jav)


def present_members(attendance: Iterable[Attendance]) -> set[int]:
    """Ledamöter and tjänstgörande ersättare at the meeting: who may chair and justera."""
    return {row.person_id for row in attendance if row.kind in DECIDING_KINDS and row.person_id}


def attending_ids(attendance: Iterable[Attendance]) -> set[int]:
    """Everyone at the meeting recorded as a person, in any capacity (ledamot, ersättare, övrig)."""
    return {row.person_id for row in attendance if row.person_id}


# --- One paragraph ---------------------------------------------------------------------------


class Roll:
    """Who serves, decides and took part in one paragraph.

    Reads the meeting's attendance and the paragraph's jäv through their relations, so rows
    prefetched by a page are used as they are; the vote answers that exclude a member from
    having taken part are read only when asked for.
    """

    def __init__(self, paragraph: Paragraph, attendance: Iterable[Attendance] | None = None):
        """``attendance``: the meeting's rows when the caller has them already."""
        self.paragraph = paragraph
        rows = list(paragraph.meeting.attendance.all() if attendance is None else attendance)
        self.serving = frozenset(serving_ids(rows, paragraph.number))
        # An unsaved paragraph (the admin's add page) has no jäv and no votes yet.
        self.jav = (
            frozenset(j.person_id for j in paragraph.jav.all()) if paragraph.pk else frozenset()
        )
        order: list[int] = []
        for row in rows:
            if row.person_id in self.deciding and row.person_id not in order:
                order.append(row.person_id)
        self.order = tuple(order)
        """The deciding members in the attendance list's order: the roll call's order."""

    @property
    def where(self) -> str:
        return f"§ {self.paragraph.number}"

    @property
    def deciding(self) -> frozenset[int]:
        """Serving and not jäviga: those who answer a roll call and may move a yrkande."""
        return self.serving - self.jav

    def may_vote(self, person_id: int) -> bool:
        return person_id in self.deciding

    @cached_property
    def _answers(self) -> dict[str, frozenset[int]]:
        if not self.paragraph.pk:
            return {}
        found: dict[str, set[int]] = {}
        for person_id, answer in Ballot.objects.filter(
            vote__proposition__paragraph_id=self.paragraph.pk,
            answer__in=(law.ABSENT, law.ABSTAIN),
        ).values_list("person_id", "answer"):
            found.setdefault(answer, set()).add(person_id)
        return {answer: frozenset(ids) for answer, ids in found.items()}

    @property
    def absent(self) -> frozenset[int]:
        """Frånvarande in a vote of the paragraph."""
        return self._answers.get(law.ABSENT, frozenset())

    @property
    def abstained(self) -> frozenset[int]:
        """Avstod in a vote of the paragraph."""
        return self._answers.get(law.ABSTAIN, frozenset())

    @property
    def participants(self) -> frozenset[int]:
        """Who took part in the decision: deciding, and not absent in a vote."""
        return self.deciding - self.absent

    def acting_problem(self, person: Person) -> str | None:
        """Why ``person`` may not move or support a yrkande here, or None."""
        if person.pk in self.jav:
            return f"{person.full_name} är jävig i {self.where}."
        if person.pk not in self.serving:
            return f"{person.full_name} tjänstgör inte i {self.where}."
        return None

    def voting_problem(self, person_id: int, name: str) -> str | None:
        """Why the person may not answer this paragraph's roll call, or None."""
        if person_id in self.jav:
            return f"{name} är jävig i {self.where} och får inte rösta."
        if person_id not in self.serving:
            return f"{name} tjänstgör inte i {self.where}."
        return None

    def reservation_problem(self, person: Person) -> str | None:
        """Why ``person`` may not reserve against the decision, or None (KL 4 kap. 27 §).

        Only one who took part may reserve: not a jävig member, not one who did not serve, not
        one absent or abstaining in a vote.
        """
        if person.pk in self.jav:
            return f"{person.full_name} är jävig i {self.where} och deltog inte i beslutet."
        if person.pk not in self.serving:
            return (
                f"{person.full_name} deltog inte i beslutet och kan därför inte reservera sig "
                "(KL 4 kap. 27 §)."
            )
        if person.pk in self.absent:
            return f"{person.full_name} var frånvarande vid voteringen och kan inte reservera sig."
        if person.pk in self.abstained:
            return f"{person.full_name} avstod från att rösta och kan inte reservera sig."
        return None


def roll_of(paragraph: Paragraph) -> Roll:
    """Who serves, decides and took part in ``paragraph`` (ersättare for their ranges included)."""
    return Roll(paragraph)


def reservation_problem(paragraph: Paragraph, person: Person) -> str | None:
    """Why ``person`` may not reserve in ``paragraph`` (saved or not), or None."""
    return roll_of(paragraph).reservation_problem(person)


def names_of(ids: Iterable[int]) -> dict[int, str]:
    """Person id → full name, for the messages about a roll."""
    return {p.pk: p.full_name for p in Person.objects.filter(pk__in=list(ids))}
