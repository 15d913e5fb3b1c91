"""The present-day demo's terms of office and the invented people who hold them.

Swedish municipal elections are held every fourth September (2022, 2026, …). Kommunfullmäktige's
term runs from 15 October of the election year, a nämnd's (and kommunstyrelsen's) from 1 January
after it (KL 6 kap. 13 §), each for four years. The people are invented and deterministic: the
same term always gets the same names, seats and roles, with no randomness, so a second run finds
what the first wrote. Any likeness to real persons is unintended.

Plain values only; ``portal.demo.present`` writes them.
"""

import datetime
from dataclasses import dataclass

from organisation.models import Membership

FIRST_ELECTION = 2022
"""The first election of the present-day layer; the seeds' own terms end in 2022."""

PARTY_ORDER = ("S", "M", "SD", "C", "KD", "V", "L", "MP")

# Seats in kommunfullmäktige (81) after each election, alternately: the real distribution in
# Linköping after 2022, and an invented one for the next term (the demo cannot know results).
KF_SEATS: tuple[dict[str, int], ...] = (
    {"S": 22, "M": 21, "SD": 11, "C": 7, "KD": 6, "V": 5, "L": 5, "MP": 4},
    {"S": 24, "M": 19, "SD": 12, "C": 5, "KD": 5, "V": 6, "L": 4, "MP": 6},
)

# Which party holds the chair of kommunstyrelsen and the nämnder, and which the vice chair, in
# the term after each election (alternately), as a majority would share them out.
CHAIR_PARTIES: tuple[tuple[str, str], ...] = (("M", "S"), ("S", "M"))

BOARD_SIZES = {"KS": 15, "SON": 13}
"""As ``Body.size`` in the seeds' assumptions; ersättare as many as ledamöter."""

# Invented names. Seed people's surnames are left out so that no invented person is merged
# with one of them. Two lengths without common factor give every (first, last) pair once.
FIRST_NAMES = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sofia", "Per",
    "Kristina", "Magnus", "Lena", "Daniel", "Emma", "Fredrik", "Sara", "Mattias", "Ida", "Jonas",
    "Elin", "Henrik", "Malin", "Andreas", "Hanna", "Niklas", "Amira", "Patrik", "Linda", "Ali",
    "Camilla", "Oskar", "Frida", "Viktor", "Helena", "Gustav", "Jenny", "Mohammed", "Therese",
    "Björn", "Louise", "Emil", "Åsa",
)  # fmt: skip
LAST_NAMES = (
    "Lindqvist", "Hedlund", "Sandberg", "Engström", "Nordin", "Ekström", "Lundberg", "Björk",
    "Sundqvist", "Holm", "Blom", "Axelsson", "Lindgren", "Hellström", "Berggren", "Fransson",
    "Nyström", "Söderberg", "Lund", "Mattsson", "Hammar", "Eklund", "Persson", "Jakobsson",
    "Wikström", "Ahmadi", "Sjögren", "Forsberg", "Isaksson", "Granlund", "Dahlberg", "Wennberg",
    "Hallberg", "Åkesson", "Lindholm", "Norberg", "Törnqvist", "Svensson", "Lindell", "Kovač",
    "Nordström", "Sjödin", "Backlund", "Ström", "Öberg", "Rosén", "Vikström",
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    body: str
    starts_on: datetime.date
    ends_on: datetime.date
    election: int


@dataclass(frozen=True)
class Seat:
    first_name: str
    last_name: str
    party: str
    role: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def elections_around(day: datetime.date) -> list[int]:
    """The elections whose terms touch the year before ``day`` up to the end of the next year."""
    years = range(day.year - 1, day.year + 2)
    first = max(FIRST_ELECTION, (min(years) - 5) // 4 * 4 + 2)
    return [e for e in range(first, max(years) + 1, 4) if e >= FIRST_ELECTION]


def terms(election: int) -> list[Term]:
    """KF from 15 October of the election year; KS and SON from 1 January after; four years."""
    d = datetime.date
    kf = Term("KF", d(election, 10, 15), d(election + 4, 10, 14), election)
    return [kf] + [
        Term(code, d(election + 1, 1, 1), d(election + 4, 12, 31), election) for code in BOARD_SIZES
    ]


def terms_around(day: datetime.date) -> list[Term]:
    """Every body's terms from the year before ``day`` to the end of the year after it."""
    low, high = datetime.date(day.year - 1, 1, 1), datetime.date(day.year + 1, 12, 31)
    found = [t for e in elections_around(day) for t in terms(e)]
    return [t for t in found if t.starts_on <= high and t.ends_on >= low]


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    """Seats shared out by d'Hondt's method, as KF elects a nämnd proportionally; ties go to
    the party first in ``PARTY_ORDER``."""
    won = dict.fromkeys(votes, 0)
    for _ in range(seats):
        best = max(
            PARTY_ORDER,
            key=lambda p: (votes.get(p, 0) / (won.get(p, 0) + 1), -PARTY_ORDER.index(p)),
        )
        won[best] += 1
    return won


def person_name(party: str, rank: int) -> tuple[str, str]:
    """The party's ``rank``-th invented politician: always the same name."""
    n = rank * len(PARTY_ORDER) + PARTY_ORDER.index(party)
    return FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n % len(LAST_NAMES)]


def _generation(election: int) -> int:
    return (election - FIRST_ELECTION) // 4


def seats(term: Term) -> list[Seat]:
    """Who holds the term's seats: chair, vice chair, ledamöter, then ersättare.

    Each party's list moves on by two names an election, so most people sit again next term.
    KS takes the top of each party's KF list, SON the names after KS's ersättare.
    """
    gen = _generation(term.election)
    kf = KF_SEATS[gen % len(KF_SEATS)]
    start = 2 * gen
    Role = Membership.Role
    if term.body == "KF":
        shares = kf
        offsets = dict.fromkeys(PARTY_ORDER, start)
        substitutes = {p: (n + 1) // 2 for p, n in kf.items()}
        chair = max(kf, key=lambda p: (kf[p], -PARTY_ORDER.index(p)))
        vice = max((p for p in kf if p != chair), key=lambda p: kf[p])
        # KF's presidium is not KS's chair: the second name of each list takes it.
        first = 1
    else:
        shares = dhondt(kf, BOARD_SIZES[term.body])
        substitutes = shares
        if term.body == "KS":
            offsets = dict.fromkeys(PARTY_ORDER, start)
        else:
            ks = dhondt(kf, BOARD_SIZES["KS"])
            offsets = {p: start + 2 * ks[p] for p in PARTY_ORDER}
        chair, vice = CHAIR_PARTIES[gen % len(CHAIR_PARTIES)]
        first = 0
    found: list[Seat] = []
    for party in PARTY_ORDER:
        rank = offsets[party]
        for i in range(shares.get(party, 0)):
            role = Role.MEMBER
            if i == first and party == chair:
                role = Role.CHAIR
            elif i == first and party == vice:
                role = Role.VICE_CHAIR
            found.append(Seat(*person_name(party, rank + i), party, role))
        rank += shares.get(party, 0)
        for i in range(substitutes.get(party, 0)):
            found.append(Seat(*person_name(party, rank + i), party, Role.SUBSTITUTE))
    order = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.SUBSTITUTE: 3}
    return sorted(found, key=lambda s: order[s.role])
