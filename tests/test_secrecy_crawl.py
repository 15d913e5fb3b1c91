"""Secrecy, proven by crawling: a secret case and a secret paragraph never show outside their body.

A secret KS case (a motion, with a document, an att-sats and remisser to SON) and a secret KS
paragraph carry made-up words in their titles and texts. Every public output is crawled for
those words — each URL pattern filled in as ``tests/test_routes.py`` fills it, then the links
found on the pages, breadth first and bounded — pages, search, feeds, calendars, CSV and PDFs
(their text extracted): as the public, and as SON's nämndsekreterare, whose workspace holds the
case in its incoming remisser and among the cases ready for its next meeting. Neither finds a
word. KS's own nämndsekreterare does find them on the case and paragraph pages and in the
extract, so the crawl can see what it looks for.
"""

import datetime
import io
import re
from collections import deque
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone
from pypdf import PdfReader

from decisions.models import Attendance, DecisionPoint, Meeting, MeetingAdjuster, Paragraph
from decisions.services.justering import approve_protocol
from decisions.services.meetings import create_meeting
from decisions.services.notices import post_notice
from motions.models import AttSats, Case, Document, Motionar, Referral, Registry
from organisation.models import Body, Party, Person

from .factories import CaseFactory, MeetingFactory, MotionFactory, ParagraphFactory
from .roles import secretary
from .test_clerk_routes import build_clerk_world
from .test_routes import Demo, fill, patterns, routes

# Two made-up words in every title and text of each secret: a search page repeats what was
# searched for, so there a leak shows by the word that was not asked for.
CASE_WORDS = ("zwirblund", "pleska")  # the secret case: title, document, att-sats, its § 81
PARAGRAPH_WORDS = ("qarnvik", "vrelmstad")  # the secret § 80: title, ärende, decision
WORDS = CASE_WORDS + PARAGRAPH_WORDS

MAX_PAGES = 260  # per crawl: the patterns and the secret's own URLs, then links found
# Links found are followed to at most this many pages of one URL pattern: the register's facets
# and the people's pages would otherwise take most of the time and show nothing new.
MAX_PER_PATTERN = 4
SKIP = ("/admin/", "/static/", "/media/", "/konto/logga-ut/")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Extracts stored at justering go to a temporary folder, not the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def build_secrets() -> dict:
    """The secret case and paragraph, in KS's justerat protocol of ten days ago (on the notice
    board, in the feeds), with remisser to SON and a SON meeting ahead that they wait for."""
    ks, son, kf = (Body.objects.get(code=code) for code in ("KS", "SON", "KF"))
    today = timezone.localdate()
    template = Meeting.objects.get(body=ks, date=datetime.date(2022, 3, 8))
    case = CaseFactory(
        registry=Registry.objects.get(code="KS"),
        year=today.year,
        serial=9001,
        kind=Case.Kind.MOTION,
        title="Motion om Zwirblundbron vid Pleskaån",
        registered_on=today - datetime.timedelta(days=60),
        responsible_body=ks,
        is_secret=True,
    )
    motion = MotionFactory(
        case=case,
        dated_on=today - datetime.timedelta(days=61),
        raised_at=Meeting.objects.filter(body=kf).order_by("date").first(),
    )
    Motionar.objects.create(
        motion=motion,
        person=Person.objects.get(first_name="Maria", last_name="Moraes"),
        party=Party.objects.get(abbreviation="MP"),
        position=1,
    )
    AttSats.objects.create(motion=motion, position=1, text="att Zwirblundbron vid Pleskaån byggs")
    document = Document.objects.create(
        case=case,
        kind=Document.Kind.OPINION,
        title="Yttrande om Zwirblundbron vid Pleskaån",
        date=today - datetime.timedelta(days=30),
    )

    meeting = MeetingFactory(
        body=ks,
        date=today - datetime.timedelta(days=10),
        chair=template.chair,
        status=Meeting.Status.HELD,
    )
    for row in template.attendance.all():
        Attendance.objects.create(meeting=meeting, kind=row.kind, person=row.person, name=row.name)
    # A public case with a secret §: the case page lists the § by its neutral title.
    land = CaseFactory(
        registry=Registry.objects.get(code="KS"),
        year=today.year,
        serial=9002,
        title="Markfrågor",
        registered_on=today - datetime.timedelta(days=60),
        responsible_body=ks,
    )
    secret = ParagraphFactory(
        meeting=meeting,
        case=land,
        number=80,
        title="Förvärv av Qarnviktomten i Vrelmstad",
        arende_text="Kommunen förhandlar om Qarnviktomten i Vrelmstad.",
        is_secret=True,
    )
    DecisionPoint.objects.create(
        paragraph=secret, position=1, text="Qarnviktomten i Vrelmstad förvärvas."
    )
    on_case = ParagraphFactory(
        meeting=meeting,
        number=81,
        title="Svar på motion om Zwirblundbron vid Pleskaån",
        arende_text="Motionen om Zwirblundbron vid Pleskaån bereds.",
        case=case,
    )
    DecisionPoint.objects.create(
        paragraph=on_case, position=1, text="Zwirblundbron vid Pleskaån utreds."
    )
    public = ParagraphFactory(meeting=meeting, number=82, title="Information om budgeten")
    DecisionPoint.objects.create(paragraph=public, position=1, text="Informationen noteras.")
    for person in template.adjusters.all():
        MeetingAdjuster.objects.create(meeting=meeting, person=person)
    for person in (template.chair, *template.adjusters.all()):
        approve_protocol(meeting=meeting, person=person, at=timezone.now())
    post_notice(meeting=meeting, posted_on=today, kept_at="Stadshuset")

    Referral.objects.create(
        case=case,
        from_body=kf,
        to_body=ks,
        purpose=Referral.Purpose.PREPARATION,
        sent_on=case.registered_on,
        answered_by_paragraph=on_case,
    )
    Referral.objects.create(
        case=case,
        from_body=ks,
        to_body=son,
        purpose=Referral.Purpose.OPINION,
        sent_on=today - datetime.timedelta(days=50),
        answered_by_document=document,
    )
    waiting = Referral.objects.create(
        case=case,
        from_body=ks,
        to_body=son,
        purpose=Referral.Purpose.OPINION,
        sent_on=today - datetime.timedelta(days=5),
        due_on=today + datetime.timedelta(days=25),
    )
    planned = create_meeting(body=son, date=today + datetime.timedelta(days=20), place="Stadshuset")
    return {
        "case": case,
        "land": land,
        "meeting": meeting,
        "waiting": waiting,
        "son_meeting": planned,
    }


def secret_urls(s: dict) -> list[str]:
    """The secret's own addresses, and searches for its words, for the crawl to start from."""
    case, meeting = s["case"], s["meeting"]
    day = meeting.date.isoformat()
    son_day = s["son_meeting"].date.isoformat()
    paragraphs = [f"/organ/ks/{meeting.date.year}/{n}/" for n in (80, 81, 82)]
    searches = ["zwirblundbron", "Pleskaån", "qarnviktomten", "Vrelmstad"]
    return [
        case.get_absolute_url(),
        f"/arenden/{case.slug}/flode/",
        s["land"].get_absolute_url(),
        f"/arenden/{s['land'].slug}/flode/",
        *paragraphs,
        *(p + "utdrag.pdf" for p in paragraphs),
        f"/organ/ks/sammantraden/{day}/",
        f"/organ/ks/sammantraden/{day}/protokoll/",
        f"/organ/ks/sammantraden/{day}/protokoll.pdf",
        f"/organ/ks/sammantraden/{day}/anslag.pdf",
        "/organ/ks/sammantraden.ics",
        "/organ/ks/flode/",
        "/beslut/flode/",
        "/anslagstavla/",
        *(f"/sok/?q={q}" for q in searches),
        *(f"/motioner/?q={q}" for q in searches[:2]),
        "/motioner/obesvarade/?datum=2100-01-01",
        "/motioner/obesvarade.csv?datum=2100-01-01",
        "/arbetsyta/",
        "/arbetsyta/organ/son/remisser/",
        f"/arbetsyta/remisser/{s['waiting'].pk}/besvara/",
        f"/arbetsyta/arenden/{case.slug}/remiss/",
        f"/arbetsyta/organ/son/sammantraden/{son_day}/",
    ]


def pattern_urls(d: Demo) -> list[str]:
    """Every URL pattern outside the admin, filled in as ``tests/test_routes.py`` does."""
    table = routes(d)
    return [
        fill(pattern, dict(table[pattern].kwargs))
        for pattern, _name, _resolver in patterns()
        if not pattern.startswith("admin/") and pattern in table
    ]


# --- The crawl -------------------------------------------------------------------------------

HREF = re.compile(r"""href=["']([^"'#]+)""")


def text_of(response) -> str:
    """What a response says, lower-cased: a PDF's extracted text, else its decoded body
    (markup included: a word in an attribute or an option is as leaked as one in the text)."""
    if response["Content-Type"].startswith("application/pdf"):
        content = b"".join(response.streaming_content) if response.streaming else response.content
        reader = PdfReader(io.BytesIO(content))
        return " ".join(page.extract_text() for page in reader.pages).lower()
    return response.content.decode(errors="replace").lower()


def links(response) -> list[str]:
    if not response["Content-Type"].startswith("text/html"):
        return []
    return [href.replace("&amp;", "&") for href in HREF.findall(response.content.decode())]


def crawl(
    client: Client, start: Iterable[str], follow: bool = True
) -> tuple[dict[str, set[str]], int]:
    """Breadth first from ``start`` (and the links found, if ``follow``): the words found, per
    URL, and how many pages answered."""
    queue, seen, per_pattern = deque(), set(), {}
    found: dict[str, set[str]] = {}
    answered = 0

    def add(url: str, found_on_page: bool = True) -> None:
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
            return
        if found_on_page and parts.path.endswith(".pdf"):
            # A PDF takes ten pages' time. The secret meeting's and paragraphs' own PDFs are in
            # ``start``; the demo's other meetings, rendered by the same code, hold no secret.
            return
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url in seen:
            return
        if found_on_page:
            try:
                pattern = resolve(parts.path).route
            except Resolver404:
                return
            per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
            if per_pattern[pattern] > MAX_PER_PATTERN:
                return
        seen.add(url)
        queue.append(url)

    for url in start:
        add(url, found_on_page=False)
    # The starting URLs always go in; only the links found are bounded.
    limit = max(MAX_PAGES, len(queue))
    while queue and answered < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        answered += 1
        text = text_of(response)
        asked = " ".join(parse_qs(urlsplit(url).query).get("q", [])).lower()
        hits = {word for word in WORDS if word in text and word not in asked}
        if hits:
            found[url] = hits
        for link in links(response) if follow else ():
            add(link)
    return found, answered


@pytest.fixture
def world(demo):
    d = Demo(
        world=build_clerk_world(),
        person=Person.objects.get(first_name="Maria", last_name="Moraes"),
        party=Party.objects.get(abbreviation="MP"),
        paragraph=Paragraph.objects.get(body__code="KS", year=2022, number=59),
    )
    return d, build_secrets()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_nothing_secret_reaches_the_public_or_another_bodys_clerk(world):
    d, secrets = world
    start = [*secret_urls(secrets), *pattern_urls(d)]
    for who, user in (("public", None), ("SON's clerk", secretary("SON", "sekr-son-2"))):
        found, answered = crawl(client_for(user), start)
        assert answered > 60, who
        assert found == {}, f"{who} sees secret words: {found}"


def test_the_owning_bodys_clerk_sees_them(world):
    """The crawl's eyes work: KS's nämndsekreterare reads the words in pages and in a PDF."""
    _d, secrets = world
    urls = secret_urls(secrets)
    found, _answered = crawl(client_for(secretary("KS", "sekr-ks-2")), urls[:10], follow=False)
    year = secrets["meeting"].date.year
    assert found[secrets["case"].get_absolute_url()] >= set(CASE_WORDS)
    assert found[f"/organ/ks/{year}/80/"] == set(PARAGRAPH_WORDS)
    assert found[f"/organ/ks/{year}/80/utdrag.pdf"] == set(PARAGRAPH_WORDS)
    assert found[f"/organ/ks/{year}/81/utdrag.pdf"] == set(CASE_WORDS)


def test_unmarked_the_public_finds_them(world):
    """Without the secrecy marks, the public crawl finds the words in every kind of output:
    what the first test does not find is hidden, not out of its reach."""
    _d, secrets = world
    Case.objects.filter(pk=secrets["case"].pk).update(is_secret=False)
    Paragraph.objects.filter(meeting=secrets["meeting"]).update(is_secret=False)
    urls = secret_urls(secrets)
    found, _answered = crawl(client_for(None), urls, follow=False)
    # Not there: a § that is not the secret's, outputs that name no §, the clerk's pages.
    silent = ("/82/", "anslag", ".ics", "/arbetsyta/")
    assert set(found) == {url for url in urls if not any(s in url for s in silent)}
    assert found["/beslut/flode/"] == set(WORDS)


def test_a_secret_case_put_on_another_bodys_agenda_gets_the_neutral_title(world, client):
    """SON's clerk lists the case ready for SON's meeting by its Dnr; put on the agenda without
    a title of the clerk's own, the § is "Sekretessbelagt ärende", not the case's title."""
    _d, secrets = world
    client.force_login(secretary("SON", "sekr-son-3"))
    day = secrets["son_meeting"].date.isoformat()
    response = client.post(
        f"/arbetsyta/organ/son/sammantraden/{day}/dagordning/arende/",
        {"case": secrets["case"].pk, "case_title": ""},
    )
    assert response.status_code == 303
    paragraph = Paragraph.objects.get(meeting=secrets["son_meeting"], case=secrets["case"])
    assert paragraph.title == Case.SECRET_TITLE
