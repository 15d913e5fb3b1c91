"""What the public sees of drafts and of confidential paragraphs (docs/decisions/0011-roles.md).

A. A paragraph of a meeting still "planerat" is a draft. Its number, title and Dnr stand on the
   public föredragningslista; its content (decision, yrkanden, reservations) is read only by
   staff, the body's nämndsekreterare and the förtroendevalda with a seat in the body today.
   Once the meeting is marked "genomfört" the public reads it. Pages listing several bodies
   (search, person, party, feeds, the start page) never list a draft.
B. Pages showing one body's material — the extract and protocol PDFs, the case page — let that
   body's members and nämndsekreterare read its confidential paragraphs and secret cases.

The draft is built with the clerk's services: KS's meeting a month from today with one
paragraph on a case, a decision point, an attendance, a yrkande and a reservation.
"""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from decisions.access import may_see_draft
from decisions.models import Meeting, Paragraph
from decisions.services.agenda import add_paragraph
from decisions.services.attendance import Presence, set_attendance
from decisions.services.content import add_decision_point
from decisions.services.meetings import create_meeting
from decisions.services.reservations import add_reservation
from decisions.services.yrkanden import save_yrkande
from motions.models import Case
from organisation.models import Account, Body, Membership, Party, Person
from portal.templatetags.people import party_url, person_url

from .factories import CaseFactory, PersonFactory, free_day
from .roles import secretary
from .text import visible_text

D = datetime.date

TITLE = "Gångbro över Ekängsbäcken"
DECISION = "Kommunstyrelsen beslutar att gångbron byggs under hösten."
YRKANDE = "att gångbron byggs av trä"
RESERVATION = "Tora Ekängsdotter (S) reserverar sig mot beslutet."
SEARCH_WORD = "gångbron"
DRAFT_NOTE = "Paragrafen är ett utkast till sammanträdet"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Extracts stored at justering go to a temporary folder, not the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


# --- People ------------------------------------------------------------------------------------


def seat_today(person: Person, code: str) -> None:
    Membership.objects.create(
        person=person,
        body=Body.objects.get(code=code),
        role=Membership.Role.MEMBER,
        party=Party.objects.get(abbreviation="S"),
        starts_on=timezone.localdate() - datetime.timedelta(days=30),
    )


def login_for(person: Person, username: str) -> User:
    user = User.objects.create_user(username, password="x")
    Account.objects.create(user=user, person=person)
    return user


def member(code: str, username: str) -> User:
    person = PersonFactory()
    seat_today(person, code)
    return login_for(person, username)


# --- The draft ---------------------------------------------------------------------------------


@pytest.fixture
def draft(demo) -> Paragraph:
    ks = Body.objects.get(code="KS")
    case = CaseFactory(title=TITLE, responsible_body=ks)
    meeting = create_meeting(
        body=ks,
        date=free_day(ks, timezone.localdate() + datetime.timedelta(days=30)),
        place="Stadshuset",
    )
    paragraph = add_paragraph(meeting=meeting, case=case)
    add_decision_point(paragraph=paragraph, text=DECISION)
    mover = PersonFactory(first_name="Tora", last_name="Ekängsdotter")
    seat_today(mover, "KS")
    set_attendance(
        meeting=meeting, members=[Presence(mover)], serving=[], substitutes=[], others=[]
    )
    save_yrkande(
        paragraph=paragraph,
        kind="tillagg",
        target="egen_text",
        text=YRKANDE,
        movers=[mover],
    )
    add_reservation(paragraph=paragraph, person=mover)
    return Paragraph.objects.select_related("meeting__body", "body", "case").get(pk=paragraph.pk)


def hold(paragraph: Paragraph) -> None:
    """The meeting has been held: the clerk marked it genomfört."""
    Meeting.objects.filter(pk=paragraph.meeting_id).update(status=Meeting.Status.HELD)


def viewers() -> dict[str, User | None]:
    """The public, KS's own people, and another body's förtroendevald."""
    return {
        "public": None,
        "ks_member": member("KS", "ks-ledamot"),
        "ks_secretary": secretary("KS", "ks-sekr"),
        "son_member": member("SON", "son-ledamot"),
    }


SEES = {"public": False, "ks_member": True, "ks_secretary": True, "son_member": False}


def as_(client, user: User | None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return visible_text(response)


def paragraph_url(p: Paragraph) -> str:
    return p.get_absolute_url()


def meeting_url(p: Paragraph, name: str = "meeting") -> str:
    return reverse(f"decisions:{name}", args=[p.body.slug, p.meeting.date.isoformat()])


def extract_url(p: Paragraph) -> str:
    return reverse("decisions:extract_pdf", args=[p.body.slug, p.year, p.number])


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


# --- A. Drafts: the permission -----------------------------------------------------------------


def test_view_draft_follows_the_seat_and_the_clerk_role(draft):
    ks, son = draft.body, Body.objects.get(code="SON")
    people = viewers()
    assert may_see_draft(people["ks_member"], ks)
    assert may_see_draft(people["ks_secretary"], ks)
    assert not may_see_draft(people["son_member"], ks)
    assert not may_see_draft(people["ks_member"], son)
    assert may_see_draft(User.objects.create_user("staff", is_staff=True), ks)
    inactive = member("KS", "inaktiv")
    inactive.is_active = False
    inactive.save()
    assert not may_see_draft(inactive, ks)


# --- A. The paragraph page ---------------------------------------------------------------------


def test_the_paragraph_page_of_a_draft(client, draft):
    for who, user in viewers().items():
        text = page(as_(client, user), paragraph_url(draft))
        assert TITLE in text, who
        assert (DECISION in text) is SEES[who], who
        assert (YRKANDE in text) is SEES[who], who
        assert (DRAFT_NOTE in text) is not SEES[who], who
    public = page(as_(client, None), paragraph_url(draft))
    day = draft.meeting.date.isoformat()
    assert f"§ {draft.number} {TITLE}" in public
    assert f"Dnr {draft.case.dnr}" in public
    assert (
        f"Paragrafen är ett utkast till sammanträdet {day} och publiceras när sammanträdet "
        "har hållits." in public
    )


def test_the_paragraph_page_once_the_meeting_is_held(client, draft):
    hold(draft)
    text = page(client, paragraph_url(draft))
    assert DECISION in text
    assert YRKANDE in text
    assert DRAFT_NOTE not in text


# --- A. The meeting page and the protocol page -------------------------------------------------


def test_the_meeting_page_lists_the_agenda_for_everyone(client, draft):
    for who, user in viewers().items():
        text = page(as_(client, user), meeting_url(draft))
        assert f"§ {draft.number} {TITLE}" in text, who
        assert f"Dnr {draft.case.dnr}" in text, who
        assert DECISION not in text, who  # the meeting page never shows content
    public = page(as_(client, None), meeting_url(draft))
    assert "publiceras när sammanträdet har hållits" in public


def test_the_protocol_page_of_a_planned_meeting(client, draft):
    for who, user in viewers().items():
        text = page(as_(client, user), meeting_url(draft, "protocol"))
        assert TITLE in text, who
        assert (DECISION in text) is SEES[who], who
        assert (YRKANDE in text) is SEES[who], who
        assert (RESERVATION in text) is SEES[who], who
    hold(draft)
    text = page(as_(client, None), meeting_url(draft, "protocol"))
    assert DECISION in text
    assert YRKANDE in text


# --- A. The PDFs -------------------------------------------------------------------------------


def test_the_extract_pdf_of_a_draft(client, draft):
    for who, user in viewers().items():
        response = as_(client, user).get(extract_url(draft))
        if SEES[who]:
            assert response.status_code == 200, who
            assert "gångbron byggs under hösten" in pdf_text(response.content)
        else:
            assert response.status_code == 404, who
            assert DECISION not in response.content.decode(errors="replace")
    hold(draft)
    response = as_(client, None).get(extract_url(draft))
    assert response.status_code == 200
    assert "gångbron byggs under hösten" in pdf_text(response.content)


def test_the_protocol_pdf_of_a_planned_meeting_is_404_for_the_public(client, draft):
    url = meeting_url(draft, "protocol_pdf")
    for who, user in viewers().items():
        response = as_(client, user).get(url)
        if SEES[who]:
            assert response.status_code == 200, who
            assert "gångbron byggs under hösten" in pdf_text(response.content)
        else:
            assert response.status_code == 404, who
    hold(draft)
    response = as_(client, None).get(url)
    assert response.status_code == 200
    assert "gångbron byggs under hösten" in pdf_text(response.content)


# --- A. The case page --------------------------------------------------------------------------


def test_the_case_page_shows_a_draft_by_title_and_meeting(client, draft):
    url = draft.case.get_absolute_url()
    day = draft.meeting.date.isoformat()
    for who, user in viewers().items():
        text = page(as_(client, user), url)
        assert f"Kommunstyrelsen {day} § {draft.number}" in text, who
        assert (DECISION in text) is SEES[who], who
        assert (YRKANDE in text) is SEES[who], who
    public = page(as_(client, None), url)
    assert f"Kommunstyrelsen {day} § {draft.number} {TITLE}" in public
    assert "publiceras när sammanträdet har hållits" in public
    hold(draft)
    public = page(as_(client, None), url)
    assert DECISION in public
    assert "publiceras när sammanträdet har hållits" not in public


# --- A. Pages listing several bodies: search, person, party, feeds, start, body ----------------


def search_links(client, word: str) -> str:
    response = client.get(reverse("portal:search"), {"q": word})
    assert response.status_code == 200
    return response.content.decode()


def test_a_draft_is_not_searchable(client, draft):
    # Not by its decision, nor by its title; for staff neither: search shows the public record.
    staff = User.objects.create_user("staff", is_staff=True)
    for user in (None, staff, viewers()["ks_member"]):
        html = search_links(as_(client, user), SEARCH_WORD)
        assert paragraph_url(draft) not in html
        assert paragraph_url(draft) not in search_links(client, "Ekängsbäcken")
    hold(draft)
    assert paragraph_url(draft) in search_links(as_(client, None), SEARCH_WORD)
    assert paragraph_url(draft) in search_links(client, "Ekängsbäcken")


def test_person_and_party_pages_never_list_a_draft(client, draft):
    mover = Person.objects.get(last_name="Ekängsdotter")
    person = person_url(mover)
    party = party_url(Party.objects.get(abbreviation="S"))
    staff = User.objects.create_user("staff", is_staff=True)
    for user in (None, staff, login_for(mover, "tora")):
        as_(client, user)
        text = page(client, person)
        assert YRKANDE not in text
        assert RESERVATION not in text
        assert RESERVATION not in page(client, party)
    hold(draft)
    as_(client, None)
    text = page(client, person)
    assert YRKANDE in text
    assert RESERVATION in text
    assert RESERVATION in page(client, party)


def test_feeds_and_the_start_page_carry_no_draft(client, draft):
    # Even a draft wrongly marked justerad stays out: feeds and the start page read published().
    Paragraph.objects.filter(pk=draft.pk).update(status=Paragraph.Status.JUSTERAD)
    urls = [
        reverse("decisions:feed_all"),
        reverse("decisions:feed_body", args=["ks"]),
        reverse("portal:case_feed", args=[draft.case.slug]),
        reverse("portal:home"),
        reverse("decisions:body", args=["ks"]),
    ]
    for url in urls:
        assert paragraph_url(draft) not in client.get(url).content.decode(), url
    for url in (reverse("portal:home"), reverse("decisions:body", args=["ks"])):
        assert TITLE not in page(client, url), url
    hold(draft)
    for url in urls:
        assert paragraph_url(draft) in client.get(url).content.decode(), url


def test_feeds_carry_a_held_paragraph_only_once_justerad(client, draft):
    hold(draft)
    assert paragraph_url(draft) not in client.get(reverse("decisions:feed_all")).content.decode()
    assert paragraph_url(draft) not in client.get(reverse("portal:home")).content.decode()


# --- B. Confidential paragraphs and secret cases on one body's pages ---------------------------

SECRET_WORDS = "Områdesbaserat socialt arbete"


@pytest.fixture
def secret_p60(demo) -> Paragraph:
    Paragraph.objects.filter(body__code="KS", year=2022, number=60).update(is_secret=True)
    return Paragraph.objects.select_related("meeting", "body").get(
        body__code="KS", year=2022, number=60
    )


def test_the_extract_pdf_of_a_confidential_paragraph(client, secret_p60):
    for who, user in viewers().items():
        response = as_(client, user).get(extract_url(secret_p60))
        if SEES[who]:
            assert response.status_code == 200, who
            assert SECRET_WORDS in pdf_text(b"".join(response.streaming_content)), who
        else:
            assert response.status_code == 403, who
            assert SECRET_WORDS not in visible_text(response), who


def test_the_protocol_pdf_shows_a_confidential_paragraph_to_the_bodys_people(client, secret_p60):
    url = meeting_url(secret_p60, "protocol_pdf")
    for who, user in viewers().items():
        response = as_(client, user).get(url)
        assert response.status_code == 200, who
        text = pdf_text(response.content)
        assert (SECRET_WORDS in text) is SEES[who], who
        assert ("Paragrafen omfattas av sekretess" in text) is not SEES[who], who


def test_a_secret_case_is_read_by_its_responsible_bodys_people(client, demo):
    case = CaseFactory(
        title="Placering av barn i familjehem", responsible_body=Body.objects.get(code="KS")
    )
    Case.objects.filter(pk=case.pk).update(is_secret=True)
    for who, user in viewers().items():
        text = page(as_(client, user), case.get_absolute_url())
        assert ("Placering av barn i familjehem" in text) is SEES[who], who
        assert (Case.SECRET_TITLE in text) is not SEES[who], who


def test_pages_listing_many_bodies_keep_secrets_for_staff(client, secret_p60):
    # The KS ledamot who may read § 60 on KS's pages does not get it in search results.
    client.force_login(viewers()["ks_member"])
    assert paragraph_url(secret_p60) not in search_links(client, "områdesbaserat")
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert paragraph_url(secret_p60) not in search_links(client, "områdesbaserat")
