"""Rules of Kommunallagen that need no database: ranges, tallies, casting votes, quorum.

Plain functions over plain values so they can be tested as rules, with their edge cases,
and reused by models, services and forms alike.
"""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import holidays

YES, NO, ABSTAIN, ABSENT = "ja", "nej", "avstar", "franvarande"


def in_range(number: int, first: int | None, last: int | None) -> bool:
    """Is § ``number`` inside 'from § first to § last'? An open end means the whole meeting."""
    return (first is None or number >= first) and (last is None or number <= last)


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int = 0


def tally_of(answers: Iterable[str]) -> Tally:
    counts = Counter(answers)
    return Tally(yes=counts[YES], no=counts[NO], abstain=counts[ABSTAIN])


def tally_mismatch(stated: Tally, answers: Iterable[str]) -> str | None:
    """A Swedish message if the stated result does not add up to the roll call, else None."""
    counted = tally_of(answers)
    if counted == stated:
        return None
    return (
        f"Resultatet stämmer inte med omröstningslistan: angivet {stated.yes} ja, {stated.no} nej "
        f"och {stated.abstain} avstår, men listan har {counted.yes} ja, {counted.no} nej och "
        f"{counted.abstain} avstår."
    )


def vote_result(tally: Tally, chair_answer: str | None) -> str | None:
    """YES or NO as the vote went; on a tie the chair's vote decides (utslagsröst).

    KL 5 kap. 57 § (fullmäktige) and 6 kap. 33 § (nämnder) ≈: at equal votes in a matter that is
    not an election, the ordförande has the casting vote. If the chair did not cast a yes or no
    the tie is unresolved and None is returned.
    """
    if tally.yes > tally.no:
        return YES
    if tally.no > tally.yes:
        return NO
    return chair_answer if chair_answer in (YES, NO) else None


def has_quorum(serving: int, seats: int) -> bool:
    """A body may decide only when more than half of its members are serving (KL 5:43, 6:27 ≈)."""
    return seats > 0 and serving * 2 > seats


@cache
def _public_holidays(year: int) -> frozenset[datetime.date]:
    """Sweden's allmänna helgdagar (lag 1989:253) from the maintained ``holidays`` package."""
    return frozenset(holidays.Sweden(years=year, include_sundays=False))


def is_deadline_free(day: datetime.date) -> bool:
    """May a legal deadline not end on ``day``? Lag (1930:173) om beräkning av lagstadgad tid 2 §.

    Saturdays, Sundays and allmänna helgdagar, and also midsommarafton (the Friday between
    19 and 25 June), julafton and nyårsafton, which are not helgdagar but count the same here.
    """
    if day.weekday() >= 5 or day in _public_holidays(day.year):
        return True
    midsummer_eve = day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4
    return midsummer_eve or (day.month == 12 and day.day in (24, 31))


def last_appeal_day(notice_posted_on: datetime.date) -> datetime.date:
    """The last day to appeal a decision (laglighetsprövning, KL 13 kap. 5 §).

    Three weeks from the day the notice of justering was posted end on the same weekday; a day
    on which no deadline may end moves it to the next working day. The notice stays up through
    that day (``notice_taken_down_on``).
    """
    day = notice_posted_on + datetime.timedelta(weeks=3)
    while is_deadline_free(day):
        day += datetime.timedelta(days=1)
    return day


def notice_taken_down_on(notice_posted_on: datetime.date) -> datetime.date:
    """The day the notice comes down: the day after the last day to appeal.

    The notice must stay up through the whole appeal period (KL 8 kap. 12 §), so it is taken
    down only once that period has run out — as most municipalities' ANSLAG/BEVIS print
    "Anslaget tas ned" the day after "Sista dag för överklagande".
    """
    return last_appeal_day(notice_posted_on) + datetime.timedelta(days=1)


def minority_request_carries(asking: int, present: int) -> bool:
    """Must fullmäktige send the matter back (or postpone it) at the minority's request?

    KL 5 kap. 50 §: a matter is återremitterat or bordlagt without a vote when at least one
    third of the ledamöter present ask for it. 27 of 81 carries, 26 of 81 does not; an empty
    meeting carries nothing.
    """
    return present > 0 and asking > 0 and asking * 3 >= present
