"""The present-day demo's meeting calendar and the ordinary items on its agendas.

Plain values: which day each body meets in a year, and what a held meeting decides besides the
motions of ``portal.demo.stories``. The same year always gives the same days.
"""

import datetime
from dataclasses import dataclass

TUESDAY, WEDNESDAY = 1, 2

KF_MONTHS = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)
"""Kommunfullmäktige meets the last Tuesday of these months (the second in December)."""
SON_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
"""Social- och omsorgsnämnden meets the third Wednesday of these months."""
BOARD_LEAD = datetime.timedelta(days=14)
"""Kommunstyrelsen meets two weeks before each KF meeting, to prepare its cases."""

KF_WINDOW = datetime.timedelta(days=490)
"""How far back KF's calendar reaches: to where a motion past its one-year limit was väckt."""
BOARD_WINDOW = datetime.timedelta(days=370)
"""How far back KS's and SON's calendars reach: the beredning of this year's decisions."""

JUSTERING_AFTER = datetime.timedelta(days=7)
NOTICE_AFTER = datetime.timedelta(days=1)
STARTS_AT = datetime.time(13, 0)
JUSTERING_HOUR = datetime.time(10, 0)

STADSHUSET = "Stadshuset, Linköping"


@dataclass(frozen=True)
class Place:
    place: str
    secretary: str
    justering_place: str
    protocol_kept_at: str


PLACES = {
    # Cecilia Åberg and Johanna Berglind are the seeds' secretaries and demo_accounts' logins.
    "KF": Place(
        STADSHUSET, "Elsa Grahn", STADSHUSET, "Kommunledningsförvaltningen, Stadshuset, Linköping"
    ),
    "KS": Place(
        STADSHUSET,
        "Cecilia Åberg",
        STADSHUSET,
        "Kommunledningsförvaltningen, Stadshuset, Linköping",
    ),
    "SON": Place(
        STADSHUSET,
        "Johanna Berglind",
        "Social- och omsorgsförvaltningen",
        "Social- och omsorgsförvaltningen, Linköping",
    ),
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = following - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def meeting_days(year: int) -> list[tuple[str, datetime.date]]:
    """(body code, day) of every meeting in ``year``'s calendar, by day."""
    days = []
    for month in KF_MONTHS:
        if month == 12:
            kf = _nth_weekday(year, month, TUESDAY, 2)
        else:
            kf = _last_weekday(year, month, TUESDAY)
        days += [("KF", kf), ("KS", kf - BOARD_LEAD)]
    days += [("SON", _nth_weekday(year, month, WEDNESDAY, 3)) for month in SON_MONTHS]
    return sorted(days, key=lambda d: (d[1], d[0]))


AHEAD = datetime.timedelta(days=62)
"""At least two months of coming meetings, also in December: a clerk has one to prepare."""


def calendar_around(today: datetime.date) -> list[tuple[str, datetime.date]]:
    """The meetings from KF's (or the board's) window before ``today`` to the end of its year,
    or two months ahead if that is later."""
    end = max(datetime.date(today.year, 12, 31), today + AHEAD)
    found = []
    for year in range(today.year - 2, end.year + 1):
        for code, day in meeting_days(year):
            start = today - (KF_WINDOW if code == "KF" else BOARD_WINDOW)
            if start <= day <= end:
                found.append((code, day))
    return found


# What a held meeting decides besides motions: (title, decision), two a meeting, taken in turn.
ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "KF": (
        ("Avsägelser och fyllnadsval", "Avsägelserna godkänns och fyllnadsval förrättas."),
        ("Revisionsrapporter", "Rapporterna läggs till handlingarna."),
        ("Svar på interpellation", "Interpellationen anses besvarad."),
        ("Delårsrapport", "Delårsrapporten godkänns."),
        ("Taxa för offentlig kontroll", "Taxan fastställs enligt kommunstyrelsens förslag."),
        ("Anmälan av nya motioner", "Motionerna remitteras till kommunstyrelsen för beredning."),
    ),
    "KS": (
        ("Månadsrapport", "Rapporten läggs till handlingarna."),
        ("Anmälan av delegationsbeslut", "Anmälan läggs till handlingarna."),
        ("Yttrande till Region Östergötland", "Kommunstyrelsen lämnar yttrande enligt förslaget."),
        ("Internkontrollplan", "Internkontrollplanen fastställs."),
        ("Investeringsprogram", "Kommunstyrelsen godkänner investeringsprogrammet."),
    ),
    "SON": (
        ("Månadsrapport", "Rapporten läggs till handlingarna."),
        ("Anmälan av delegationsbeslut", "Anmälan läggs till handlingarna."),
        ("Patientsäkerhetsberättelse", "Patientsäkerhetsberättelsen godkänns."),
        ("Avgifter inom äldreomsorgen", "Nämnden föreslår att avgifterna räknas upp."),
        ("Verksamhetsplan", "Verksamhetsplanen fastställs."),
    ),
}


def items_for(code: str, day: datetime.date) -> tuple[tuple[str, str], ...]:
    """Two ordinary items for the meeting, in turn through the body's list by month."""
    bank = ITEMS[code]
    first = (day.year * 12 + day.month) % len(bank)
    return (bank[first], bank[(first + 1) % len(bank)])
