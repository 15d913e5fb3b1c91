# ruff: noqa: E501 — the seed texts are kept one paragraph a line so they can be compared with the seeds.
"""The facts of the five seed documents (Linköping 2021–2022) as plain Python data.

Texts are reproduced word for word from the seeds, typos included ("succesivt",
"samhällsystem"); only the PDF's line wrapping is undone. Paragraphs are separated by a blank
line, headings stand on their own line and bullet points (whose glyph the PDF lost) are written
as lines starting with "- ".

Everything the seeds do not say but a working demo needs is listed in ``ASSUMPTIONS``; keep that
list in step with the values below.

People are referred to by full name, bodies by code, cases by Dnr, documents by a local key and
paragraphs by (body code, year, number); ``portal.demo.loader`` resolves them.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from decisions.models import Yrkande
from motions.models import Case, Document, Referral
from organisation.models import Body, Membership

date = datetime.date

ParagraphRef = tuple[str, int, int]
"""(body code, year, number): 'KS 2022 § 59' is ("KS", 2022, 59)."""


ASSUMPTIONS: tuple[str, ...] = (
    "Seats: Kommunfullmäktige 81, Kommunstyrelsen 15, Social- och omsorgsnämnden 13.",
    "Kommunledningsförvaltningen serves KF and KS, Social- och omsorgsförvaltningen serves SON; Leanlink is recorded as an administration (it appears as a unit) that serves no body.",
    "Party names: Socialdemokraterna, Moderaterna, Miljöpartiet (as the seeds write it; officially Miljöpartiet de gröna), Centerpartiet, Liberalerna, Kristdemokraterna, Vänsterpartiet, Sverigedemokraterna.",
    "Terms of office: KF 2018-10-15 – 2022-10-14; KS and SON 2019-01-01 – 2022-12-31 (a nämnd's term starts on 1 January after the election, KL 6 kap. 13 §).",
    "Maria Moraes (MP) and Ann-Charlott Bäckman (S) are ledamöter of KF; Bäckman, Rebecka Hovenberg (MP) and Annika Krutzén (M) are ledamöter of KS. The seeds give their parties, not their seats.",
    'Birgitta Rydhagen\'s (MP) KF membership ended 2020-12-31 (seed 001 only says "den tidigare ledamoten").',
    "Invented, fictional people (any likeness to real persons is unintended): KS ordförande Johan Alström (C) and ledamöter Sara Nyberg (M), Peter Holmgren (KD), Helena Forsman (L), Mikael Strandberg (S), Nadia Karlsson (V), Tobias Ek (SD); SON ordförande Lena Sjöberg (M) and ledamöter Karin Dahl (C), Ulf Bergkvist (KD), Jenny Wallin (L), Omar Rahimi (S), Pia Lundgren (MP), Stefan Öhman (SD), Linnea Falk (V).",
    "Secretaries (invented, stored as names): Cecilia Åberg (KS), Johanna Berglind (SON). Justerare (invented): Sara Nyberg (M) and Mikael Strandberg (S) in KS, Omar Rahimi (S) in SON.",
    "Attendance: 10 of KS's 15 ledamöter serve on 2022-03-08 (the chair, Hovenberg, Bäckman, Krutzén and six invented members); 8 of SON's 13 serve on 2022-02-16. Both have quorum. No ersättare.",
    'Registries: "Kommunstyrelsens diarium" (KS) and "Social- och omsorgsnämndens diarium" (SON), both with the format "{registry} {year}-{serial}".',
    'Case titles: "Motion om att utöka den områdesbaserade socialtjänsten" (KS 2019-295) and "Motion om områdesbaserat socialt arbete i hela kommunen" (KS 2020-493); the motions\' own titles are not in the seeds and are derived from the § headings. Each case was registered on the motion\'s date; the responsible body is KS, which keeps the registry.',
    "Seed 004's case is SON 2021-745 (invented Dnr), registered 2021-10-29, kind övrigt, responsible body SON; its title drops the seed heading's final full stop.",
    "The motions were väckta in KF on 2019-04-23 (KS 2019-295) and 2020-08-25 (KS 2020-493), in Stadshuset, Linköping; those protocols were justerade 2019-04-29 and 2020-09-01 with the notice posted the next day; their chair and justerare are not recorded.",
    "Referrals: KF → KS for beredning on the day the motion was väckt, no due date; KS → SON for yttrande on 2019-04-26 (due 2019-09-30) and 2020-08-28 (due 2020-11-30).",
    "SON 2022-02-16 at 13.00 in Stadshuset, Linköping; justering 2022-02-22 at Social- och omsorgsförvaltningen; notice posted 2022-02-23, taken down 2022-03-16 (last day to appeal); protocol kept at Social- och omsorgsförvaltningen, Linköping.",
    "KS 2022-03-08 at 13.00 in Stadshuset, Linköping; justering 2022-03-15 in Stadshuset, Linköping; notice posted 2022-03-16, taken down 2022-04-06 (three weeks after posting, a Wednesday and not a holiday, so the last day to appeal); protocol kept at Kommunledningsförvaltningen, Stadshuset, Linköping.",
    'SON §§ 2 and 3 carry the tjänsteskrivelser\'s titles, their Ärende sections as ärende text, and their beslutsunderlag and "Beslutet skickas till" lists (seeds 002 and 003). No yrkanden are recorded in SON.',
    "Each motion document has the case title, the motion's date and only the att-satser as text (the motions' full texts are not in the seeds). The protocol extracts are titled as KS's beslutsunderlag cites them, are drawn up by Social- och omsorgsförvaltningen and have no text of their own.",
    'Tjänsteskrivelse texts: the PDF\'s line breaks are joined into paragraphs, lost bullet glyphs are written as "- ", the link addresses in seed 002 are left out (only the link text is kept), the signatures are stored as document authors, and their "Beslutet skickas till" lists survive only as recipients of SON §§ 2–3 (a document has no recipients in the model).',
    "Seed 002's heading line reads \"Motion (MP)\" with a capital M (a PDF line wrap); the title is stored with a lower-case m, as the same seed's beslutsunderlag line and KS § 59 write it.",
    'Dates of expediering ("Beslutet skickas till") are unknown and left empty.',
    'Seed 001 writes "finner att kommunstyrelsens beslutar"; the generated sentence says "kommunstyrelsen beslutar". This is the only accepted difference from the seeds\' sentences.',
)


# --- Organisation ----------------------------------------------------------------------------

KLF = "Kommunledningsförvaltningen"
SOF = "Social- och omsorgsförvaltningen"
LEANLINK = "Leanlink"

ADMINISTRATIONS: tuple[str, ...] = (KLF, SOF, LEANLINK)


@dataclass(frozen=True)
class BodyFact:
    code: str
    slug: str
    name: str
    kind: str
    administration: str
    size: int


BODIES: tuple[BodyFact, ...] = (
    BodyFact("KF", "kf", "Kommunfullmäktige", Body.Kind.COUNCIL, KLF, 81),
    BodyFact("KS", "ks", "Kommunstyrelsen", Body.Kind.EXECUTIVE_BOARD, KLF, 15),
    BodyFact("SON", "son", "Social- och omsorgsnämnden", Body.Kind.COMMITTEE, SOF, 13),
)

PARTIES: tuple[tuple[str, str], ...] = (
    ("S", "Socialdemokraterna"),
    ("M", "Moderaterna"),
    ("MP", "Miljöpartiet"),
    ("C", "Centerpartiet"),
    ("L", "Liberalerna"),
    ("KD", "Kristdemokraterna"),
    ("V", "Vänsterpartiet"),
    ("SD", "Sverigedemokraterna"),
)


@dataclass(frozen=True)
class PersonFact:
    first_name: str
    last_name: str
    aliases: tuple[str, ...] = ()
    invented: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


PEOPLE: tuple[PersonFact, ...] = (
    # Named in the seeds.
    PersonFact("Maria", "Moraes"),
    PersonFact("Birgitta", "Rydhagen"),
    PersonFact("Ann-Charlott", "Bäckman", aliases=("Lotta Bäckman",)),
    PersonFact("Rebecka", "Hovenberg"),
    PersonFact("Annika", "Krutzén"),
    # Invented: the seeds name no chair, justerare or other members (see ASSUMPTIONS).
    PersonFact("Johan", "Alström", invented=True),
    PersonFact("Sara", "Nyberg", invented=True),
    PersonFact("Peter", "Holmgren", invented=True),
    PersonFact("Helena", "Forsman", invented=True),
    PersonFact("Mikael", "Strandberg", invented=True),
    PersonFact("Nadia", "Karlsson", invented=True),
    PersonFact("Tobias", "Ek", invented=True),
    PersonFact("Lena", "Sjöberg", invented=True),
    PersonFact("Karin", "Dahl", invented=True),
    PersonFact("Ulf", "Bergkvist", invented=True),
    PersonFact("Jenny", "Wallin", invented=True),
    PersonFact("Omar", "Rahimi", invented=True),
    PersonFact("Pia", "Lundgren", invented=True),
    PersonFact("Stefan", "Öhman", invented=True),
    PersonFact("Linnea", "Falk", invented=True),
)

KF_TERM = (date(2018, 10, 15), date(2022, 10, 14))
BOARD_TERM = (date(2019, 1, 1), date(2022, 12, 31))


@dataclass(frozen=True)
class MembershipFact:
    person: str
    body: str
    role: str
    party: str
    starts_on: datetime.date
    ends_on: datetime.date | None


CHAIR = Membership.Role.CHAIR
MEMBER = Membership.Role.MEMBER


def _term(person: str, body: str, role: str, party: str) -> MembershipFact:
    starts_on, ends_on = KF_TERM if body == "KF" else BOARD_TERM
    return MembershipFact(person, body, role, party, starts_on, ends_on)


MEMBERSHIPS: tuple[MembershipFact, ...] = (
    _term("Maria Moraes", "KF", MEMBER, "MP"),
    MembershipFact("Birgitta Rydhagen", "KF", MEMBER, "MP", KF_TERM[0], date(2020, 12, 31)),
    _term("Ann-Charlott Bäckman", "KF", MEMBER, "S"),
    _term("Johan Alström", "KS", CHAIR, "C"),
    _term("Rebecka Hovenberg", "KS", MEMBER, "MP"),
    _term("Ann-Charlott Bäckman", "KS", MEMBER, "S"),
    _term("Annika Krutzén", "KS", MEMBER, "M"),
    _term("Sara Nyberg", "KS", MEMBER, "M"),
    _term("Peter Holmgren", "KS", MEMBER, "KD"),
    _term("Helena Forsman", "KS", MEMBER, "L"),
    _term("Mikael Strandberg", "KS", MEMBER, "S"),
    _term("Nadia Karlsson", "KS", MEMBER, "V"),
    _term("Tobias Ek", "KS", MEMBER, "SD"),
    _term("Lena Sjöberg", "SON", CHAIR, "M"),
    _term("Karin Dahl", "SON", MEMBER, "C"),
    _term("Ulf Bergkvist", "SON", MEMBER, "KD"),
    _term("Jenny Wallin", "SON", MEMBER, "L"),
    _term("Omar Rahimi", "SON", MEMBER, "S"),
    _term("Pia Lundgren", "SON", MEMBER, "MP"),
    _term("Stefan Öhman", "SON", MEMBER, "SD"),
    _term("Linnea Falk", "SON", MEMBER, "V"),
)


# --- Registries and cases --------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryFact:
    code: str
    name: str
    body: str
    dnr_format: str = "{registry} {year}-{serial}"


REGISTRIES: tuple[RegistryFact, ...] = (
    RegistryFact("KS", "Kommunstyrelsens diarium", "KS"),
    RegistryFact("SON", "Social- och omsorgsnämndens diarium", "SON"),
)

MP_DNR = "KS 2019-295"
S_DNR = "KS 2020-493"
SON_DNR = "SON 2021-745"


@dataclass(frozen=True)
class CaseFact:
    registry: str
    year: int
    serial: int
    title: str
    kind: str
    registered_on: datetime.date
    responsible_body: str

    @property
    def dnr(self) -> str:
        return f"{self.registry} {self.year}-{self.serial}"


CASES: tuple[CaseFact, ...] = (
    CaseFact(
        "KS",
        2019,
        295,
        "Motion om att utöka den områdesbaserade socialtjänsten",
        Case.Kind.MOTION,
        date(2019, 3, 21),
        "KS",
    ),
    CaseFact(
        "KS",
        2020,
        493,
        "Motion om områdesbaserat socialt arbete i hela kommunen",
        Case.Kind.MOTION,
        date(2020, 6, 16),
        "KS",
    ),
    CaseFact(
        "SON",
        2021,
        745,
        "Områdesteam, utökning av medel med 1 miljon kronor",
        Case.Kind.OTHER,
        date(2021, 10, 29),
        "SON",
    ),
)


# --- Meetings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingFact:
    body: str
    date: datetime.date
    place: str
    justering_on: datetime.date
    notice_posted_on: datetime.date
    starts_at: datetime.time | None = None
    chair: str | None = None
    secretary: str = ""
    adjusters: tuple[str, ...] = ()
    justering_place: str = ""
    protocol_kept_at: str = ""
    serving_members: tuple[str, ...] = ()
    """Tjänstgörande ledamöter, the chair included. The last day to appeal, and the day after it
    when the notice is taken down, the loader computes from ``notice_posted_on``."""


STADSHUSET = "Stadshuset, Linköping"

JUSTERING_TIME = datetime.time(10, 0)
"""The seeds give the day of justering, not the hour; the demo's approvals are at 10.00."""


def justering_time(fact: MeetingFact) -> datetime.datetime:
    """When the ordförande and justerare approved ``fact``'s protocol (Europe/Stockholm)."""
    return datetime.datetime.combine(
        fact.justering_on, JUSTERING_TIME, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm")
    )


MEETINGS: tuple[MeetingFact, ...] = (
    MeetingFact(
        "KF",
        date(2019, 4, 23),
        STADSHUSET,
        justering_on=date(2019, 4, 29),
        notice_posted_on=date(2019, 4, 30),
    ),
    MeetingFact(
        "KF",
        date(2020, 8, 25),
        STADSHUSET,
        justering_on=date(2020, 9, 1),
        notice_posted_on=date(2020, 9, 2),
    ),
    MeetingFact(
        "SON",
        date(2022, 2, 16),
        STADSHUSET,
        starts_at=datetime.time(13, 0),
        chair="Lena Sjöberg",
        secretary="Johanna Berglind",
        adjusters=("Omar Rahimi",),
        justering_place="Social- och omsorgsförvaltningen",
        justering_on=date(2022, 2, 22),
        notice_posted_on=date(2022, 2, 23),
        protocol_kept_at="Social- och omsorgsförvaltningen, Linköping",
        serving_members=(
            "Lena Sjöberg",
            "Karin Dahl",
            "Ulf Bergkvist",
            "Jenny Wallin",
            "Omar Rahimi",
            "Pia Lundgren",
            "Stefan Öhman",
            "Linnea Falk",
        ),
    ),
    MeetingFact(
        "KS",
        date(2022, 3, 8),
        STADSHUSET,
        starts_at=datetime.time(13, 0),
        chair="Johan Alström",
        secretary="Cecilia Åberg",
        adjusters=("Sara Nyberg", "Mikael Strandberg"),
        justering_place=STADSHUSET,
        justering_on=date(2022, 3, 15),
        notice_posted_on=date(2022, 3, 16),
        protocol_kept_at="Kommunledningsförvaltningen, Stadshuset, Linköping",
        serving_members=(
            "Johan Alström",
            "Rebecka Hovenberg",
            "Ann-Charlott Bäckman",
            "Annika Krutzén",
            "Sara Nyberg",
            "Peter Holmgren",
            "Helena Forsman",
            "Mikael Strandberg",
            "Nadia Karlsson",
            "Tobias Ek",
        ),
    ),
)


# --- Motions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MotionFact:
    dnr: str
    dated_on: datetime.date
    raised_at: tuple[str, datetime.date]
    signers: tuple[tuple[str, str], ...]
    """(person, party) in the order the motion names them."""
    att_satser: tuple[str, ...]


MP_ATT_SATSER = (
    "Kommunen utökar den områdesbaserade socialtjänsten till ytterligare minst två nya områden under mandatperioden",
    "Kommunen utökar resurserna för den områdesbaserade socialtjänsten så att det förebyggande arbetet och samverkan med andra aktörer i bostadsområdena ökar.",
)
S_ATT_SATSER = ("Områdesbaserat socialt arbete förstärks och byggs ut succesivt.",)

MOTIONS: tuple[MotionFact, ...] = (
    MotionFact(
        MP_DNR,
        date(2019, 3, 21),
        ("KF", date(2019, 4, 23)),
        (("Maria Moraes", "MP"), ("Birgitta Rydhagen", "MP")),
        MP_ATT_SATSER,
    ),
    MotionFact(
        S_DNR,
        date(2020, 6, 16),
        ("KF", date(2020, 8, 25)),
        (("Ann-Charlott Bäckman", "S"),),
        S_ATT_SATSER,
    ),
)


# --- Texts -----------------------------------------------------------------------------------

MP_TITLE = "Utöka den områdesbaserade socialtjänsten, svar på motion (MP)"
S_TITLE = "Områdesbaserat socialt arbete i hela kommunen, svar på motion (S)"
SON_TITLE = "Områdesteam, utökning av medel med 1 miljon kronor"

TILLSTYRKS_SOF = "Social- och omsorgsförvaltningens förslag tillstyrks."
TILLSTYRKS_SON = "Social- och omsorgsnämndens förslag tillstyrks."
MP_ANSWER = "Motionen besvaras med att social- och omsorgsnämnden beslutat etablera områdesteam under 2021 som en del i Åtgärdsplan mot segregation."
S_ANSWER = "Motionen besvaras med att social- och omsorgsnämnden beslutat om att ge Leanlink, Råd och stöd ett utvecklingsuppdrag avseende att etablera Områdesteam i Berga, Ryd och Skäggetorp med tillhörande geografiska områden, som en del i Åtgärdsplan mot segregation."
SON_FACT_POINT = "Utvecklingsuppdraget Områdesteam förstärks med 1 mnkr."

# Seed 001 (KS § 59), section "Ärende".
KS_59_ARENDE = """\
Maria Moraes (MP) och den tidigare ledamoten för Miljöpartiet i kommunfullmäktige Birgitta Rydhagen föreslår i en motion daterad 2019-03-21 att:

- Kommunen utökar den områdesbaserade socialtjänsten till ytterligare minst två nya områden under mandatperioden
- Kommunen utökar resurserna för den områdesbaserade socialtjänsten så att det förebyggande arbetet och samverkan med andra aktörer i bostadsområdena ökar.

Kommundirektören har under 2020 fastställt Åtgärdsplan mot segregation samt kommunstyrelsen har beslutat om handlingsplan för trygghet, säkerhet och brottsförebyggande åtgärder 2017. Åtgärder som initieras under 2021 och framåt är; Arbetet med Nära Socialtjänst utvecklas i flera perspektiv, dels i form av Områdesteam som syftar till att sänka tröskeln för stöd och hjälp. Vidare pågår utvecklingsarbete kring organisering av Nära Socialtjänst i de geografiska områdena i kommunen. Ambitionen är att stävja den pågående samhällstrenden med en ökad problematik med parallella samhällssystem, med ökad risk för ungdomsbrottslighet och gängkriminalitet som följd, vilket innebär hög utsatthet för barn och unga. Motionen har med sitt innehåll belyst adekvata frågeställningar och förslag.

Social- och omsorgsförvaltningens och Leanlinks bedömning är dock att i nuläget fokusera på befintliga beslut med dess åtgärder och föreslår att motionen besvaras med hänvisning till detta."""

# Seed 000 (KS § 60), section "Ärende".
KS_60_ARENDE = """\
Ann-Charlott Bäckman (S) föreslår i en motion daterad 2020-06-16 att:

- Områdesbaserat socialt arbete förstärks och byggs ut succesivt.

Motionären hänvisar till att områdesbaserat socialt arbete i Lambohov och Berga visat på goda resultat. Samhällets stöd och service måste finnas där människor befinner sig i vardagen för att de ska känna trygghet. Det blir särskilt viktigt i ett alltmer segregerat samhälle.

Kommundirektören beslutade i december 2020 att anta Åtgärdsplan mot segregation. En av de totalt 60 aktiviteterna som ingår i planen, är att etablera områdesteam i Ryd, Berga och Skäggetorp (med tillhörande geografiska områden). Social- och omsorgsnämnden beslutade i juni 2021 att ge Leanlink i uppdrag att etablera teamen, i form av ett utvecklingsuppdrag. Ytterligare åtgärd som initieras under 2021 är uppdraget Nära socialtjänst Skäggetorp.

Etableringen av områdesteam och Nära socialtjänst Skäggetorp har som målsättning att socialtjänsten i nära samverkan med kommuninvånarna, civilsamhället och andra samverkanspartners stärka och förbättra det trygghetsskapande och brottförebyggande arbetet, bidra till förbättrad integration och förebygga att barn och unga rekryteras in i kriminalitet och andra destruktiva beteenden.

Motionen har med sitt innehåll belyst adekvata frågeställningar och förslag. Social- och omsorgsförvaltningens och Leanlinks gemensamma bedömning är att i nuläget fokusera på befintliga beslut om åtgärder och föreslår att motionen besvaras med hänvisning till detta. Efter att uppföljning är gjord och det finns underlag avseende utfall och effekt av ovanstående åtgärder kan ställningstagande göras om ytterligare stadsdelar som kan vara aktuella för att etablera områdesteam."""

# Seed 002 (tjänsteskrivelse for KS 2019-295), section "Ärende"; also SON § 2's ärende text.
MP_TS_ARENDE = """\
Maria Moraes (MP) och den tidigare ledamoten för Miljöpartiet i kommunfullmäktige Birgitta Rydhagen föreslår i en motion daterad 2019-03-21 att:

- Kommunen utökar den områdesbaserade socialtjänsten till ytterligare minst två nya områden under mandatperioden
- Kommunen utökar resurserna för den områdesbaserade socialtjänsten så att det förebyggande arbetet och samverkan med andra aktörer i bostadsområdena ökar.

Kommundirektören har under 2020 fastställt Åtgärdsplan mot segregation samt kommunstyrelsen har beslutat om handlingsplan för trygghet, säkerhet och brottsförebyggande åtgärder 2017. Åtgärder som initieras under 2021 och framåt är; Arbetet med Nära Socialtjänst utvecklas i flera perspektiv, dels i form av Områdesteam som syftar till att sänka tröskeln för stöd och hjälp. Vidare pågår utvecklingsarbete kring organisering av Nära Socialtjänst i de geografiska områdena i kommunen. Ambitionen är att stävja den pågående samhällstrenden med en ökad problematik med parallella samhällsystem, med ökad risk för ungdomsbrottslighet och gängkriminalitet som följd, vilket innebär hög utsatthet för barn och unga. Motionen har med sitt innehåll belyst adekvata frågeställningar och förslag.

Social- och omsorgsförvaltningens och Leanlinks bedömning är dock att i nuläget fokusera på befintliga beslut med dess åtgärder och föreslår att motionen besvaras med hänvisning till detta."""

# Seed 002 from "Ärende" through the MBL section.
MP_TS_TEXT = f"""\
Ärende

{MP_TS_ARENDE}

Beslutsunderlag:

Tjänsteskrivelse – Utöka den områdesbaserade socialtjänsten, svar på motion (MP) 2021-12-17
Motionen

Bakgrund

I januari 2020 beslutade kommundirektören om en ny modell för ledning och samordning av insatser mot segregation samt trygghetsskapande och brottsförebyggande åtgärder. Syftet är att samordna, strukturera och effektivisera kommunens insatser mot segregation samt trygghetsskapande och brottsförebyggande åtgärder. Lednings- och samordningsmodellen bestående av förvaltningschefer från, Social och omsorgsförvaltningen, Utbildnings- och arbetsmarknadsförvaltningen, Kultur- och fritidsförvaltningen, Leanlink med flera, samt en ledning- och samordningsgrupp SMS-gruppen (samordning mot segregation) bestående av avdelningschefer från motsvarande förvaltningar.

Under de senaste två mandatperioderna har flera beslut tagits för att motverka utanförskap och att ungdomar riskerar att hamna i kriminalitet, samt att öka tryggheten i Linköping. Svaret på motionen tar sin utgångspunkt i följande beslut, Handlingsplan mot segregation, KS 2020-754, Handlingsplan för trygghet, säkerhet och brottsförebyggande åtgärder, KS 2020-486, Områdesteam - övergripande uppdrag, KS 2021-125 samt social- och omsorgsnämndens utvecklingsuppdrag till Leanlink avseende etablering av Områdesteam, SON 2021-464. Dessa utgör grunden för Linköpings kommuns fortsatta arbete för att minska utanförskap och otrygghet som medför negativa effekter för samhället och individen.

För att säkerställa att tidigare upparbetad kunskap nyttjas sker nu ett systematiskt arbete med syfte att planera och genomföra operativa åtgärder i enlighet med ovanstående styrdokument. Arbetet bedrivs av Leanlink och Social- och omsorgsförvaltningen tillsammans.

Ett exempel på att lyfta fram tidigare upparbetad kunskap är arbetet med SoA – Socialt områdesarbete i Berga och i Lambohov som nämns i motionen. Forskning och utvecklingsenheten inom social-sektor genomförde följeforskning med slutrapport december 2019: SOA innebär att se helheter och att ha både ett individ- och familjeperspektiv. Yrkesrollen (Kommunens medarbetare) innebär en generalistroll och lotsfunktion. Organisatoriskt att ej ha ”stuprör” och snabbare och enklare vägar för stöd. Vidare att kunna skapa allianser, nätverk, kontakter och arbeta systemiskt tillsammans med andra i området. Det fortsatta begreppet är Nära Socialtjänst och ersätter begreppet SoA.

Utmaningar - inriktning - åtgärder

Det har under en tid utvecklats negativa parallella samhällsstrukturer, vilket bland annat kan ses i en ökande gängproblematik i områdena Berga och Skäggetorp med skjutningar som följd. För att motverka utvecklingen med parallella strukturer, med klansystem, ökad otrygghet, ökat utanförskap och segregation behövs åtgärder vidtas som inverkar på dessa strukturer på ett positivt sätt. Kommunens arbete behöver förändras och förnyas, ett exempel på detta är etablering av områdesteamen.

För att stödja arbetet på lokal nivå har regeringen beslutat att Delegationen mot segregation (Delmos) under 2021 får fördela 250 miljoner i statsbidrag till kommuner, regioner och ideella organisationer för arbete med att minska och motverka segregation. Med stöd av de statliga medlen via Delmos och intentionerna i åtgärdsplanen mot segregation utreds just nu att etablera SoA – Socialt områdesarbete i Skäggetorp med flera områden.

Områdesteamens syfte är att med utgångspunkt i gemensamma nuläges- och målbilder förbättra ledning och samordning av kommunens insatser och samverkan med övriga aktörer. Som en del i arbetet med att tillgodose en ökad trygghet, gemenskap och förbättrad samverkan med civilsamhället och kommunen, skapa tre områdesteam med utgångspunkt och förankring i de tre stadsdelarna; Berga, Ryd och Skäggetorp. Dess operativa förmåga och insatser påbörjas hösten 2021.

Vidare är syftet att erbjuda social insatser som är förebyggande och kan ge grupper och individer förbättrade förutsättningar i Linköpings kommun.

Under framtagandet av områdesteamens uppdrag har flera insikter och utmaningar identifierats, ett av dessa områden utgör målformulering. För att kunna definiera tydliga och uppföljningsbara effektmål behöver områdesteamen etablera en modell för utvärdering och uppföljning. Det arbetet sker med stöd av forskning och utvecklingsenheten (FoU) i dialog med Social- och omsorgsförvaltningen samt Leanlink, Råd och stöd.

Ekonomiska konsekvenser

Insatser sker inom ram.

Kommunala mål

- Trygg och attraktiv kommun
- Attraktiv kommun
- Goda villkor för ett jämlikt, meningsfullt och hälsosamt liv
- Goda välfärdstjänster med hög tillgänglighet
- Hög egenförsörjningsgrad

Länk till kommunfullmäktiges övergripande mål

Jämställdhet

I Berga, Ryd och Skäggetorp finns utmaningar kopplat till jämställdhet. Den nya organisering som områdesteam innebär förväntas medföra positiva effekter ur ett jämställdhetsperspektiv som följd av den ökade representationen, tillgängligheten och synligheten i områdena.

Samråd

Dialog och samskapande har skett med Leanlink avseende handlingens innehåll, Leanlink tillstyrker förslaget till svar.

Uppföljning och utvärdering

Framtagandet av uppföljningsmodell sker i samarbete med enheten för forskning och utveckling (FoU) där Social- och omsorgsförvaltningen samt Leanlink, Råd och stöd deltar. Det förväntas ske kvartal fyra (4) 2021.

Information eller förhandling enligt lag (1976:580) om medbestämmande i arbetslivet

MBL-information eller förhandling är inte påkallad."""

# Seed 003 (tjänsteskrivelse for KS 2020-493), section "Ärende"; also SON § 3's ärende text.
S_TS_ARENDE = """\
Lotta Bäckman (S) föreslår i en motion daterad 2020-06-16 att:

- Områdesbaserat socialt arbete förstärks och byggs ut succesivt.

Motionären hänvisar till att områdesbaserat socialt arbete i Lambohov och Berga visat på goda resultat. Samhällets stöd och service måste finnas där människor befinner sig i vardagen för att de ska känna trygghet. Det blir särskilt viktigt i ett alltmer segregerat samhälle.

Kommundirektören beslutade i december 2020 att anta Åtgärdsplan mot segregation. En av de totalt 60 aktiviteterna som ingår i planen, är att etablera områdesteam i Ryd, Berga och Skäggetorp (med tillhörande geografiska områden). Social- och omsorgsnämnden beslutade i juni 2021 att ge Leanlink i uppdrag att etablera teamen, i form av ett utvecklingsuppdrag. Ytterligare åtgärd som initieras under 2021 är uppdraget Nära socialtjänst Skäggetorp.

Etableringen av områdesteam och Nära socialtjänst Skäggetorp har som målsättning att socialtjänsten i nära samverkan med kommuninvånarna, civilsamhället och andra samverkanspartners stärka och förbättra det trygghetsskapande och brottförebyggande arbetet, bidra till förbättrad integration och förebygga att barn och unga rekryteras in i kriminalitet och andra destruktiva beteenden.

Motionen har med sitt innehåll belyst adekvata frågeställningar och förslag. Social- och omsorgsförvaltningens och Leanlinks gemensamma bedömning är att i nuläget fokusera på befintliga beslut om åtgärder och föreslår att motionen besvaras med hänvisning till detta. Efter att uppföljning är gjord och det finns underlag avseende utfall och effekt av ovanstående åtgärder kan ställningstagande göras om ytterligare stadsdelar som kan vara aktuella för att etablera områdesteam."""

# Seed 003 from "Ärende" through the MBL section.
S_TS_TEXT = f"""\
Ärende

{S_TS_ARENDE}

Beslutsunderlag:

Tjänsteskrivelse – Områdesbaserat socialt arbete i hela kommunen, svar på motion (S), 2021-12-17
Bilaga - Motionen

Bakgrund

Det har under en tid utvecklats negativa parallella samhällsstrukturer, vilket bland annat kan ses i en ökande gängproblematik i områdena Berga och Skäggetorp med bland annat skjutningar som följd. För att motverka utvecklingen med parallella samhällsstrukturer, ökad otrygghet, ökat utanförskap och segregation behövs åtgärder vidtas som inverkar på dessa strukturer på ett positivt sätt. Kommunens arbete behöver förändras och förnyas.

I januari 2020 beslutade kommundirektören om en ny modell för ledning och samordning av insatser mot segregation samt trygghetsskapande och brottsförebyggande åtgärder. Syftet är att samordna, strukturera och effektivisera kommunens insatser mot segregation samt trygghetsskapande och brottsförebyggande åtgärder. Lednings- och samordningsmodellen bestående av förvaltningschefer från, Social och omsorgsförvaltningen, Utbildnings- och arbetsmarknadsförvaltningen, Kultur- och fritidsförvaltningen, Leanlink med flera, samt en ledning- och samordningsgrupp SMS-gruppen (samordning mot segregation) bestående av avdelningschefer från motsvarande förvaltningar.

Under mandatperioden har flera beslut tagits för att motverka utanförskap och att ungdomar riskerar att hamna i kriminalitet, samt att öka tryggheten i Linköping. Svaret på motionen tar sin utgångspunkt i beslut gällande Åtgärdsplan mot segregation, Handlingsplan för trygghet, säkerhet och brottsförebyggande åtgärder samt social och omsorgsnämndens utvecklingsuppdrag till Leanlink avseende etablering av Områdesteam. Dessa utgör en del av det arbete som sker i kommunen för att minska utanförskap och otrygghet som medför negativa effekter för samhället och individen.

Leanlink, Råd och stöd, arbetar nu med att etablera områdesteamen i Ryd, Berga och Skäggetorp. I detta arbete används tidigare upparbetad kunskap är arbetet med Socialt områdesarbete i Berga och i Lambohov, som omnämns i motionen. Forskning och utvecklingsenheten inom social sektor genomförde följeforskning med slutrapport december 2019, vilken är en del av den upparbetade kunskapen som nu används

Områdesteamens syfte är att med utgångspunkt i gemensamma nuläges- och målbilder förbättra ledning och samordning av kommunens insatser och samverkan med övriga aktörer. Detta som en del i arbetet med att tillgodose en ökad trygghet, gemenskap och förbättrad samverkan med civilsamhället och kommunen. Målet med områdesteamen är även att erbjuda social insatser som är förebyggande och kan ge grupper och individer bättre och tryggare levnadsvillkor samt förbättrade förutsättningar.

Under framtagandet av områdesteamens uppdrag har flera insikter och utmaningar identifierats, ett av dessa områden utgör målformulering. För att kunna definiera tydliga och uppföljningsbara effektmål behöver områdesteamen etablera en modell för utvärdering och uppföljning. Det arbetet sker med stöd av forskning och utvecklingsenheten (FoU) i dialog med social- och omsorgsförvaltningen samt Leanlink, Råd och stöd.

Ekonomiska konsekvenser

Etablering av områdesteam finansieras genom extra medel från kommunstyrelsen samt s.k. DELMOS-medel (delegationen mot segregation) samt genom redan pågående verksamhetsuppdrag inom Leanlink, Råd och stöd.

Kommunala mål

- Trygg och attraktiv kommun
- Attraktiv kommun
- Goda villkor för ett jämlikt, meningsfullt och hälsosamt liv
- Goda välfärdstjänster med hög tillgänglighet
- Hög egenförsörjningsgrad

Länk till kommunfullmäktiges övergripande mål

Jämställdhet

Den nya organisering som områdesteam innebär förväntas medföra positiva effekter ur ett jämställdhetsperspektiv som följd av den ökade representationen, tillgängligheten och synligheten i områdena.

Samråd

Dialog och samskapande har skett med Leanlink avseende handlingens innehåll. Leanlink tillstyrker förslag till svar.

Uppföljning och utvärdering

Framtagandet av uppföljningsmodell sker i samarbete med enheten för forskning och utveckling (FoU) där Social- och omsorgsförvaltningen samt Leanlink, Råd och stöd deltar. Det förväntas ske kvartal fyra (4) 2021.

Information eller förhandling enligt lag (1976:580) om medbestämmande i arbetslivet

MBL-information eller förhandling är inte påkallad."""

# Seed 004 from "Ärende" through the MBL section.
SON_TS_TEXT = """\
Ärende

I Åtgärdsplan mot Segregation, fastställd av kommundirektören i december 2020, presenterades 60 åtgärder för att motverka segregation, bidra till trygghet och vara brottsförebyggande. Kommunstyrelsen beslutade i mars 2021 att områdesteam skulle etableras i tre stadsdelar; Berga, Ryd och Skäggetorp med tillhörande geografiska områden samt att uppdrag gavs till social- och omsorgsnämnden att utforma ett utvecklingsuppdrag till Leanlink.

I juni 2021 beslutade nämnden att ge Leanlink, Råd och stöd ett utvecklingsuppdrag för att etablera områdesteam. Tillskapandet av områdesteam sker som en åtgärd inom ramen för kommunens arbete för att motverka segregation och som en del i det trygghetsskapande arbetet i de tre stadsdelarna med tillhörande geografiska områden. Vid Kommunstyrelsens, KS, sammanträde 2021-09-21 beslutades att utifrån de vägledande principer som anges i ”Utökat trygghetsarbete, uppdrag”, KS 2021-08-24, § 241, har ett förslag till fördelning av kommunstyrelsens utökade ram år 2021 om 3 miljoner kronor för satsningarna på trygghetsskapande åtgärder utarbetats. Enligt beslut i KS tilldelades social- och omsorgsnämnden 1 mnkr för att förstärka det nyupprättade områdesarbetet för trygghetsskapande åtgärder.

Insatserna som möjliggörs genom den tillfälligt utökade budgetramen ska betraktas som långsiktiga och inarbetas i kommunens budget för 2022 med plan för 2023-2027. Social- och omsorgsförvaltningen föreslår att Leanlink, Råd och stöd tilldelas 1 mnkr som utgör en tjänst med uppdrag att arbeta med stöd och metodutveckling samt förstärka inom befintligt inom Områdesteamen.

Beslutsunderlag:

Tjänsteskrivelse – Områdesteam utökning av medel 2021-10-31.docx

Bakgrund

I juni 2021 beslutade social- och omsorgsnämnden att ge Leanlink, Råd och stöd ett utvecklingsuppdrag som innebar att etablera Områdesteam i de tre stadsdelarna Berga, Ryd och Skäggetorp med tillhörande geografiska områden.

Etablering av Områdesteam var en av 60 aktiviteter i Åtgärdsplan mot segregation. Åtgärdsplanen fastställdes av kommundirektören i december 2020. Områdesteamen är en del av kommunens åtgärd i arbetet mot segregation och det trygghetsskapande arbetet.

Vid kommunstyrelsens sammanträde 2021-09-21 fattades beslut om utökad trygghetsarbete. Kommunstyrelsen utökade budgetramen för utökad trygghetsarbete med 3 mkr år 2021. Medlen fördelas till social- och omsorgsnämnden med 1 mkr och kultur- och fritidsnämnden med 0,5 mkr samt 1,5 mkr till kommunstyrelsen. Vidare framgår i beslutet från KS att insatserna som möjliggörs genom den tillfälligt utökade budgetramen ska betraktas som långsiktiga och inarbetas i kommunens budget för 2022 med plan för 2023-2027.

Ekonomiska konsekvenser

De utökade trygghetsskapande åtgärderna finansieras under 2021 med 3 miljoner kronor från kommunstyrelsens resursmedel. Social- och omsorgsnämnden tilldelas 1 miljon kronor av dessa resursmedel.

Kommunala mål

Ett attraktivt och tryggt Linköping

Länk till kommunfullmäktiges övergripande mål

Information eller förhandling enligt lag (1976:580) om medbestämmande i arbetslivet

MBL enligt 19 § kommer att ges 2021-11-08"""


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"- {line}" for line in lines)


# --- Documents -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalFact:
    to_body: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class DocumentFact:
    key: str
    """How paragraphs' beslutsunderlag refer to this document; not stored."""
    dnr: str
    kind: str
    title: str
    date: datetime.date
    unit: str | None = None
    text: str = ""
    authors: tuple[tuple[str, str], ...] = ()
    """(name, unit) in the order the document is signed."""
    proposals: tuple[ProposalFact, ...] = ()
    extract_of: ParagraphRef | None = None


OFFICIALS = (("Paul Håkansson", KLF), ("Linda Ljungqvist", SOF))

DOCUMENTS: tuple[DocumentFact, ...] = (
    DocumentFact(
        "mp-motion",
        MP_DNR,
        Document.Kind.MOTION,
        "Motion om att utöka den områdesbaserade socialtjänsten",
        date(2019, 3, 21),
        text=_bullets(MP_ATT_SATSER),
    ),
    DocumentFact(
        "mp-ts",
        MP_DNR,
        Document.Kind.OFFICER_REPORT,
        MP_TITLE,
        date(2021, 12, 17),
        unit=SOF,
        text=MP_TS_TEXT,
        authors=OFFICIALS,
        proposals=(
            ProposalFact("SON", (TILLSTYRKS_SOF,)),
            ProposalFact("KS", (TILLSTYRKS_SOF,)),
            ProposalFact("KF", (MP_ANSWER,)),
        ),
    ),
    DocumentFact(
        "mp-extract",
        MP_DNR,
        Document.Kind.EXTRACT,
        "Ojusterat protokollsutdrag social- och omsorgsnämnden 2022-02-16 § 2",
        date(2022, 2, 16),
        unit=SOF,
        extract_of=("SON", 2022, 2),
    ),
    DocumentFact(
        "s-motion",
        S_DNR,
        Document.Kind.MOTION,
        "Motion om områdesbaserat socialt arbete i hela kommunen",
        date(2020, 6, 16),
        text=_bullets(S_ATT_SATSER),
    ),
    DocumentFact(
        "s-ts",
        S_DNR,
        Document.Kind.OFFICER_REPORT,
        S_TITLE,
        date(2021, 12, 17),
        unit=SOF,
        text=S_TS_TEXT,
        authors=OFFICIALS,
        proposals=(
            ProposalFact("SON", (TILLSTYRKS_SOF,)),
            ProposalFact("KS", (TILLSTYRKS_SOF,)),
            ProposalFact("KF", (S_ANSWER,)),
        ),
    ),
    DocumentFact(
        "s-extract",
        S_DNR,
        Document.Kind.EXTRACT,
        "Ojusterat protokollsutdrag social- och omsorgsnämnden 2022-02-16, § 3",
        date(2022, 2, 16),
        unit=SOF,
        extract_of=("SON", 2022, 3),
    ),
    DocumentFact(
        "son-ts",
        SON_DNR,
        Document.Kind.OFFICER_REPORT,
        SON_TITLE,
        date(2021, 10, 31),
        unit=SOF,
        text=SON_TS_TEXT,
        authors=(("Linda Ljungqvist", SOF),),
        proposals=(ProposalFact("SON", (SON_FACT_POINT,)),),
    ),
)


# --- Paragraphs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class YrkandeFact:
    position: int
    kind: str
    target: str
    movers: tuple[str, ...]
    outcome: str
    target_body: str | None = None


@dataclass(frozen=True)
class PropositionFact:
    position: int
    alternatives: tuple[int, ...]
    """Yrkande positions, in the order the chair puts them."""
    finding: int


@dataclass(frozen=True)
class ParagraphFact:
    body: str
    date: datetime.date
    number: int
    title: str
    dnr: str
    arende_text: str
    decision_points: tuple[str, ...]
    proposals: tuple[ProposalFact, ...]
    basis: tuple[tuple[str, str], ...]
    """(document key, label exactly as the seed cites it)."""
    recipients: tuple[tuple[str, str | None], ...]
    """(name as written, body code when the recipient is a body)."""
    quotes: ParagraphRef | None = None
    yrkanden: tuple[YrkandeFact, ...] = ()
    propositions: tuple[PropositionFact, ...] = ()
    reservations: tuple[tuple[str, int], ...] = ()
    """(person, position of the yrkande reserved in favour of), in the seed's order."""

    @property
    def ref(self) -> ParagraphRef:
        return (self.body, self.date.year, self.number)


BIFALL = Yrkande.Kind.APPROVAL
CARRIED = Yrkande.Outcome.CARRIED
DEFEATED = Yrkande.Outcome.DEFEATED

SON_MEETING = date(2022, 2, 16)
KS_MEETING = date(2022, 3, 8)

PARAGRAPHS: tuple[ParagraphFact, ...] = (
    ParagraphFact(
        "SON",
        SON_MEETING,
        2,
        MP_TITLE,
        MP_DNR,
        MP_TS_ARENDE,
        decision_points=(TILLSTYRKS_SOF,),
        proposals=(ProposalFact("KS", (TILLSTYRKS_SOF,)), ProposalFact("KF", (MP_ANSWER,))),
        basis=(
            (
                "mp-ts",
                "Tjänsteskrivelse – Utöka den områdesbaserade socialtjänsten, svar på motion (MP) 2021-12-17",
            ),
            ("mp-motion", "Motionen"),
        ),
        recipients=(("Motionärerna", None), ("Kommunstyrelsen", "KS")),
    ),
    ParagraphFact(
        "SON",
        SON_MEETING,
        3,
        S_TITLE,
        S_DNR,
        S_TS_ARENDE,
        decision_points=(TILLSTYRKS_SOF,),
        proposals=(ProposalFact("KS", (TILLSTYRKS_SOF,)), ProposalFact("KF", (S_ANSWER,))),
        basis=(
            (
                "s-ts",
                "Tjänsteskrivelse – Områdesbaserat socialt arbete i hela kommunen, svar på motion (S), 2021-12-17",
            ),
            ("s-motion", "Bilaga - Motionen"),
        ),
        recipients=(("Motionären", None), ("Kommunstyrelsen", "KS")),
    ),
    ParagraphFact(
        "KS",
        KS_MEETING,
        59,
        MP_TITLE,
        MP_DNR,
        KS_59_ARENDE,
        decision_points=(TILLSTYRKS_SON,),
        proposals=(ProposalFact("KF", (MP_ANSWER,)),),
        quotes=("SON", 2022, 2),
        yrkanden=(
            YrkandeFact(
                1,
                BIFALL,
                Yrkande.Target.MOTION,
                ("Rebecka Hovenberg", "Ann-Charlott Bäckman"),
                DEFEATED,
            ),
            YrkandeFact(
                2,
                BIFALL,
                Yrkande.Target.PROPOSAL,
                ("Annika Krutzén",),
                CARRIED,
                target_body="SON",
            ),
        ),
        propositions=(PropositionFact(1, alternatives=(2, 1), finding=2),),
        reservations=(("Rebecka Hovenberg", 1), ("Ann-Charlott Bäckman", 1)),
        basis=(
            ("mp-extract", "Ojusterat protokollsutdrag social- och omsorgsnämnden 2022-02-16 § 2"),
            (
                "mp-ts",
                "Tjänsteskrivelse – Utöka den områdesbaserade socialtjänsten, svar på motion (MP) 2021-12-17",
            ),
            ("mp-motion", "Motionen"),
        ),
        recipients=(
            ("Kommunfullmäktige", "KF"),
            ("Motionärerna", None),
            ("Social- och omsorgsnämnden", "SON"),
        ),
    ),
    ParagraphFact(
        "KS",
        KS_MEETING,
        60,
        S_TITLE,
        S_DNR,
        KS_60_ARENDE,
        decision_points=(TILLSTYRKS_SON,),
        proposals=(ProposalFact("KF", (S_ANSWER,)),),
        quotes=("SON", 2022, 3),
        yrkanden=(
            YrkandeFact(
                1,
                BIFALL,
                Yrkande.Target.MOTION,
                ("Ann-Charlott Bäckman", "Rebecka Hovenberg"),
                DEFEATED,
            ),
            YrkandeFact(
                2,
                BIFALL,
                Yrkande.Target.PROPOSAL,
                ("Annika Krutzén",),
                CARRIED,
                target_body="SON",
            ),
        ),
        propositions=(PropositionFact(1, alternatives=(2, 1), finding=2),),
        reservations=(("Ann-Charlott Bäckman", 1), ("Rebecka Hovenberg", 1)),
        basis=(
            ("s-extract", "Ojusterat protokollsutdrag social- och omsorgsnämnden 2022-02-16, § 3"),
            (
                "s-ts",
                "Tjänsteskrivelse – Områdesbaserat socialt arbete i hela kommunen, svar på motion (S), 2021-12-17",
            ),
            ("s-motion", "Motionen"),
        ),
        recipients=(
            ("Kommunfullmäktige", "KF"),
            ("Motionären", None),
            ("Social- och omsorgsnämnden", "SON"),
        ),
    ),
)


# --- Referrals -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferralFact:
    dnr: str
    from_body: str
    to_body: str
    purpose: str
    sent_on: datetime.date
    answered_by: ParagraphRef
    due_on: datetime.date | None = None


BEREDNING = Referral.Purpose.PREPARATION
YTTRANDE = Referral.Purpose.OPINION

REFERRALS: tuple[ReferralFact, ...] = (
    ReferralFact(MP_DNR, "KF", "KS", BEREDNING, date(2019, 4, 23), ("KS", 2022, 59)),
    ReferralFact(
        MP_DNR, "KS", "SON", YTTRANDE, date(2019, 4, 26), ("SON", 2022, 2), date(2019, 9, 30)
    ),
    ReferralFact(S_DNR, "KF", "KS", BEREDNING, date(2020, 8, 25), ("KS", 2022, 60)),
    ReferralFact(
        S_DNR, "KS", "SON", YTTRANDE, date(2020, 8, 28), ("SON", 2022, 3), date(2020, 11, 30)
    ),
)
