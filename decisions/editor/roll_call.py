"""The roll call of a votering as a clerk enters it at kommunfullmäktige's scale.

One compact row per member serving in the §, grouped by party; the answers pre-filled from who
moved and supported which yrkande (the party group follows its own movers), so a vote along
party lines needs only the exceptions. Works without JavaScript; ``static/js/roll-call.js`` adds
"the whole group votes …", "the rest vote …" and the tally as the clerk goes.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.forms import BoundField

from decisions import law
from decisions.models import Yrkande

from .debate_forms import Choice

NO_PARTY = "Utan parti"


@dataclass(frozen=True)
class RollCallRow:
    name: str
    party: str
    field: BoundField


@dataclass(frozen=True)
class PartyGroup:
    party: str
    rows: list[RollCallRow]


def party_groups(
    people: Sequence[Choice], fields: Sequence[BoundField], parties: Mapping[int, str]
) -> list[PartyGroup]:
    """The roll call's rows by party, parties in the order they first appear in the roll."""
    groups: dict[str, list[RollCallRow]] = {}
    for person, field in zip(people, fields, strict=True):
        party = parties.get(person.pk) or NO_PARTY
        groups.setdefault(party, []).append(RollCallRow(person.label, party, field))
    return [PartyGroup(party, rows) for party, rows in groups.items()]


def _side(yrkande: Yrkande, parties: Mapping[int, str]) -> tuple[set[int], set[str]]:
    people = {m.person_id for m in yrkande.memberships.all()}
    return people, {parties[pid] for pid in people if pid in parties}


def prefilled_answers(
    yes: Yrkande, no: Yrkande, people: Sequence[Choice], parties: Mapping[int, str]
) -> dict[str, str]:
    """``ballot-<id>`` → ja or nej for who moved or supported the ja- or nej-yrkande, and for
    the rest of their party groups; a party on both sides, or on neither, is left blank."""
    yes_people, yes_parties = _side(yes, parties)
    no_people, no_parties = _side(no, parties)
    answers = {}
    for person in people:
        party = parties.get(person.pk)
        if person.pk in yes_people:
            answer = law.YES
        elif person.pk in no_people:
            answer = law.NO
        elif party in yes_parties and party not in no_parties:
            answer = law.YES
        elif party in no_parties and party not in yes_parties:
            answer = law.NO
        else:
            continue
        answers[f"ballot-{person.pk}"] = answer
    return answers
