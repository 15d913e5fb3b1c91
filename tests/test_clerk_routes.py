"""Every page of the clerk workspace, route by route (one table, as Councilmatic's test_routes).

On the demo, with what a clerk would have in front of her: a planned KS meeting with an agenda,
an ojusterad KS paragraph for the editor and an unanswered referral to KS. Each page answers
the right role with 200 and its heading, sends anonymous users to the login page and turns
SON's nämndsekreterare away with 403; each is one well-formed page (one h1, no duplicate ids).
The browser check (tests/browser/test_clerk_axe.py) visits the same table.
"""

import datetime
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

from decisions import services as content
from decisions import services as debate
from decisions import services as meeting_services
from decisions.models import Attendance, Meeting, Paragraph
from motions.models import Case, Referral, Registry
from organisation.models import Body, ClerkAssignment, Person

from .factories import MeetingFactory, ParagraphFactory

D = datetime.date
LOGIN = "/konto/logga-in/"
PASSWORD = "sekreterare-ks-2022"

# Roles: "sekr" = KS nämndsekreterare, "reg" = KS registrator, "both" = one login with both.
# son: what SON's nämndsekreterare gets. The remiss page is open to every body's nämndsekreterare
# (she sends from her own body; the form offers only hers), and her own workspace is hers.
ROUTES: list[tuple[str, str, str, str, int]] = [
    # (name, path, role, h1, son)
    ("workspace", "/arbetsyta/", "both", "Min arbetsyta", 200),
    ("register_case_form", "/arbetsyta/arenden/nytt/", "reg", "Registrera ärende", 403),
    ("register_motion", "/arbetsyta/motioner/ny/", "reg", "Registrera motion", 403),
    ("refer_case", "/arbetsyta/arenden/{case}/remiss/", "sekr", "Skicka remiss: KS 2019-295", 200),
    (
        "incoming_referrals",
        "/arbetsyta/organ/ks/remisser/",
        "sekr",
        "Remisser till kommunstyrelsen",
        403,
    ),
    (
        "answer_referral",
        "/arbetsyta/remisser/{referral}/besvara/",
        "sekr",
        "Besvara remiss: KS 2020-493",
        403,
    ),
    (
        "create_meeting",
        "/arbetsyta/organ/ks/sammantraden/nytt/",
        "sekr",
        "Nytt sammanträde – Kommunstyrelsen",
        403,
    ),
    (
        "prepare_meeting",
        "/arbetsyta/organ/ks/sammantraden/2022-04-05/",
        "sekr",
        "Kommunstyrelsen 2022-04-05",
        403,
    ),
    ("edit_paragraph", "/arbetsyta/organ/ks/2022/70/", "sekr", "§ 70", 403),
]
IDS = [route[0] for route in ROUTES]


@dataclass
class ClerkWorld:
    """The demo plus what the clerk pages need, and the logins that use them."""

    secretary: User
    registrator: User
    clerk: User  # KS nämndsekreterare and registrator in one login (the browser check's)
    son_secretary: User
    case: Case
    referral: Referral
    planned: Meeting
    paragraph: Paragraph

    def url(self, path: str) -> str:
        return path.format(case=self.case.slug, referral=self.referral.pk)

    def user(self, role: str) -> User:
        return {"sekr": self.secretary, "reg": self.registrator, "both": self.clerk}[role]


def _assign(user: User, role: str, code: str) -> None:
    target = (
        {"registry": Registry.objects.get(code=code)}
        if role == ClerkAssignment.Role.REGISTRATOR
        else {"body": Body.objects.get(code=code)}
    )
    ClerkAssignment.objects.create(user=user, role=role, starts_on=D(2019, 1, 1), **target)


def login(username: str, *roles: tuple[str, str]) -> User:
    user = User.objects.create_user(username, password=PASSWORD, first_name="Sekreterare")
    for role, code in roles:
        _assign(user, role, code)
    return user


def person(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


def build_clerk_world() -> ClerkWorld:
    """Add to the loaded demo: a planned KS meeting, an ojusterad KS paragraph, a referral."""
    secretary, registrator = ClerkAssignment.Role.SECRETARY, ClerkAssignment.Role.REGISTRATOR
    ks = Body.objects.get(code="KS")
    justerat = Meeting.objects.get(body=ks, date=D(2022, 3, 8))
    case = Case.objects.get(dnr="KS 2019-295")

    planned = meeting_services.create_meeting(
        body=ks, date=D(2022, 4, 5), chair=justerat.chair, place="Stadshuset"
    )
    meeting_services.add_paragraph(meeting=planned, title="Information från kommundirektören")
    meeting_services.add_paragraph(meeting=planned, title="Delegationsbeslut")

    # KS 2022-04-12 § 70, held, with the 2022-03-08 meeting's attendance: the editor has people
    # to choose among for yrkanden, jäv and notes.
    held = MeetingFactory(
        body=ks, date=D(2022, 4, 12), chair=justerat.chair, status=Meeting.Status.HELD
    )
    for row in justerat.attendance.all():
        Attendance.objects.create(
            meeting=held,
            kind=row.kind,
            person=row.person,
            name=row.name,
            replaces=row.replaces,
            from_number=row.from_number,
            to_number=row.to_number,
        )
    paragraph = ParagraphFactory(meeting=held, number=70, title=case.title, case=case)
    content.add_decision_point(paragraph=paragraph, text="Motionen anses besvarad.")
    debate.save_yrkande(
        paragraph=paragraph,
        kind="bifall",
        target="motion",
        movers=[person("Rebecka Hovenberg")],
    )

    referral = Referral.objects.create(
        case=Case.objects.get(dnr="KS 2020-493"),
        from_body=Body.objects.get(code="KF"),
        to_body=ks,
        purpose=Referral.Purpose.OPINION,
        sent_on=D(2022, 3, 1),
        due_on=D(2022, 3, 31),
    )
    return ClerkWorld(
        secretary=login("sekr-ks", (secretary, "KS")),
        registrator=login("reg-ks", (registrator, "KS")),
        clerk=login("clerk-ks", (secretary, "KS"), (registrator, "KS")),
        son_secretary=login("sekr-son", (secretary, "SON")),
        case=case,
        referral=referral,
        planned=planned,
        paragraph=paragraph,
    )


@pytest.fixture
def world(demo) -> ClerkWorld:
    return build_clerk_world()


# --- The page's structure --------------------------------------------------------------------


class Structure(HTMLParser):
    """The h1 headings' text and every id attribute of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.ids: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.extend(value or "" for name, value in attrs if name == "id")
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data

    @property
    def duplicate_ids(self) -> list[str]:
        return sorted({i for i in self.ids if self.ids.count(i) > 1})


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


# --- Route by route --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "path", "role", "h1", "son"), ROUTES, ids=IDS)
def test_the_right_clerk_gets_the_page(client, world, name, path, role, h1, son):
    client.force_login(world.user(role))
    response = client.get(world.url(path))
    assert response.status_code == 200, name
    page = structure(response.content.decode())
    assert len(page.h1) == 1, f"{name}: {page.h1}"
    assert h1 in " ".join(page.h1[0].split()), f"{name}: {page.h1}"
    assert page.duplicate_ids == [], name


@pytest.mark.parametrize(("name", "path", "role", "h1", "son"), ROUTES, ids=IDS)
def test_anonymous_users_are_sent_to_the_login_page(client, world, name, path, role, h1, son):
    url = world.url(path)
    response = client.get(url)
    assert response.status_code == 302, name
    assert response["Location"].startswith(f"{LOGIN}?next=")


@pytest.mark.parametrize(("name", "path", "role", "h1", "son"), ROUTES, ids=IDS)
def test_sons_secretary_is_turned_away_from_ks(client, world, name, path, role, h1, son):
    client.force_login(world.son_secretary)
    response = client.get(world.url(path))
    assert response.status_code == son, name
    html = response.content.decode()
    if son == 403:
        assert "Du har inte behörighet till sidan" in html
    else:
        assert "Kommunstyrelsen" not in "".join(structure(html).h1)


def test_the_remiss_page_offers_son_only_its_own_body(client, world):
    client.force_login(world.son_secretary)
    response = client.get(world.url("/arbetsyta/arenden/{case}/remiss/"))
    assert list(response.context["form"].fields["from_body"].queryset) == [
        Body.objects.get(code="SON")
    ]
