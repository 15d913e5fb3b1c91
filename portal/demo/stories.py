"""The present-day demo's motions: one at each stage of its path, dated back from today.

Each story registers a motion with ``register_motion`` (KF's referral to KS included), sends
KS's referral to SON with ``send_referral`` and plans the §§ that prepare and decide it on
meetings the present-day loader holds (``Item``): SON's yttrande, KS's proposal to KF, KF's
decision with its outcome. A story is planned backwards from its last step, so each step falls
on a meeting before the next one; a story that finds no such meeting is left out.

The stories of a year get their own titles (a subject and a district, ``title``), and a story
whose title is already registered is skipped: a second run adds nothing, a run a year later
adds that year's motions.
"""

import datetime
from dataclasses import dataclass, field

from decisions.models import Meeting
from decisions.services.casework import register_motion
from motions.models import Case, Motion, Referral, Registry, add_years
from motions.services import send_referral
from organisation.models import Membership

DAY = datetime.timedelta(days=1)

SUBJECTS = (
    ("fler trygghetsvärdar", "kommunen anställer fler trygghetsvärdar"),
    ("belysta gång- och cykelvägar", "gång- och cykelvägarna förses med belysning"),
    ("en fritidsgård med längre öppettider", "fritidsgården får öppet även kvällar och helger"),
    ("gratis sommarlovsaktiviteter", "kommunen erbjuder avgiftsfria sommarlovsaktiviteter"),
    ("fler platser på äldreboende", "kommunen bygger ut antalet platser på äldreboende"),
    ("solceller på kommunens fastigheter", "kommunens tak utreds för solceller"),
    ("ett läxhjälpsprogram", "kommunen inför läxhjälp på bibliotek och skolor"),
    ("trygga skolvägar", "skolvägarna ses över tillsammans med föräldrar"),
    ("utökad hemtjänst på kvällstid", "hemtjänsten förstärks på kvällar"),
    ("fler lekplatser", "kommunen anlägger fler tillgängliga lekplatser"),
    ("ett öppet mötesställe för seniorer", "kommunen inrättar ett öppet mötesställe för seniorer"),
    ("minskat matsvinn i skolan", "skolmåltiderna planeras för mindre matsvinn"),
    ("bättre kollektivtrafik på kvällar", "kommunen verkar för tätare kvällstrafik"),
    ("fler feriejobb för unga", "antalet feriejobb ökar"),
    ("träffpunkter för anhörigvårdare", "kommunen ordnar träffpunkter för anhörigvårdare"),
    ("ökad tillgänglighet i parker", "parkerna görs tillgängliga för personer med rörelsehinder"),
    ("förebyggande socialt arbete", "socialtjänsten arbetar förebyggande i området"),
    ("en ny idrottshall", "kommunen utreder en ny idrottshall"),
    ("pollinerande ängar", "delar av gräsytorna görs om till ängar"),
    ("digitalt stöd för äldre", "kommunen erbjuder digitalt stöd till äldre"),
)
DISTRICTS = (
    "Ryd", "Berga", "Skäggetorp", "Lambohov", "Tannefors", "Johannelund", "Vallastaden",
    "Ekholmen", "Malmslätt", "Ljungsbro", "Sturefors",
)  # fmt: skip

# Each stage's motionär's party: fixed, so a stage's party is the same every year.
PARTIES = ("S", "M", "SD", "C", "KD", "V", "L", "MP", "S", "M")

STAGES = (
    "inkommen",
    "remitterad till KS",
    "remitterad till SON",
    "yttrande lämnat",
    "förslag till beslut",
    "bifallen",
    "avslagen",
    "besvarad",
    "nära ettårsgränsen",
    "över ettårsgränsen",
)

OUTCOME_TEXT = {
    Motion.Outcome.GRANTED: "Motionen bifalls.",
    Motion.Outcome.REJECTED: "Motionen avslås.",
    Motion.Outcome.ANSWERED: "Motionen anses besvarad med vad som anförts i ärendet.",
}
DECIDED = {
    "bifallen": (Motion.Outcome.GRANTED, 3),
    "avslagen": (Motion.Outcome.REJECTED, 35),
    "besvarad": (Motion.Outcome.ANSWERED, 65),
}
"""Stage → (KF's outcome, at least this many days before today)."""

SON_OPINION = "Social- och omsorgsnämnden lämnar yttrande enligt förvaltningens förslag."
KS_ENDORSES = "Kommunstyrelsen föreslår kommunfullmäktige att besluta enligt nedan."


@dataclass
class Item:
    """A motion's § on a meeting's agenda, as a story plans it."""

    case: Case
    decision_points: tuple[str, ...] = ()
    proposal_to: str | None = None
    proposal_points: tuple[str, ...] = ()
    answers: list[Referral] = field(default_factory=list)
    outcome: str = ""


def story_number(year: int, index: int) -> int:
    return year * len(STAGES) + index


def title(year: int, index: int) -> str:
    """'Motion om fler lekplatser i Ryd': unique for 220 stories, 22 years of ten."""
    n = story_number(year, index)
    return f"Motion om {SUBJECTS[n % len(SUBJECTS)][0]} i {DISTRICTS[n % len(DISTRICTS)]}"


def att_sats(year: int, index: int) -> str:
    n = story_number(year, index)
    return f"{SUBJECTS[n % len(SUBJECTS)][1]} i {DISTRICTS[n % len(DISTRICTS)]}."


def _latest(meetings: list[Meeting], before: datetime.date) -> Meeting | None:
    earlier = [m for m in meetings if m.date < before]
    return earlier[-1] if earlier else None


@dataclass
class Plan:
    """When a story's steps happen: väckt, SON's yttrande, KS's proposal, KF's decision."""

    raised: Meeting | None = None
    son: Meeting | None = None
    ks: Meeting | None = None
    kf: Meeting | None = None
    outcome: str = ""
    on_next_agenda: bool = False


def plan(stage: str, present) -> Plan | None:
    """The meetings of ``stage``'s story, or None when the calendar has none that fit."""
    today, council = present.today, present.council_meetings()
    if stage == "inkommen":
        return Plan()
    if stage == "remitterad till KS":
        return Plan(raised=_latest(council, today))
    if stage == "remitterad till SON":
        return Plan(raised=_latest(council, today - 40 * DAY))
    if stage == "nära ettårsgränsen":
        # The earliest KF meeting less than a year ago: its motions' year ends soonest.
        within = [m for m in council if add_years(m.date, 1) > today]
        return Plan(raised=within[0]) if within else None
    if stage == "över ettårsgränsen":
        son = present.held_before("SON", today - 30 * DAY)
        raised = _latest(council, today - 400 * DAY)
        return Plan(raised=raised, son=son) if son and raised and raised.date < son.date else None
    if stage == "yttrande lämnat":
        son = present.held_before("SON", today - 7 * DAY)
    elif stage == "förslag till beslut":
        ks = present.held_before("KS", today - 5 * DAY)
        son = ks and present.held_before("SON", ks.date - 7 * DAY)
    else:
        outcome, days = DECIDED[stage]
        kf = present.held_before("KF", today - days * DAY)
        ks = kf and present.held_before("KS", kf.date - 7 * DAY)
        son = ks and present.held_before("SON", ks.date - 7 * DAY)
    if not son:
        return None
    raised = _latest(council, son.date - 30 * DAY)
    if raised is None:
        return None
    if stage == "yttrande lämnat":
        return Plan(raised=raised, son=son)
    if stage == "förslag till beslut":
        return Plan(raised=raised, son=son, ks=ks, on_next_agenda=True)
    return Plan(raised=raised, son=son, ks=ks, kf=kf, outcome=outcome)


def _signers(present, day: datetime.date, party: str, n: int):
    """One or (every third story) two KF members of ``party`` on ``day``."""
    seats = [
        s
        for s in present.seats_on("KF", day)
        if s.party == party and s.role == Membership.Role.MEMBER
    ]
    count = 2 if n % 3 == 0 and len(seats) > 1 else 1
    chosen = [seats[(n + i) % len(seats)] for i in range(count)]
    return [(present.people[s.full_name], None) for s in chosen]


def place(present) -> None:
    """Register this year's stories and plan their §§ on ``present``'s meetings."""
    today = present.today
    registry = Registry.objects.get(code="KS")
    ks, son = present.bodies["KS"], present.bodies["SON"]
    for index, stage in enumerate(STAGES):
        heading = title(today.year, index)
        if Case.objects.filter(registry=registry, title=heading).exists():
            present.result.existing += 1
            continue
        steps = plan(stage, present)
        if steps is None:
            continue
        raised = steps.raised
        dated_on = (raised.date if raised else today) - (12 if raised else 4) * DAY
        n = story_number(today.year, index)
        motion = register_motion(
            registry=registry,
            title=heading,
            dated_on=dated_on,
            registered_on=dated_on + 2 * DAY,
            raised_at=raised,
            signers=_signers(present, dated_on, PARTIES[index], n),
            att_satser=[att_sats(today.year, index)],
            refer_to_board=raised is not None,
        )
        present.result.created += 1
        if raised is None or stage == "remitterad till KS":
            continue
        to_ks = Referral.objects.get(case=motion.case, to_body=ks)
        sent_on = min(raised.date + 7 * DAY, today)
        to_son = send_referral(
            case=motion.case,
            from_body=ks,
            to_body=son,
            purpose=Referral.Purpose.OPINION,
            sent_on=sent_on,
            due_on=sent_on + 90 * DAY,
        )
        if steps.son:
            _on(present, steps.son, Item(motion.case, (SON_OPINION,), answers=[to_son]))
        if steps.ks:
            proposal = OUTCOME_TEXT[steps.outcome or Motion.Outcome.ANSWERED]
            ks_item = Item(motion.case, (KS_ENDORSES,), "KF", (proposal,), answers=[to_ks])
            _on(present, steps.ks, ks_item)
        if steps.kf:
            points = (OUTCOME_TEXT[steps.outcome],)
            _on(present, steps.kf, Item(motion.case, points, outcome=steps.outcome))
        elif steps.on_next_agenda and (coming := present.next_planned("KF")):
            _on(present, coming, Item(motion.case))


def _on(present, meeting: Meeting, item: Item) -> None:
    present.items[(meeting.body.code, meeting.date)].append(item)
