"""A synthetic municipality for the page benchmark (``bench/pages.py``).

About twenty years of Kommunfullmäktige, Kommunstyrelsen and ten nämnder at ``scale=1.0``:
~5,000 motions that go KF → KS → a nämnd for yttrande → KS → KF, ~60,000 paragraphs with
decision points, förslag till beslut, yrkanden, propositions, voteringar, reservations,
beslutsunderlag and recipients, and the attendance of every meeting. A smaller scale gives
fewer years with the same density (scale 0.1: two years, ~500 motions, ~6,000 paragraphs).

The data is invented but keeps the rules the models state: one meeting a day per body, §
numbers running per body and year, Dnr serials per registry and year in order of
registration, referrals answered after they were sent, yrkanden and reservations only by
members who served, vote tallies that add up to the roll call. Everything is written with
``bulk_create`` in batches, so ``save()`` and ``full_clean()`` never run: the fields they would
fill (a case's Dnr and slug, a paragraph's body and year) are set here.

Import only after ``django.setup()``.
"""

from __future__ import annotations

import bisect
import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models, transaction

from decisions import law
from decisions.models import (
    Attendance,
    Ballot,
    BasisDocument,
    DecisionPoint,
    Jav,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    Vote,
    Yrkande,
    YrkandeMember,
)
from motions.dnr import dnr_slug
from motions.models import (
    AttSats,
    Case,
    Document,
    DocumentAuthor,
    Motion,
    Motionar,
    Referral,
    Registry,
)
from organisation.models import Administration, Body, Membership, Party, Person

date = datetime.date
DAY = datetime.timedelta(days=1)
BATCH = 2000
PARAGRAPH_CHUNK = 4000

YEARS_AT_SCALE_1 = 20
MOTIONS_AT_SCALE_1 = 5000
PARAGRAPHS_AT_SCALE_1 = 60000

# --- The organisation --------------------------------------------------------------------------

KLF = "Kommunledningsförvaltningen"
SOF = "Social- och omsorgsförvaltningen"
UTF = "Utbildningsförvaltningen"
KUF = "Kultur- och fritidsförvaltningen"
MSF = "Miljö- och samhällsbyggnadsförvaltningen"
TEF = "Tekniska förvaltningen"
AMF = "Arbetsmarknadsförvaltningen"
RTJ = "Räddningstjänsten"

COUNCIL, BOARD, COMMITTEE = Body.Kind.COUNCIL, Body.Kind.EXECUTIVE_BOARD, Body.Kind.COMMITTEE


@dataclass(frozen=True)
class BodySpec:
    code: str
    slug: str
    name: str
    kind: str
    administration: str
    size: int
    substitutes: int


BODIES: tuple[BodySpec, ...] = (
    BodySpec("KF", "kf", "Kommunfullmäktige", COUNCIL, KLF, 81, 40),
    BodySpec("KS", "ks", "Kommunstyrelsen", BOARD, KLF, 15, 8),
    BodySpec("SON", "son", "Social- och omsorgsnämnden", COMMITTEE, SOF, 13, 7),
    BodySpec("ÄN", "an", "Äldrenämnden", COMMITTEE, SOF, 13, 7),
    BodySpec("BUN", "bun", "Barn- och ungdomsnämnden", COMMITTEE, UTF, 13, 7),
    BodySpec("UN", "un", "Utbildningsnämnden", COMMITTEE, UTF, 13, 7),
    BodySpec("KFN", "kfn", "Kultur- och fritidsnämnden", COMMITTEE, KUF, 11, 6),
    BodySpec("SBN", "sbn", "Samhällsbyggnadsnämnden", COMMITTEE, MSF, 13, 7),
    BodySpec("BMN", "bmn", "Bygg- och miljönämnden", COMMITTEE, MSF, 11, 6),
    BodySpec("TN", "tn", "Tekniska nämnden", COMMITTEE, TEF, 11, 6),
    BodySpec("AMN", "amn", "Arbetsmarknadsnämnden", COMMITTEE, AMF, 11, 6),
    BodySpec("RN", "rn", "Räddningsnämnden", COMMITTEE, RTJ, 9, 5),
)
NAMNDER = tuple(b.code for b in BODIES if b.kind == COMMITTEE)

PARTIES: tuple[tuple[str, str, float], ...] = (
    ("S", "Socialdemokraterna", 0.30),
    ("M", "Moderaterna", 0.22),
    ("SD", "Sverigedemokraterna", 0.14),
    ("C", "Centerpartiet", 0.08),
    ("V", "Vänsterpartiet", 0.08),
    ("KD", "Kristdemokraterna", 0.07),
    ("L", "Liberalerna", 0.06),
    ("MP", "Miljöpartiet", 0.05),
)


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = words(
    "Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Johanna Sofia Linnea Elin Helena "
    "Annika Camilla Therese Jenny Ida Hanna Frida Petra Nadia Amina Fatima Rebecka Ulrika Pia "
    "Lars Anders Johan Per Karl Erik Peter Mikael Jan Hans Fredrik Daniel Stefan Magnus Tobias "
    "Mattias Jonas Andreas Niklas Omar Ali Mohammed Ahmed Henrik Ulf Gustav Oskar Viktor Emil"
)
LAST_NAMES = words(
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson "
    "Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist "
    "Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund "
    "Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson "
    "Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson "
    "Nordström Mårtensson Lundström Ali Mohammed Hassan Rahimi Öhman Åberg Falk Dahl Ek Krutzén"
)

PLACES = words(
    "Berga Ryd Skäggetorp Lambohov Johannelund Tannefors Vasastaden Ekholmen Hjulsbro "
    "Malmslätt Ljungsbro Sturefors Vikingstad Linghem Slaka Gottfridsberg Tornby Vallastaden "
    "Hackefors Kärna Innerstaden Valla Ullstämma Vidingsjö"
)

# Motion topics per nämnd: the noun phrase after "Motion om …".
TOPICS: dict[str, tuple[str, ...]] = {
    "SON": (
        "att utöka den områdesbaserade socialtjänsten i {place}",
        "fler platser i skyddat boende",
        "en samlad strategi mot hemlöshet",
        "fältassistenter i {place}",
        "att införa Housing first",
        "stöd till anhöriga som vårdar",
    ),
    "ÄN": (
        "trygghetsboende i {place}",
        "fler mötesplatser för äldre i {place}",
        "rätt till heltid inom hemtjänsten",
        "att minska antalet personal per brukare i hemtjänsten",
        "måltider lagade på plats i äldreboenden",
    ),
    "BUN": (
        "en ny förskola i {place}",
        "mindre barngrupper i förskolan",
        "skolgårdar som inbjuder till lek",
        "läxhjälp för alla elever i {place}",
        "avgiftsfri fritidsverksamhet",
    ),
    "UN": (
        "ett yrkescollege inom vård och omsorg",
        "studie- och yrkesvägledning i tid",
        "sommarskola för gymnasieelever",
        "fler lärlingsplatser",
    ),
    "KFN": (
        "en ny simhall i {place}",
        "ett allaktivitetshus i {place}",
        "öppna bibliotek på helger",
        "konstgräsplan i {place}",
        "gratis sommarlovsaktiviteter",
    ),
    "SBN": (
        "fler bostäder i {place}",
        "en grönplan för {place}",
        "cykelbana mellan {place} och innerstaden",
        "parkeringsnorm för nybyggda bostäder",
        "laddplatser för elbilar vid kommunens fastigheter",
    ),
    "BMN": (
        "snabbare handläggning av bygglov",
        "tillsyn av enskilda avlopp i {place}",
        "förbud mot plastpåsar i kommunens verksamheter",
    ),
    "TN": (
        "bättre snöröjning av gång- och cykelvägar",
        "fler papperskorgar i {place}",
        "belysning i gångtunnlar i {place}",
        "kollektivtrafik på kvällar till {place}",
        "gatubelysning med LED",
    ),
    "AMN": (
        "sommarjobb för alla ungdomar",
        "språkpraktik för nyanlända",
        "sociala företag som arbetsgivare",
    ),
    "RN": (
        "hjärtstartare i alla kommunens lokaler",
        "brandskyddsutbildning för äldre",
        "en räddningsstation i {place}",
    ),
}

# Other business per body: the § title; {place}, {year}, {next} and {prev} are filled in.
COMMON_BUSINESS = (
    "Delårsrapport per augusti {year}",
    "Verksamhetsplan med budget {next}",
    "Internkontrollplan {next}",
    "Årsredovisning {prev}",
    "Uppföljning av internkontroll {prev}",
    "Yttrande över remiss om {place}",
    "Attestförteckning {year}",
    "Sammanträdestider {next}",
    "Månadsrapport",
    "Redovisning av synpunkter och klagomål",
)
BUSINESS: dict[str, tuple[str, ...]] = {
    "KF": (
        "Detaljplan för {place}",
        "Årsredovisning {prev} för kommunen",
        "Budget {next} och flerårsplan",
        "Borgen för Stadshus AB",
        "Taxa för vatten och avlopp {next}",
        "Revidering av reglemente för nämnderna",
        "Entlediganden och fyllnadsval",
        "Ansvarsfrihet för nämnderna {prev}",
        "Policy för hållbar utveckling",
        "Svar på interpellation om {place}",
    ),
    "KS": (
        "Försäljning av fastighet i {place}",
        "Exploateringsavtal för {place}",
        "Investering i ny skola i {place}",
        "Planuppdrag för {place}",
        "Markanvisning i {place}",
        "Yttrande över regional utvecklingsstrategi",
        "Kommunens krisberedskap {year}",
        "Upphandling av IT-drift",
    ),
    "SON": (
        "Riktlinjer för ekonomiskt bistånd {next}",
        "Avgifter inom socialtjänsten {next}",
        "Uppföljning av områdesteam i {place}",
        "Individärende",
    ),
    "ÄN": ("Avgifter inom äldreomsorgen {next}", "Platser i särskilt boende", "Individärende"),
    "BUN": ("Skolplacering i {place}", "Förskolans lokaler i {place}", "Resursfördelning {next}"),
    "UN": ("Gymnasieprogram {next}", "Interkommunal ersättning {next}"),
    "KFN": ("Föreningsbidrag {next}", "Kulturstipendium {year}", "Idrottshall i {place}"),
    "SBN": ("Detaljplan för {place}, samråd", "Trafikplan för {place}", "Gestaltningsprogram"),
    "BMN": ("Bygglov i {place}", "Tillsynsplan {next}", "Föreläggande enligt miljöbalken"),
    "TN": ("Gatuunderhåll {next}", "Parkeringsavgifter i {place}", "Avfallsplan"),
    "AMN": ("Arbetsmarknadsinsatser {next}", "Feriepraktik {year}"),
    "RN": ("Handlingsprogram för skydd mot olyckor", "Tillsyn enligt lagen om skydd mot olyckor"),
}
SECRET_BUSINESS = "Individärende"

FILLER = (
    "Förvaltningen har utrett frågan i samråd med berörda verksamheter.",
    "Ärendet har beretts i arbetsutskottet.",
    "Kostnaderna ryms inom befintlig budgetram.",
    "Förslaget bidrar till kommunfullmäktiges mål om en trygg och attraktiv kommun.",
    "Förslaget har stämts av med de fackliga organisationerna.",
    "Verksamheten följs upp i samband med delårsrapporten och årsredovisningen.",
    "Frågan har behandlats tidigare och förvaltningen har fått i uppdrag att återkomma.",
    "En jämställdhetsanalys visar inga skillnader i hur förslaget påverkar kvinnor och män.",
    "Barnrättsperspektivet har beaktats i beredningen av ärendet.",
    "Förvaltningen bedömer att frågan bäst hanteras inom ramen för pågående arbete.",
    "Samråd har skett med regionen och med civilsamhällets organisationer.",
    "Ärendet har kommunicerats med de fastighetsägare som berörs.",
)
REASONS_BACK = (
    "för att utreda de ekonomiska konsekvenserna",
    "för att höra de boende i området",
    "för att komplettera underlaget med en barnkonsekvensanalys",
)
JAV_REASONS = ("Släktskap med sökanden", "Styrelseledamot i föreningen", "Anställd i bolaget")

KF_MONTHS = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)
KS_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
NAMND_MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11)

OUTCOMES = (
    (Motion.Outcome.ANSWERED, 0.45),
    (Motion.Outcome.REJECTED, 0.38),
    (Motion.Outcome.GRANTED, 0.09),
    (Motion.Outcome.PARTLY_GRANTED, 0.06),
    (Motion.Outcome.WRITTEN_OFF, 0.02),
)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + DAY * ((weekday - first.weekday()) % 7 + 7 * (n - 1))


# --- Plans: what will be written, before it is -------------------------------------------------

Seat = tuple[int, str]
"""(person id, party abbreviation)."""


@dataclass(eq=False)
class Term:
    body: str
    starts_on: date
    ends_on: date
    voting: list[Seat]
    """Chair first, vice chair second."""
    substitutes: list[Seat]


@dataclass(eq=False)
class MeetingPlan:
    body: str
    date: date
    obj: Meeting | None = None
    chair: Seat | None = None
    serving: list[Seat] = field(default_factory=list)
    adjusters: list[int] = field(default_factory=list)
    items: list[ParagraphPlan] = field(default_factory=list)

    @property
    def justerat(self) -> bool:
        return self.obj is not None and self.obj.status == Meeting.Status.JUSTERAT


@dataclass(eq=False)
class CasePlan:
    registry: str
    registered_on: date
    title: str
    kind: str
    responsible: str
    secret: bool = False
    closed_on: date | None = None
    obj: Case | None = None


@dataclass(eq=False)
class MotionPlan:
    case: CasePlan
    dated_on: date
    namnd: str
    topic: str
    signers: list[Seat]
    att_satser: list[str]
    raised_at: MeetingPlan | None = None
    outcome: str = ""
    answer: str = ""
    namnd_sent_on: date | None = None
    namnd_paragraph: ParagraphPlan | None = None
    ks_paragraph: ParagraphPlan | None = None
    kf_paragraph: ParagraphPlan | None = None
    motion_doc: Document | None = None
    report_doc: Document | None = None
    extract_doc: Document | None = None

    @property
    def party(self) -> str:
        return self.signers[0][1]


@dataclass(eq=False)
class ParagraphPlan:
    meeting: MeetingPlan
    kind: str
    """procedural-first, procedural-agenda, procedural-last, motion-namnd, motion-ks,
    motion-kf, other, other-ks (proposes to KF), other-kf."""
    title: str
    case: CasePlan | None = None
    motion: MotionPlan | None = None
    quotes: ParagraphPlan | None = None
    secret: bool = False
    number: int = 0
    obj: Paragraph | None = None
    basis: list[tuple[Document, str]] = field(default_factory=list)


@dataclass
class Result:
    seconds: float
    counts: dict[str, int]


class Generator:
    def __init__(self, scale: float, seed: int, today: date, log=print) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.log = log
        self.years = max(1, round(YEARS_AT_SCALE_1 * scale))
        self.n_motions = max(1, round(MOTIONS_AT_SCALE_1 * scale))
        self.n_paragraphs = max(1, round(PARAGRAPHS_AT_SCALE_1 * scale))
        self.first_year = today.year - self.years + 1
        self.start = date(self.first_year, 1, 1)
        self.bodies: dict[str, Body] = {}
        self.specs = {b.code: b for b in BODIES}
        self.administrations: dict[str, Administration] = {}
        self.parties: dict[str, Party] = {}
        self.names: dict[int, str] = {}
        self.terms: dict[str, list[Term]] = defaultdict(list)
        self.meetings: dict[str, list[MeetingPlan]] = {}
        self.meeting_dates: dict[str, list[date]] = {}
        self.cases: list[CasePlan] = []
        self.motions: list[MotionPlan] = []
        self.paragraphs: list[ParagraphPlan] = []
        self.officials = [self._name() for _ in range(60)]

    # --- helpers --------------------------------------------------------------------------------

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def _fill(self, template: str, day: date) -> str:
        return template.format(
            place=self.rng.choice(PLACES), year=day.year, next=day.year + 1, prev=day.year - 1
        )

    def _filler(self, low: int, high: int) -> str:
        return " ".join(self.rng.sample(FILLER, self.rng.randint(low, high)))

    def _term(self, body: str, day: date) -> Term | None:
        for term in self.terms[body]:
            if term.starts_on <= day <= term.ends_on:
                return term
        return None

    def _meeting_on_or_after(self, body: str, day: date) -> MeetingPlan | None:
        index = bisect.bisect_left(self.meeting_dates[body], day)
        meetings = self.meetings[body]
        return meetings[index] if index < len(meetings) else None

    def _meeting_before(self, body: str, day: date) -> MeetingPlan | None:
        index = bisect.bisect_right(self.meeting_dates[body], day) - 1
        return self.meetings[body][index] if index >= 0 else None

    def _who(self, seats: list[Seat]) -> str:
        names = [f"{self.names[pid]} ({party})" for pid, party in seats]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"

    # --- 1. organisation ----------------------------------------------------------------------

    def organisation(self) -> None:
        admins = sorted({b.administration for b in BODIES})
        created = Administration.objects.bulk_create([Administration(name=n) for n in admins])
        self.administrations = {a.name: a for a in created}
        bodies = Body.objects.bulk_create(
            [
                Body(
                    code=b.code,
                    slug=b.slug,
                    name=b.name,
                    kind=b.kind,
                    administration=self.administrations[b.administration],
                    size=b.size,
                )
                for b in BODIES
            ]
        )
        self.bodies = {b.code: b for b in bodies}
        parties = Party.objects.bulk_create([Party(abbreviation=a, name=n) for a, n, _ in PARTIES])
        self.parties = {p.abbreviation: p for p in parties}
        self._people_and_memberships()

    def _seat_parties(self, seats: int) -> list[str]:
        """Seats per party by largest remainder, biggest party first."""
        shares = [(abbr, share * seats) for abbr, _, share in PARTIES]
        counts = {abbr: int(q) for abbr, q in shares}
        rest = seats - sum(counts.values())
        for abbr, _ in sorted(shares, key=lambda s: s[1] - int(s[1]), reverse=True)[:rest]:
            counts[abbr] += 1
        return [abbr for abbr, _, _ in PARTIES for _ in range(counts[abbr])]

    def _people_and_memberships(self) -> None:
        elections = [
            year
            for year in range(1998, self.today.year + 1, 4)
            if year + 4 >= self.first_year - 1 and year <= self.today.year
        ]
        pools: dict[str, list[Person]] = defaultdict(list)
        terms: list[tuple[int, dict[str, list[tuple[Person, str]]]]] = []
        people: list[Person] = []
        for election in elections:
            need: dict[str, int] = defaultdict(int)
            for spec in BODIES:
                for abbr in self._seat_parties(spec.size + spec.substitutes):
                    need[abbr] += 1
            for abbr, seats in need.items():
                keep = self.rng.sample(pools[abbr], k=min(len(pools[abbr]), int(seats * 0.45)))
                fresh = [
                    Person(
                        first_name=self.rng.choice(FIRST_NAMES),
                        last_name=self.rng.choice(LAST_NAMES),
                    )
                    for _ in range(max(0, int(seats * 0.75) - len(keep)))
                ]
                people.extend(fresh)
                pools[abbr] = keep + fresh
            seats_by_body: dict[str, list[tuple[Person, str]]] = {}
            for spec in BODIES:
                drawn: list[tuple[Person, str]] = []
                by_party: dict[str, list[Person]] = {}
                for abbr in self._seat_parties(spec.size + spec.substitutes):
                    if abbr not in by_party:
                        by_party[abbr] = self.rng.sample(pools[abbr], k=len(pools[abbr]))
                    if not by_party[abbr]:  # a small party with more seats than candidates
                        extra = Person(
                            first_name=self.rng.choice(FIRST_NAMES),
                            last_name=self.rng.choice(LAST_NAMES),
                        )
                        people.append(extra)
                        pools[abbr].append(extra)
                        by_party[abbr].append(extra)
                    drawn.append((by_party[abbr].pop(), abbr))
                seats_by_body[spec.code] = drawn
            terms.append((election, seats_by_body))
        Person.objects.bulk_create(people, batch_size=BATCH)
        self.names = {p.pk: p.full_name for p in people}

        memberships: list[Membership] = []
        for election, seats_by_body in terms:
            for spec in BODIES:
                if spec.code == "KF":
                    starts, ends = date(election, 10, 15), date(election + 4, 10, 14)
                else:
                    starts, ends = date(election + 1, 1, 1), date(election + 4, 12, 31)
                drawn = list(seats_by_body[spec.code])
                self.rng.shuffle(drawn)
                # Voting seats keep the party proportions; the biggest party holds the chair.
                order = self._seat_parties(spec.size)
                voting: list[tuple[Person, str]] = []
                for abbr in order:
                    index = next((i for i, (_, a) in enumerate(drawn) if a == abbr), 0)
                    voting.append(drawn.pop(index))
                voting.sort(key=lambda seat: seat[1] != order[0])
                second = next((i for i, s in enumerate(voting) if s[1] != order[0]), 1)
                voting.insert(1, voting.pop(second))
                substitutes = drawn
                for i, (person, abbr) in enumerate(voting):
                    role = (
                        Membership.Role.CHAIR
                        if i == 0
                        else Membership.Role.VICE_CHAIR
                        if i == 1
                        else Membership.Role.MEMBER
                    )
                    memberships.append(
                        Membership(
                            person=person,
                            body=self.bodies[spec.code],
                            role=role,
                            party=self.parties[abbr],
                            starts_on=starts,
                            ends_on=ends,
                        )
                    )
                for person, abbr in substitutes:
                    memberships.append(
                        Membership(
                            person=person,
                            body=self.bodies[spec.code],
                            role=Membership.Role.SUBSTITUTE,
                            party=self.parties[abbr],
                            starts_on=starts,
                            ends_on=ends,
                        )
                    )
                self.terms[spec.code].append(
                    Term(
                        spec.code,
                        starts,
                        ends,
                        [(p.pk, a) for p, a in voting],
                        [(p.pk, a) for p, a in substitutes],
                    )
                )
        Membership.objects.bulk_create(memberships, batch_size=BATCH)

    # --- 2. meetings and attendance -----------------------------------------------------------

    def meeting_calendar(self) -> None:
        last_day = self.today - DAY
        for index, spec in enumerate(BODIES):
            if spec.code == "KF":
                months, weekday, week = KF_MONTHS, 0, 4
            elif spec.code == "KS":
                months, weekday, week = KS_MONTHS, 1, 2
            else:
                months, weekday, week = NAMND_MONTHS, 2 + index % 2, 1 + index % 3
            plans = []
            for year in range(self.first_year, self.today.year + 1):
                for month in months:
                    day = nth_weekday(year, month, weekday, week)
                    if day <= last_day and self._term(spec.code, day):
                        plans.append(MeetingPlan(spec.code, day))
            self.meetings[spec.code] = plans
            self.meeting_dates[spec.code] = [m.date for m in plans]

    def write_meetings(self) -> None:
        justerat_before = self.today - 21 * DAY
        objs = []
        for code, plans in self.meetings.items():
            spec = self.specs[code]
            place = "Stadshuset, Linköping" if code in ("KF", "KS") else f"{spec.administration}"
            for plan in plans:
                term = self._term(code, plan.date)
                plan.chair = term.voting[0]
                done = plan.date <= justerat_before
                posted = plan.date + 7 * DAY
                plan.obj = Meeting(
                    body=self.bodies[code],
                    date=plan.date,
                    starts_at=datetime.time(13, 0)
                    if code in ("KF", "KS")
                    else datetime.time(8, 30),
                    ends_at=datetime.time(16, 30)
                    if code in ("KF", "KS")
                    else datetime.time(11, 45),
                    place=place,
                    chair_id=plan.chair[0],
                    secretary=self.rng.choice(self.officials),
                    justering_place=place if done else "",
                    justering_on=plan.date + 6 * DAY if done else None,
                    status=Meeting.Status.JUSTERAT if done else Meeting.Status.HELD,
                    notice_posted_on=posted if done else None,
                    notice_removed_on=law.notice_taken_down_on(posted) if done else None,
                    protocol_kept_at=f"{spec.administration}, Linköping",
                )
                objs.append(plan.obj)
        Meeting.objects.bulk_create(objs, batch_size=BATCH)

        attendance: list[Attendance] = []
        adjusters: list[MeetingAdjuster] = []
        for code, plans in self.meetings.items():
            present_substitutes = 0.15 if code == "KF" else 0.35
            for plan in plans:
                term = self._term(code, plan.date)
                serving, absent = [], []
                for i, seat in enumerate(term.voting):
                    (serving if i == 0 or self.rng.random() < 0.9 else absent).append(seat)
                rows = [
                    Attendance(meeting=plan.obj, kind=Attendance.Kind.MEMBER, person_id=pid)
                    for pid, _ in serving
                ]
                substitutes = list(term.substitutes)
                self.rng.shuffle(substitutes)
                for pid, abbr in absent:
                    if not substitutes or self.rng.random() > 0.85:
                        continue
                    pick = next((s for s in substitutes if s[1] == abbr), substitutes[0])
                    substitutes.remove(pick)
                    serving.append(pick)
                    rows.append(
                        Attendance(
                            meeting=plan.obj,
                            kind=Attendance.Kind.SERVING_SUBSTITUTE,
                            person_id=pick[0],
                            replaces_id=pid,
                        )
                    )
                for pid, _ in substitutes:
                    if self.rng.random() < present_substitutes:
                        rows.append(
                            Attendance(
                                meeting=plan.obj, kind=Attendance.Kind.SUBSTITUTE, person_id=pid
                            )
                        )
                rows.append(
                    Attendance(
                        meeting=plan.obj,
                        kind=Attendance.Kind.OTHER,
                        name=plan.obj.secretary,
                        title="Sekreterare",
                    )
                )
                rows.append(
                    Attendance(
                        meeting=plan.obj,
                        kind=Attendance.Kind.OTHER,
                        name=self.rng.choice(self.officials),
                        title="Kommundirektör" if code in ("KF", "KS") else "Förvaltningschef",
                    )
                )
                attendance.extend(rows)
                plan.serving = serving
                others = [s for s in serving if s != plan.chair]
                picked = self.rng.sample(others, k=min(len(others), 1 if spec_small(code) else 2))
                plan.adjusters = [pid for pid, _ in picked]
                adjusters.extend(
                    MeetingAdjuster(meeting=plan.obj, person_id=pid, position=i)
                    for i, pid in enumerate(plan.adjusters, start=1)
                )
        Attendance.objects.bulk_create(attendance, batch_size=BATCH)
        MeetingAdjuster.objects.bulk_create(adjusters, batch_size=BATCH)

    # --- 3. motions and their path ------------------------------------------------------------

    def plan_motions(self) -> None:
        span = (self.today - 7 * DAY - self.start).days
        weights = [share for _, _, share in PARTIES]
        abbrs = [abbr for abbr, _, _ in PARTIES]
        for _ in range(self.n_motions):
            dated = self.start + DAY * self.rng.randrange(max(1, span))
            term = self._term("KF", dated)
            if term is None:
                continue
            party = self.rng.choices(abbrs, weights)[0]
            same = [s for s in term.voting if s[1] == party] or term.voting
            signers = self.rng.sample(same, k=min(len(same), self.rng.choice((1, 1, 1, 2, 2, 3))))
            namnd = self.rng.choice(NAMNDER)
            topic = self._fill(self.rng.choice(TOPICS[namnd]), dated)
            namnd_name = self.specs[namnd].name
            att = [
                f"{namnd_name} får i uppdrag att utreda {topic.removeprefix('att ')}.",
                f"Kommunen avsätter medel för detta i budget {dated.year + 1}.",
                f"Arbetet redovisas för kommunfullmäktige senast {dated.year + 2}.",
            ][: self.rng.choice((1, 1, 2, 2, 3))]
            case = CasePlan("KS", dated, f"Motion om {topic}", Case.Kind.MOTION, "KS")
            motion = MotionPlan(case, dated, namnd, topic, signers, att)
            self.cases.append(case)
            self.motions.append(motion)
            self._motion_path(motion)

    def _motion_path(self, motion: MotionPlan) -> None:
        rng = self.rng
        raised = self._meeting_on_or_after("KF", motion.dated_on + rng.randint(5, 30) * DAY)
        if raised is None:
            return
        motion.raised_at = raised
        title = f"{upper_first(motion.topic.removeprefix('att '))}, svar på motion ({motion.party})"
        ready = raised.date + rng.randint(60, 200) * DAY
        if rng.random() < 0.8:
            motion.namnd_sent_on = raised.date + rng.randint(3, 10) * DAY
            meeting = self._meeting_on_or_after(motion.namnd, ready)
            if meeting is None:
                return
            motion.namnd_paragraph = self._add(meeting, "motion-namnd", title, motion)
            ready = meeting.date
        meeting = self._meeting_on_or_after("KS", ready + rng.randint(14, 60) * DAY)
        if meeting is None:
            return
        motion.ks_paragraph = self._add(meeting, "motion-ks", title, motion)
        motion.ks_paragraph.quotes = motion.namnd_paragraph
        motion.outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        motion.answer = self._answer(motion)
        meeting = self._meeting_on_or_after("KF", meeting.date + rng.randint(14, 45) * DAY)
        if meeting is None:
            motion.outcome = ""
            return
        motion.kf_paragraph = self._add(meeting, "motion-kf", title, motion)
        motion.kf_paragraph.quotes = motion.ks_paragraph
        motion.case.closed_on = meeting.date

    def _answer(self, motion: MotionPlan) -> str:
        namnd = lower_first(genitive(self.specs[motion.namnd].name))
        return {
            Motion.Outcome.ANSWERED: (
                f"Motionen besvaras med hänvisning till {namnd} pågående arbete."
            ),
            Motion.Outcome.REJECTED: "Motionen avslås.",
            Motion.Outcome.GRANTED: "Motionen bifalls.",
            Motion.Outcome.PARTLY_GRANTED: (
                "Motionens första att-sats bifalls. Motionen avslås i övrigt."
            ),
            Motion.Outcome.WRITTEN_OFF: "Motionen avskrivs, då motionären inte längre är ledamot.",
        }[motion.outcome]

    def _add(
        self,
        meeting: MeetingPlan,
        kind: str,
        title: str,
        motion: MotionPlan | None = None,
        case: CasePlan | None = None,
    ) -> ParagraphPlan:
        plan = ParagraphPlan(
            meeting, kind, title, case=case or (motion.case if motion else None), motion=motion
        )
        meeting.items.append(plan)
        return plan

    # --- 4. other business --------------------------------------------------------------------

    def plan_other_business(self) -> None:
        all_meetings = [m for plans in self.meetings.values() for m in plans]
        motion_paragraphs = sum(len(m.items) for m in all_meetings)
        remaining = max(0, self.n_paragraphs - motion_paragraphs - 3 * len(all_meetings))
        weight = {"KF": 0.35, "KS": 1.0}
        cost = sum(weight.get(m.body, 1.0) * (2 if m.body == "KF" else 1) for m in all_meetings)
        per_weight = remaining / cost if cost else 0
        for meeting in all_meetings:
            expected = per_weight * weight.get(meeting.body, 1.0)
            count = int(expected * self.rng.uniform(0.7, 1.3) + self.rng.random())
            for _ in range(count):
                self._other(meeting)

    def _other(self, meeting: MeetingPlan) -> None:
        rng = self.rng
        code = meeting.body
        template = rng.choice(BUSINESS[code] + (() if code == "KF" else COMMON_BUSINESS))
        secret = template == SECRET_BUSINESS
        title = self._fill(template, meeting.date)
        registry = "KS" if code == "KF" else code
        registered = meeting.date - rng.randint(20, 200) * DAY
        case = CasePlan(
            registry,
            registered,
            title,
            Case.Kind.OTHER,
            "KS" if code == "KF" else code,
            secret=secret,
            closed_on=meeting.date if rng.random() < 0.9 else None,
        )
        self.cases.append(case)
        if code == "KF":
            # KF decides on kommunstyrelsen's proposal, made a few weeks before.
            before = self._meeting_before("KS", meeting.date - rng.randint(14, 45) * DAY)
            proposed = None
            if before is not None and before.date >= registered:
                proposed = self._add(before, "other-ks", title, case=case)
            self._add(meeting, "other-kf", title, case=case).quotes = proposed
        else:
            kind = "other-ks" if code == "KS" and rng.random() < 0.2 else "other"
            self._add(meeting, kind, title, case=case).secret = secret and rng.random() < 0.5

    # --- 5. numbering, cases and paragraphs ---------------------------------------------------

    def number_paragraphs(self) -> None:
        for code, plans in self.meetings.items():
            counter: dict[int, int] = defaultdict(int)
            for meeting in plans:
                items = list(meeting.items)
                self.rng.shuffle(items)
                first = ParagraphPlan(meeting, "procedural-first", "Val av justerare")
                agenda = ParagraphPlan(
                    meeting, "procedural-agenda", "Godkännande av föredragningslista"
                )
                last_title = (
                    "Anmälan av nya motioner" if code == "KF" else "Anmälan av delegationsbeslut"
                )
                last = ParagraphPlan(meeting, "procedural-last", last_title)
                meeting.items = [first, agenda, *items, last]
                for plan in meeting.items:
                    counter[meeting.date.year] += 1
                    plan.number = counter[meeting.date.year]
                    self.paragraphs.append(plan)

    def write_cases(self) -> None:
        registries = Registry.objects.bulk_create(
            [
                Registry(
                    code=spec.code,
                    name=f"{genitive(spec.name)} diarium",
                    body=self.bodies[spec.code],
                    dnr_format="{registry} {year}-{serial}",
                )
                for spec in BODIES
                if spec.code != "KF"
            ]
        )
        by_code = {r.code: r for r in registries}
        self.cases.sort(key=lambda c: (c.registry, c.registered_on))
        serials: dict[tuple[str, int], int] = defaultdict(int)
        objs = []
        for plan in self.cases:
            registry = by_code[plan.registry]
            year = plan.registered_on.year
            serials[(plan.registry, year)] += 1
            serial = serials[(plan.registry, year)]
            dnr = registry.format_dnr(year=year, serial=serial)
            closed = (
                plan.closed_on if plan.closed_on and plan.closed_on >= plan.registered_on else None
            )
            plan.obj = Case(
                registry=registry,
                year=year,
                serial=serial,
                dnr=dnr,
                slug=dnr_slug(dnr),
                title=plan.title,
                kind=plan.kind,
                registered_on=plan.registered_on,
                closed_on=closed,
                responsible_body=self.bodies[plan.responsible],
                is_secret=plan.secret,
            )
            objs.append(plan.obj)
        Case.objects.bulk_create(objs, batch_size=BATCH)

    def write_paragraphs(self) -> None:
        self.paragraphs.sort(key=lambda p: (p.meeting.date, p.meeting.body, p.number))
        for start in range(0, len(self.paragraphs), BATCH):
            chunk = self.paragraphs[start : start + BATCH]
            objs = []
            for plan in chunk:
                meeting = plan.meeting
                plan.obj = Paragraph(
                    meeting=meeting.obj,
                    body_id=meeting.obj.body_id,
                    year=meeting.date.year,
                    number=plan.number,
                    title=plan.title,
                    case=plan.case.obj if plan.case else None,
                    arende_text=self._arende(plan),
                    is_secret=plan.secret,
                    # Justerad only after its parts are written, as in life: PostgreSQL
                    # refuses new parts of a justerad paragraph.
                    status=Paragraph.Status.OJUSTERAD,
                )
                objs.append(plan.obj)
            Paragraph.objects.bulk_create(objs)
        quoting = []
        for plan in self.paragraphs:
            if plan.quotes is not None:
                plan.obj.quotes_id = plan.quotes.obj.pk
                quoting.append(plan.obj)
        Paragraph.objects.bulk_update(quoting, ["quotes"], batch_size=1000)

    def _arende(self, plan: ParagraphPlan) -> str:
        if plan.kind.startswith("procedural"):
            return ""
        motion = plan.motion
        if motion is None:
            return self._filler(2, 5)
        bullets = "\n".join(f"- {text}" for text in motion.att_satser)
        return (
            f"{self._who(motion.signers)} föreslår i en motion daterad "
            f"{motion.dated_on:%Y-%m-%d} att:\n\n{bullets}\n\n{self._filler(2, 4)}\n\n"
            f"{self._filler(1, 3)}"
        )

    # --- 6. motions, documents, referrals -----------------------------------------------------

    def write_motions(self) -> None:
        motions, signers, satser = [], [], []
        for plan in self.motions:
            decided = plan.kf_paragraph
            motion = Motion(
                case=plan.case.obj,
                dated_on=plan.dated_on,
                raised_at=plan.raised_at.obj if plan.raised_at else None,
                outcome=plan.outcome if decided else "",
                decided_by=decided.obj if decided else None,
            )
            motions.append(motion)
            signers.extend(
                Motionar(motion=motion, person_id=pid, party=self.parties[abbr], position=i)
                for i, (pid, abbr) in enumerate(plan.signers, start=1)
            )
            satser.extend(
                AttSats(motion=motion, position=i, text=text)
                for i, text in enumerate(plan.att_satser, start=1)
            )
        Motion.objects.bulk_create(motions, batch_size=BATCH)
        Motionar.objects.bulk_create(signers, batch_size=BATCH)
        AttSats.objects.bulk_create(satser, batch_size=BATCH)

    def write_documents(self) -> None:
        documents: list[Document] = []
        authors: list[tuple[Document, str, Administration]] = []
        proposals: list[tuple[Document, str, list[str]]] = []
        klf = self.administrations[KLF]
        for plan in self.motions:
            case = plan.case.obj
            plan.motion_doc = Document(
                case=case,
                kind=Document.Kind.MOTION,
                title=plan.case.title,
                date=plan.dated_on,
                text="\n".join(f"- {t}" for t in plan.att_satser),
            )
            documents.append(plan.motion_doc)
            first = plan.namnd_paragraph or plan.ks_paragraph
            if first is None:
                continue
            unit = (
                self.administrations[self.specs[plan.namnd].administration]
                if plan.namnd_paragraph
                else klf
            )
            earliest = plan.namnd_sent_on or plan.raised_at.date
            written = max(earliest, first.meeting.date - self.rng.randint(14, 40) * DAY)
            plan.report_doc = Document(
                case=case,
                kind=Document.Kind.OFFICER_REPORT,
                title=first.title,
                date=written,
                unit=unit,
                text=self._report_text(first),
            )
            documents.append(plan.report_doc)
            authors.append((plan.report_doc, self.rng.choice(self.officials), unit))
            authors.append((plan.report_doc, self.rng.choice(self.officials), unit))
            tillstyrks = [f"{unit.name}s förslag tillstyrks."]
            if plan.namnd_paragraph:
                proposals.append((plan.report_doc, plan.namnd, tillstyrks))
            proposals.append((plan.report_doc, "KS", tillstyrks))
            if plan.answer:
                proposals.append((plan.report_doc, "KF", [plan.answer]))
            motion_label = "Motionen"
            report_label = f"Tjänsteskrivelse – {first.title} {written:%Y-%m-%d}"
            if plan.namnd_paragraph:
                namnd = plan.namnd_paragraph
                plan.extract_doc = Document(
                    case=case,
                    kind=Document.Kind.EXTRACT,
                    title=(
                        f"Protokollsutdrag {lower_first(self.specs[plan.namnd].name)} "
                        f"{namnd.meeting.date:%Y-%m-%d} § {namnd.number}"
                    ),
                    date=namnd.meeting.date,
                    unit=unit,
                    extract_of=namnd.obj,
                )
                documents.append(plan.extract_doc)
                namnd.basis = [(plan.report_doc, report_label), (plan.motion_doc, motion_label)]
            if plan.ks_paragraph:
                plan.ks_paragraph.basis = [
                    *([(plan.extract_doc, plan.extract_doc.title)] if plan.extract_doc else []),
                    (plan.report_doc, report_label),
                    (plan.motion_doc, motion_label),
                ]
            if plan.kf_paragraph:
                plan.kf_paragraph.basis = [
                    (plan.report_doc, report_label),
                    (plan.motion_doc, motion_label),
                ]
        for plan in self.paragraphs:
            if plan.motion is not None or plan.case is None or self.rng.random() > 0.6:
                continue
            if plan.kind == "other-kf" and plan.quotes is not None:
                continue
            unit = self.administrations[self.specs[plan.meeting.body].administration]
            written = max(
                plan.case.registered_on, plan.meeting.date - self.rng.randint(10, 40) * DAY
            )
            report = Document(
                case=plan.case.obj,
                kind=Document.Kind.OFFICER_REPORT,
                title=plan.title,
                date=written,
                unit=unit,
                text=self._report_text(plan),
            )
            documents.append(report)
            authors.append((report, self.rng.choice(self.officials), unit))
            plan.basis = [(report, f"Tjänsteskrivelse – {plan.title} {written:%Y-%m-%d}")]
        Document.objects.bulk_create(documents, batch_size=BATCH)
        self._write_authors(authors)
        rows, points = [], []
        positions: dict[int, int] = defaultdict(int)
        for doc, body, texts in proposals:
            positions[doc.pk] += 1
            proposal = Proposal(document=doc, to_body=self.bodies[body], position=positions[doc.pk])
            rows.append(proposal)
            points.extend(
                ProposalPoint(proposal=proposal, position=i, text=t)
                for i, t in enumerate(texts, start=1)
            )
        Proposal.objects.bulk_create(rows, batch_size=BATCH)
        ProposalPoint.objects.bulk_create(points, batch_size=BATCH)

    def _write_authors(self, authors: list[tuple[Document, str, Administration]]) -> None:
        positions: dict[int, int] = defaultdict(int)
        rows = []
        for doc, name, unit in authors:
            positions[doc.pk] += 1
            rows.append(
                DocumentAuthor(document=doc, position=positions[doc.pk], name=name, unit=unit)
            )
        DocumentAuthor.objects.bulk_create(rows, batch_size=BATCH)

    def _report_text(self, plan: ParagraphPlan) -> str:
        return (
            f"Ärende\n\n{self._arende(plan)}\n\nBakgrund\n\n{self._filler(3, 6)}\n\n"
            f"Ekonomiska konsekvenser\n\n{self._filler(1, 2)}\n\nSamråd\n\n{self._filler(1, 2)}"
        )

    def write_referrals(self) -> None:
        rows = []
        for plan in self.motions:
            if plan.raised_at is None:
                continue
            case = plan.case.obj
            rows.append(
                Referral(
                    case=case,
                    from_body=self.bodies["KF"],
                    to_body=self.bodies["KS"],
                    purpose=Referral.Purpose.PREPARATION,
                    sent_on=plan.raised_at.date,
                    answered_by_paragraph=plan.ks_paragraph.obj if plan.ks_paragraph else None,
                )
            )
            if plan.namnd_sent_on:
                rows.append(
                    Referral(
                        case=case,
                        from_body=self.bodies["KS"],
                        to_body=self.bodies[plan.namnd],
                        purpose=Referral.Purpose.OPINION,
                        sent_on=plan.namnd_sent_on,
                        due_on=plan.namnd_sent_on + self.rng.randint(90, 150) * DAY,
                        answered_by_paragraph=(
                            plan.namnd_paragraph.obj if plan.namnd_paragraph else None
                        ),
                    )
                )
        Referral.objects.bulk_create(rows, batch_size=BATCH)

    # --- 7. the parts of every paragraph ------------------------------------------------------

    def write_paragraph_parts(self) -> None:
        for start in range(0, len(self.paragraphs), PARAGRAPH_CHUNK):
            self._parts(self.paragraphs[start : start + PARAGRAPH_CHUNK])

    def _parts(self, plans: list[ParagraphPlan]) -> None:
        points: list[DecisionPoint] = []
        proposals: list[Proposal] = []
        proposal_points: list[ProposalPoint] = []
        basis: list[BasisDocument] = []
        recipients: list[Recipient] = []
        yrkanden: list[Yrkande] = []
        members: list[YrkandeMember] = []
        debates: list[tuple[ParagraphPlan, Yrkande, Yrkande]] = []
        notes: list[tuple[ProtocolNote, int]] = []
        jav: list[Jav] = []
        for plan in plans:
            paragraph = plan.obj
            for i, text in enumerate(self._decision(plan), start=1):
                points.append(DecisionPoint(paragraph=paragraph, position=i, text=text))
            for i, (body, texts) in enumerate(self._proposals(plan), start=1):
                proposal = Proposal(paragraph=paragraph, to_body=self.bodies[body], position=i)
                proposals.append(proposal)
                proposal_points.extend(
                    ProposalPoint(proposal=proposal, position=j, text=t)
                    for j, t in enumerate(texts, start=1)
                )
            basis.extend(
                BasisDocument(paragraph=paragraph, position=i, document=doc, label=label)
                for i, (doc, label) in enumerate(plan.basis, start=1)
            )
            recipients.extend(
                Recipient(paragraph=paragraph, position=i, name=name, body=body)
                for i, (name, body) in enumerate(self._recipients(plan), start=1)
            )
            debate = self._debate(plan)
            if debate:
                carried, defeated, carried_by, defeated_by, supported_by = debate
                yrkanden.extend((carried, defeated))
                for yrkande, people, role in (
                    (carried, carried_by, YrkandeMember.Role.MOVER),
                    (defeated, defeated_by, YrkandeMember.Role.MOVER),
                    (defeated, supported_by, YrkandeMember.Role.SUPPORTER),
                ):
                    offset = 0 if role == YrkandeMember.Role.MOVER else len(defeated_by)
                    members.extend(
                        YrkandeMember(
                            yrkande=yrkande, person_id=pid, role=role, position=offset + i
                        )
                        for i, pid in enumerate(people, start=1)
                    )
                debates.append((plan, carried, defeated))
            elif plan.case is not None and plan.meeting.serving and self.rng.random() < 0.004:
                pid, _ = self.rng.choice(plan.meeting.serving[1:] or plan.meeting.serving)
                jav.append(
                    Jav(paragraph=paragraph, person_id=pid, reason=self.rng.choice(JAV_REASONS))
                )
            if plan.case is not None and self.rng.random() < 0.02 and plan.meeting.serving:
                pid, abbr = self.rng.choice(plan.meeting.serving)
                note = ProtocolNote(
                    paragraph=paragraph,
                    position=1,
                    text=f"{self.names[pid]} ({abbr}) vill till protokollet anteckna att "
                    f"{lower_first(self._filler(1, 1))}",
                )
                notes.append((note, pid))
        DecisionPoint.objects.bulk_create(points, batch_size=BATCH)
        Proposal.objects.bulk_create(proposals, batch_size=BATCH)
        ProposalPoint.objects.bulk_create(proposal_points, batch_size=BATCH)
        BasisDocument.objects.bulk_create(basis, batch_size=BATCH)
        Recipient.objects.bulk_create(recipients, batch_size=BATCH)
        Jav.objects.bulk_create(jav, batch_size=BATCH)
        ProtocolNote.objects.bulk_create([n for n, _ in notes], batch_size=BATCH)
        ProtocolNote.persons.through.objects.bulk_create(
            [ProtocolNote.persons.through(protocolnote=n, person_id=pid) for n, pid in notes],
            batch_size=BATCH,
        )
        Yrkande.objects.bulk_create(yrkanden, batch_size=BATCH)
        YrkandeMember.objects.bulk_create(members, batch_size=BATCH)
        self._decide(debates, members)

    def _decide(self, debates, members: list[YrkandeMember]) -> None:
        """Propositions, voteringar and reservations for the yrkanden just written."""
        by_yrkande: dict[int, list[int]] = defaultdict(list)
        for m in members:
            by_yrkande[m.yrkande.pk].append(m.person_id)
        propositions, alternatives = [], []
        votes: list[tuple[Vote, list[tuple[int, str]]]] = []
        reservations = []
        for plan, carried, defeated in debates:
            proposition = Proposition(paragraph=plan.obj, position=1, finding=carried)
            propositions.append(proposition)
            alternatives.append(
                PropositionAlternative(proposition=proposition, yrkande=carried, position=1)
            )
            alternatives.append(
                PropositionAlternative(proposition=proposition, yrkande=defeated, position=2)
            )
            against = set(by_yrkande[defeated.pk])
            opposition = {abbr for pid, abbr in plan.meeting.serving if pid in against}
            chance = 0.3 if plan.meeting.body == "KF" else 0.1
            if self.rng.random() < chance:
                ballots = []
                for pid, abbr in plan.meeting.serving:
                    if abbr in opposition:
                        answer = Ballot.Answer.NO
                    elif pid != plan.meeting.chair[0] and self.rng.random() < 0.03:
                        answer = Ballot.Answer.ABSTAIN
                    else:
                        answer = Ballot.Answer.YES
                    ballots.append((pid, answer))
                yes = sum(a == Ballot.Answer.YES for _, a in ballots)
                no = sum(a == Ballot.Answer.NO for _, a in ballots)
                if yes > no:
                    vote = Vote(
                        proposition=proposition,
                        yes_for=carried,
                        no_for=defeated,
                        yes_count=yes,
                        no_count=no,
                        abstain_count=len(ballots) - yes - no,
                    )
                    votes.append((vote, ballots))
            if self.rng.random() < 0.7:
                reservations.extend(
                    Reservation(
                        paragraph=plan.obj, person_id=pid, position=i, in_favour_of=defeated
                    )
                    for i, pid in enumerate(by_yrkande[defeated.pk], start=1)
                )
        Proposition.objects.bulk_create(propositions, batch_size=BATCH)
        PropositionAlternative.objects.bulk_create(alternatives, batch_size=BATCH)
        Vote.objects.bulk_create([v for v, _ in votes], batch_size=BATCH)
        Ballot.objects.bulk_create(
            [Ballot(vote=v, person_id=pid, answer=a) for v, ballots in votes for pid, a in ballots],
            batch_size=BATCH,
        )
        Reservation.objects.bulk_create(reservations, batch_size=BATCH)

    def _decision(self, plan: ParagraphPlan) -> list[str]:
        meeting = plan.meeting
        body = self.specs[meeting.body]
        kind = plan.kind
        if kind == "procedural-first":
            names = [self.names[pid] for pid in meeting.adjusters]
            return [f"Till justerare utses {' och '.join(names) or 'ordföranden'}."]
        if kind == "procedural-agenda":
            return ["Föredragningslistan godkänns."]
        if kind == "procedural-last":
            if meeting.body == "KF":
                return ["Motionerna remitteras till kommunstyrelsen för beredning."]
            return ["Redovisningen läggs till handlingarna."]
        motion = plan.motion
        if kind == "motion-namnd":
            return [f"{self.specs[motion.namnd].administration}s förslag tillstyrks."]
        if kind == "motion-ks":
            if motion.namnd_paragraph:
                return [f"{genitive(self.specs[motion.namnd].name)} förslag tillstyrks."]
            return [f"{KLF}s förslag tillstyrks."]
        if kind == "motion-kf":
            return [motion.answer]
        if kind == "other-kf":
            return [f"Kommunfullmäktige fastställer {lower_first(plan.title)}."]
        if kind == "other-ks":
            return [f"{KLF}s förslag tillstyrks."]
        verb = self.rng.choice(("godkänner", "fastställer", "antar"))
        points = [f"{body.name} {verb} {lower_first(plan.title)}."]
        if self.rng.random() < 0.4:
            points.append(f"{body.administration} får i uppdrag att återrapportera ärendet.")
        return points

    def _proposals(self, plan: ParagraphPlan) -> list[tuple[str, list[str]]]:
        motion = plan.motion
        if plan.kind == "motion-namnd":
            tillstyrks = f"{self.specs[motion.namnd].administration}s förslag tillstyrks."
            return [("KS", [tillstyrks]), *([("KF", [motion.answer])] if motion.answer else [])]
        if plan.kind == "motion-ks":
            return [("KF", [motion.answer])] if motion.answer else []
        if plan.kind == "other-ks":
            return [("KF", [f"Kommunfullmäktige fastställer {lower_first(plan.title)}."])]
        return []

    def _recipients(self, plan: ParagraphPlan) -> list[tuple[str, Body | None]]:
        kind = plan.kind
        if kind.startswith("procedural"):
            return []
        motion = plan.motion
        signers = "Motionären" if motion and len(motion.signers) == 1 else "Motionärerna"
        if kind == "motion-namnd":
            return [("Kommunstyrelsen", self.bodies["KS"]), (signers, None)]
        if kind in ("motion-ks", "motion-kf"):
            rows = [(signers, None)]
            if kind == "motion-ks":
                rows.insert(0, ("Kommunfullmäktige", self.bodies["KF"]))
            if motion.namnd_paragraph:
                rows.append((self.specs[motion.namnd].name, self.bodies[motion.namnd]))
            return rows
        spec = self.specs[plan.meeting.body]
        return [(spec.administration, None)][: self.rng.randint(0, 1)] + (
            [("Ekonomiavdelningen", None)] if self.rng.random() < 0.3 else []
        )

    def _debate(self, plan: ParagraphPlan):
        """Two yrkanden — the majority's, carried, and the opposition's, defeated — or None."""
        rng = self.rng
        kind = plan.kind
        meeting = plan.meeting
        chance = {
            "motion-namnd": 0.15,
            "motion-ks": 0.4,
            "motion-kf": 0.6,
            "other-kf": 0.3,
            "other-ks": 0.2,
            "other": 0.1 if meeting.body == "KS" else 0.06,
        }.get(kind, 0.0)
        if plan.secret or rng.random() >= chance or not meeting.serving:
            return None
        chair_party = meeting.chair[1]
        motion = plan.motion
        if motion is not None:
            opposition_party = motion.party
        else:
            opposition_party = rng.choice([abbr for abbr, _, _ in PARTIES if abbr != chair_party])
        if opposition_party == chair_party:
            return None
        movers = [pid for pid, abbr in meeting.serving if abbr == opposition_party]
        majority = [pid for pid, abbr in meeting.serving if abbr == chair_party]
        if not movers or not majority:
            return None
        defeated_by = rng.sample(movers, k=min(len(movers), rng.choice((1, 1, 2))))
        others = [
            pid
            for pid, abbr in meeting.serving
            if abbr not in (chair_party, opposition_party) and pid not in defeated_by
        ]
        supported_by = rng.sample(others, k=min(len(others), rng.choice((0, 0, 1, 2))))
        carried_by = [rng.choice(majority)]
        body = meeting.body
        administration = self.specs[body].administration
        own = f"{lower_first(administration)}s förslag till beslut"
        carried = Yrkande(
            paragraph=plan.obj,
            position=1,
            kind=Yrkande.Kind.APPROVAL,
            outcome=Yrkande.Outcome.CARRIED,
        )
        if body == "KF":
            carried.target, carried.target_body = Yrkande.Target.PROPOSAL, self.bodies["KS"]
        elif kind == "motion-ks" and motion.namnd_paragraph:
            carried.target, carried.target_body = Yrkande.Target.PROPOSAL, self.bodies[motion.namnd]
        else:
            carried.target, carried.text = Yrkande.Target.OWN_TEXT, own
        defeated = Yrkande(paragraph=plan.obj, position=2, outcome=Yrkande.Outcome.DEFEATED)
        if motion is not None:
            defeated.kind, defeated.target = Yrkande.Kind.APPROVAL, Yrkande.Target.MOTION
        elif rng.random() < 0.5:
            defeated.kind, defeated.text = Yrkande.Kind.REFERRAL_BACK, rng.choice(REASONS_BACK)
        elif body == "KF":
            defeated.kind, defeated.target = Yrkande.Kind.REJECTION, Yrkande.Target.PROPOSAL
            defeated.target_body = self.bodies["KS"]
        else:
            defeated.kind = Yrkande.Kind.AMENDMENT
            defeated.text = (
                f"att beslutspunkt 1 ska lyda: ”{self.specs[body].name} återremitterar ärendet "
                f"till {lower_first(administration)}.”"
            )
        return carried, defeated, carried_by, defeated_by, supported_by

    # --- all of it ----------------------------------------------------------------------------

    def justera(self) -> None:
        ids = [plan.obj.pk for plan in self.paragraphs if plan.meeting.justerat]
        for start in range(0, len(ids), 5000):
            Paragraph.objects.filter(pk__in=ids[start : start + 5000]).update(
                status=Paragraph.Status.JUSTERAD
            )

    def run(self) -> Result:
        started = datetime.datetime.now()
        steps = (
            ("organ, partier, personer och uppdrag", self.organisation),
            ("sammanträdeskalender", self.meeting_calendar),
            ("motioner och deras väg", self.plan_motions),
            ("övriga ärenden", self.plan_other_business),
            ("paragrafnummer", self.number_paragraphs),
            ("sammanträden och närvaro", self.write_meetings),
            ("ärenden", self.write_cases),
            ("paragrafer", self.write_paragraphs),
            ("motioner", self.write_motions),
            ("handlingar", self.write_documents),
            ("remisser", self.write_referrals),
            ("beslut, yrkanden, voteringar, reservationer", self.write_paragraph_parts),
            ("justering", self.justera),
        )
        with transaction.atomic():
            for label, step in steps:
                t0 = datetime.datetime.now()
                step()
                self.log(f"  {label}: {(datetime.datetime.now() - t0).total_seconds():.1f} s")
        seconds = (datetime.datetime.now() - started).total_seconds()
        return Result(seconds, row_counts())


def spec_small(code: str) -> bool:
    return code not in ("KF", "KS")


def domain_models() -> list[type[models.Model]]:
    from django.apps import apps

    found = []
    for label in ("organisation", "motions", "decisions"):
        found.extend(apps.get_app_config(label).get_models())
    found.append(ProtocolNote.persons.through)
    return found


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in domain_models()}
