"""The sentences of a protocol, written from its data as Swedish clerks write them.

The seeds are the model: "Annika Krutzén (M) yrkar bifall till social- och omsorgsnämndens
förslag till beslut." and "Ordförande ställer proposition på … mot … och finner att
kommunstyrelsen beslutar enligt …". Nothing here touches the database: callers pass objects
with their relations prefetched and a map of person id → party abbreviation.
"""

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

from organisation.models import Body, Person

from . import law
from .models import Proposition, Reservation, Vote, Yrkande, YrkandeMember

Parties = Mapping[int, str]


def join(items: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} och {items[-1]}"


def named(person: Person, parties: Parties) -> str:
    party = parties.get(person.pk)
    return f"{person.full_name} ({party})" if party else person.full_name


def named_genitive(person: Person, parties: Parties) -> str:
    party = parties.get(person.pk)
    return f"{person.genitive} ({party})" if party else person.genitive


def movers(yrkande: Yrkande) -> list[Person]:
    return [m.person for m in yrkande.memberships.all() if m.role == YrkandeMember.Role.MOVER]


def supporters(yrkande: Yrkande) -> list[Person]:
    return [m.person for m in yrkande.memberships.all() if m.role == YrkandeMember.Role.SUPPORTER]


def referent(yrkande: Yrkande, parties: Parties) -> str:
    """What a bifall or avslag is to: 'motionen', 'social- och omsorgsnämndens förslag …'."""
    target = yrkande.target
    if target == Yrkande.Target.PROPOSAL:
        return f"{yrkande.target_body.genitive_in_sentence} förslag till beslut"
    if target == Yrkande.Target.MOTION:
        return "motionen"
    if target == Yrkande.Target.YRKANDE:
        return reference(yrkande.target_yrkande, parties)
    return yrkande.text


def noun(yrkande: Yrkande, parties: Parties) -> str:
    """'yrkande om bifall till motionen', 'ändringsyrkande' — a yrkande named by its content."""
    kind = yrkande.kind
    if kind == Yrkande.Kind.APPROVAL:
        return f"yrkande om bifall till {referent(yrkande, parties)}"
    if kind == Yrkande.Kind.REJECTION:
        return f"yrkande om avslag på {referent(yrkande, parties)}"
    if kind == Yrkande.Kind.AMENDMENT:
        return "ändringsyrkande"
    if kind == Yrkande.Kind.ADDITION:
        return "tilläggsyrkande"
    if kind == Yrkande.Kind.REFERRAL_BACK:
        return "yrkande om återremiss"
    return "yrkande om bordläggning"


def reference(yrkande: Yrkande, parties: Parties) -> str:
    """'Annika Krutzéns (M) yrkande om …', 'Rebecka Hovenbergs (MP) med fleras yrkande om …'."""
    people = movers(yrkande)
    if not people:
        return noun(yrkande, parties)
    owner = named_genitive(people[0], parties)
    if len(people) > 1:
        owner = f"{owner} med fleras"
    return f"{owner} {noun(yrkande, parties)}"


def _predicate(yrkande: Yrkande, parties: Parties) -> str:
    kind = yrkande.kind
    if kind == Yrkande.Kind.APPROVAL:
        return f"yrkar bifall till {referent(yrkande, parties)}"
    if kind == Yrkande.Kind.REJECTION:
        return f"yrkar avslag på {referent(yrkande, parties)}"
    if kind == Yrkande.Kind.AMENDMENT:
        return f"yrkar {yrkande.text}"
    if kind == Yrkande.Kind.ADDITION:
        return f"yrkar som tillägg {yrkande.text}"
    if kind == Yrkande.Kind.REFERRAL_BACK:
        reason = f" {yrkande.text}" if yrkande.text else ""
        return f"yrkar att ärendet ska återremitteras{reason}"
    return "yrkar att ärendet ska bordläggas"


def yrkande_sentences(yrkande: Yrkande, parties: Parties) -> list[str]:
    """'Rebecka Hovenberg (MP) och Ann-Charlott Bäckman (S) yrkar bifall till motionen.'"""
    names = join([named(p, parties) for p in movers(yrkande)])
    sentences = [f"{names} {_predicate(yrkande, parties)}.".strip()]
    backers = supporters(yrkande)
    if backers:
        sentences.append(f"{join([named(p, parties) for p in backers])} instämmer i yrkandet.")
    if yrkande.outcome == Yrkande.Outcome.WITHDRAWN:
        sentences.append("Yrkandet återkallas.")
    return sentences


def proposition_sentence(
    proposition: Proposition, alternatives: Sequence[Yrkande], body: Body, parties: Parties
) -> str:
    """'Ordförande ställer proposition på A mot B och finner att kommunstyrelsen beslutar …'."""
    refs = [reference(y, parties) for y in alternatives]
    if len(refs) == 1:
        put = f"på {refs[0]}"
    elif len(refs) == 2:
        put = f"på {refs[0]} mot {refs[1]}"
    else:
        put = f"på {join(refs)}"
    finding = reference(proposition.finding, parties)
    return (
        f"Ordförande ställer proposition {put} och finner att {body.name_in_sentence} "
        f"beslutar enligt {finding}."
    )


def vote_sentences(vote: Vote, body: Body, chair_id: int | None, parties: Parties) -> list[str]:
    """The votering: what ja and nej stand for, the result, and the casting vote on a tie."""
    sentences = [
        "Votering begärs.",
        f"Ja-röst för {reference(vote.yes_for, parties)}, "
        f"nej-röst för {reference(vote.no_for, parties)}.",
    ]
    tally = vote.tally
    chair_answer = next(
        (b.answer for b in vote.ballots.all() if chair_id and b.person_id == chair_id), None
    )
    result = law.vote_result(tally, chair_answer)
    counts = f"{tally.yes} ja-röster mot {tally.no} nej-röster"
    if tally.abstain:
        counts += f", {tally.abstain} avstår"
    if result is None:
        sentences.append(f"Omröstningen gav {counts}; utslag saknas.")
        return sentences
    winner = vote.yes_for if result == law.YES else vote.no_for
    tie = " genom ordförandens utslagsröst" if tally.yes == tally.no else ""
    sentences.append(
        f"Med {counts} beslutar {body.name_in_sentence}{tie} enligt {reference(winner, parties)}."
    )
    return sentences


def reservation_sentences(reservations: Iterable[Reservation], parties: Parties) -> list[str]:
    """'X (MP) och Y (S) reserverar sig mot beslutet till förmån för eget yrkande om …'.

    Consecutive reservations in favour of the same yrkande make one sentence, in their order.
    """
    sentences = []
    for _, group in groupby(reservations, key=lambda r: r.in_favour_of_id):
        rows = list(group)
        names = join([named(r.person, parties) for r in rows])
        yrkande = rows[0].in_favour_of
        if yrkande is None:
            sentences.append(f"{names} reserverar sig mot beslutet.")
            continue
        own = {p.pk for p in movers(yrkande)} | {p.pk for p in supporters(yrkande)}
        if {r.person_id for r in rows} <= own:
            favour = f"eget {noun(yrkande, parties)}"
        else:
            favour = reference(yrkande, parties)
        sentences.append(f"{names} reserverar sig mot beslutet till förmån för {favour}.")
    return sentences


def jav_sentence(person: Person, parties: Parties) -> str:
    return f"{named(person, parties)} anmäler jäv och deltar inte i handläggningen av ärendet."


def minority_sentence(yrkande: Yrkande, present: int) -> str:
    """The protocol's sentence for a minority's återremiss or bordläggning (KL 5 kap. 50 §).

    'Yrkandet om återremiss begärs av 27 av 81 närvarande ledamöter, minst en tredjedel.
    Ärendet återremitteras därför utan omröstning (KL 5 kap. 50 §).'
    """
    referral = yrkande.kind == Yrkande.Kind.REFERRAL_BACK
    what = "återremiss" if referral else "bordläggning"
    done = "återremitteras" if referral else "bordläggs"
    return (
        f"Yrkandet om {what} begärs av {yrkande.requested_by_count} av {present} närvarande "
        f"ledamöter, minst en tredjedel. Ärendet {done} därför utan omröstning "
        "(KL 5 kap. 50 §)."
    )


def paragraph_range(numbers: Iterable[int]) -> str:
    """'§ 59', '§§ 58–61', or '§§ 2–3, 7' for a protocol's paragraphs."""
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    runs: list[list[int]] = [[numbers[0], numbers[0]]]
    for n in numbers[1:]:
        if n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    parts = [f"{a}–{b}" if a != b else f"{a}" for a, b in runs]
    return ("§ " if len(numbers) == 1 else "§§ ") + ", ".join(parts)
