"""Accounts and roles (docs/decisions/0011-roles.md): every clerk route, route by route.

On the demo's KS 2022-03-08 and KS 2022 § 59: anonymous users are sent to the login page, a
nämndsekreterare of SON gets 403 and changes nothing, KS's nämndsekreterare works; the KS
ordförande approves for himself; members of a body read its confidential paragraphs; failed
logins are locked out.
"""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from decisions.models import (
    Correction,
    Justering,
    Meeting,
    MeetingAdjuster,
    NoticeCorrection,
    Paragraph,
    Recipient,
)
from motions.models import Registry
from organisation.models import Body, ClerkAssignment, Person

from .factories import MeetingFactory, ParagraphFactory, PersonFactory
from .roles import account_for, member_today, secretary

D = datetime.date
LOGIN = "/konto/logga-in/"

MEETING_ROUTES = [
    ("justera", "/organ/ks/sammantraden/2022-03-08/justera/"),
    ("post_notice", "/organ/ks/sammantraden/2022-03-08/anslag/"),
    ("correct_notice", "/organ/ks/sammantraden/2022-03-08/anslag/rattelse/"),
]
PARAGRAPH_ROUTES = [
    ("add_correction", "/organ/ks/2022/59/rattelse/"),
    ("expediering", "/organ/ks/2022/59/expediering/"),
]
ROUTES = MEETING_ROUTES + PARAGRAPH_ROUTES
ids = [name for name, _ in ROUTES]


def state() -> tuple:
    """Everything the four clerk actions could change."""
    meeting = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    return (
        Justering.objects.count(),
        meeting.status,
        meeting.notice_posted_on,
        meeting.protocol_kept_at,
        Correction.objects.count(),
        NoticeCorrection.objects.count(),
        sorted(Recipient.objects.values_list("pk", "sent_on")),
    )


def post_data(name: str) -> dict:
    paragraph = Paragraph.objects.get(body__code="KS", year=2022, number=59)
    meeting = paragraph.meeting
    if name == "justera":
        return {"person": meeting.chair_id, "at": "2022-03-15T10:00"}
    if name == "post_notice":
        return {"posted_on": "2022-03-17", "kept_at": "Annanstans"}
    if name == "correct_notice":
        return {"kept_at": "Annanstans", "reason": "Fel förvaringsplats"}
    if name == "add_correction":
        return {"made_on": "2022-03-20", "text": "Punkt 1 ska lyda …", "reason": "Skrivfel"}
    return {f"r{r.pk}-sent_on": "2022-03-25" for r in paragraph.recipients.all()}


# --- Route by route --------------------------------------------------------------------------


@pytest.mark.parametrize("url", [url for _, url in ROUTES], ids=ids)
def test_anonymous_users_are_sent_to_the_login_page(client, demo, url):
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")


@pytest.mark.parametrize(("name", "url"), ROUTES, ids=ids)
def test_a_son_secretary_cannot_touch_ks(client, demo, name, url):
    client.force_login(secretary("SON"))
    before = state()
    response = client.get(url)
    assert response.status_code == 403
    assert "Du har inte behörighet till sidan" in response.content.decode()
    assert client.post(url, post_data(name)).status_code == 403
    assert state() == before


@pytest.mark.parametrize("url", [url for _, url in ROUTES], ids=ids)
def test_the_ks_secretary_works_on_ks(client, demo, url):
    client.force_login(secretary("KS"))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [url for _, url in ROUTES], ids=ids)
def test_a_secretary_whose_assignment_has_ended_is_refused(client, demo, url):
    client.force_login(secretary("KS", ends_on=D(2022, 12, 31)))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [url for _, url in ROUTES], ids=ids)
def test_a_logged_in_user_without_a_role_is_refused(client, demo, url):
    client.force_login(User.objects.create_user("politiker", password="x", is_staff=True))
    assert client.get(url).status_code == 403


def test_the_ks_secretary_posts_the_notice_and_the_son_secretary_cannot(client, demo):
    # A justerat KS meeting whose notice is not posted yet: the demo's are, once and for all.
    meeting = MeetingFactory(
        body=Meeting.objects.get(body__code="KS", date=D(2022, 3, 8)).body,
        date=D(2022, 4, 5),
        status=Meeting.Status.JUSTERAT,
        justering_on=D(2022, 4, 12),
    )
    url = "/organ/ks/sammantraden/2022-04-05/anslag/"
    data = {"posted_on": "2022-04-13", "kept_at": "Här"}
    client.force_login(secretary("SON"))
    assert client.post(url, data).status_code == 403
    client.force_login(secretary("KS"))
    response = client.post(url, data)
    assert response.status_code == 303
    meeting.refresh_from_db()
    assert (meeting.notice_posted_on, meeting.protocol_kept_at) == (D(2022, 4, 13), "Här")
    # Once: the notice of a justerat protocol is posted one time.
    response = client.post(url, {"posted_on": "2022-04-14", "kept_at": "Här"})
    assert response.status_code == 422
    assert "Anslaget är redan uppsatt; gör en rättelse av anslaget." in response.content.decode()


def test_the_ks_secretary_corrects_the_notice_and_the_son_secretary_cannot(client, demo):
    # The demo's notice is posted: the KS secretary's way to put it right is a rättelse.
    meeting = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    url = "/organ/ks/sammantraden/2022-03-08/anslag/rattelse/"
    data = {"kept_at": "Här", "reason": "Fel förvaringsplats"}
    client.force_login(secretary("SON"))
    assert client.post(url, data).status_code == 403
    client.force_login(secretary("KS"))
    response = client.post(url, data)
    assert response.status_code == 303
    [correction] = NoticeCorrection.objects.filter(meeting=meeting)
    assert correction.protocol_kept_at == "Här"
    meeting.refresh_from_db()
    assert meeting.protocol_kept_at == "Kommunledningsförvaltningen, Stadshuset, Linköping"


# --- Justering: the ordförande and the justerare ---------------------------------------------


@pytest.fixture
def held_ks_meeting(demo):
    """A held, not yet justerat KS meeting chaired by the demo's KS ordförande."""
    ks_meeting = Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))
    meeting = MeetingFactory(
        body=ks_meeting.body, date=D(2022, 4, 5), chair=ks_meeting.chair, status="genomfort"
    )
    adjuster = PersonFactory(first_name="Justa")
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    ParagraphFactory(meeting=meeting, number=80)
    meeting.adjuster = adjuster
    return meeting


def test_the_ks_chair_approves_the_protocol(client, held_ks_meeting):
    meeting = held_ks_meeting
    client.force_login(account_for(meeting.chair, "ordforande"))
    url = "/organ/ks/sammantraden/2022-04-05/justera/"
    response = client.get(url)
    assert response.status_code == 200
    # … for himself only: the justerare's signature is theirs or the secretary's to record.
    response = client.post(url, {"person": meeting.adjuster.pk, "at": "2022-04-12T10:00"})
    assert response.status_code == 422
    assert not Justering.objects.filter(meeting=meeting).exists()
    response = client.post(url, {"person": meeting.chair_id, "at": "2022-04-12T10:00"})
    assert response.status_code == 303
    assert Justering.objects.get(meeting=meeting).person == meeting.chair
    # The chair's role is justering; the notice and the paragraphs are the secretary's.
    assert client.get("/organ/ks/sammantraden/2022-04-05/anslag/").status_code == 403
    assert client.get("/organ/ks/2022/59/rattelse/").status_code == 403
    # And only for his own meeting's protocol: SON's is not his.
    assert client.get("/organ/son/sammantraden/2022-02-16/justera/").status_code == 403


def test_the_secretary_records_every_signature_in_one_form(client, held_ks_meeting):
    meeting = held_ks_meeting
    meeting.body.protocols_kept_at = "Kommunledningskontoret, Stadshuset"
    meeting.body.save()
    client.force_login(secretary("KS"))
    url = "/organ/ks/sammantraden/2022-04-05/justera/"
    chair, adjuster = meeting.chair_id, meeting.adjuster.pk
    # One signature before the meeting: nothing is saved, not even the good one.
    response = client.post(
        url,
        {
            f"approved-{chair}": "on",
            f"at-{chair}": "2022-04-12T10:00",
            f"approved-{adjuster}": "on",
            f"at-{adjuster}": "2022-04-04T11:00",
        },
    )
    assert response.status_code == 422
    assert "före sammanträdet" in response.content.decode()
    assert not Justering.objects.filter(meeting=meeting).exists()
    response = client.post(
        url,
        {
            f"approved-{chair}": "on",
            f"at-{chair}": "2022-04-12T10:00",
            f"approved-{adjuster}": "on",
            f"at-{adjuster}": "2022-04-12T11:00",
        },
    )
    # The last signature makes it justerat, and the clerk goes on to the notice, proposed.
    assert response.status_code == 303
    assert response["Location"] == "/organ/ks/sammantraden/2022-04-05/anslag/"
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    page = client.get(response["Location"]).content.decode()
    assert "sätt upp anslaget senast 2022-04-14" in page
    assert 'value="Kommunledningskontoret, Stadshuset"' in page


def test_the_secretary_must_tick_someone(client, held_ks_meeting):
    client.force_login(secretary("KS"))
    response = client.post("/organ/ks/sammantraden/2022-04-05/justera/", {})
    assert response.status_code == 422
    assert "Markera minst en som har justerat." in response.content.decode()


def test_the_son_secretary_cannot_justera_ks(client, held_ks_meeting):
    client.force_login(secretary("SON"))
    url = "/organ/ks/sammantraden/2022-04-05/justera/"
    chair = held_ks_meeting.chair_id
    data = {f"approved-{chair}": "on", f"at-{chair}": "2022-04-12T10:00"}
    assert client.post(url, data).status_code == 403
    assert not Justering.objects.filter(meeting=held_ks_meeting).exists()


# --- Confidential paragraphs -----------------------------------------------------------------

SECRET_WORDS = "Områdesbaserat socialt arbete i hela kommunen"


@pytest.fixture
def secret_ks_paragraph(demo):
    Paragraph.objects.filter(body__code="KS", year=2022, number=60).update(is_secret=True)
    return "/organ/ks/2022/60/"


def test_a_ks_member_sees_a_confidential_ks_paragraph(client, secret_ks_paragraph):
    url = secret_ks_paragraph
    assert SECRET_WORDS not in client.get(url).content.decode()  # the public
    client.force_login(member_today("SON", "son-ledamot"))
    assert SECRET_WORDS not in client.get(url).content.decode()
    client.force_login(member_today("KS", "ks-ledamot"))
    assert SECRET_WORDS in client.get(url).content.decode()
    protocol = client.get("/organ/ks/sammantraden/2022-03-08/protokoll/").content.decode()
    assert SECRET_WORDS in protocol
    meeting_page = client.get("/organ/ks/sammantraden/2022-03-08/").content.decode()
    assert "Sekretessärende" not in meeting_page


def test_a_former_member_and_a_son_secretary_do_not(client, secret_ks_paragraph):
    former = Person.objects.get(first_name="Rebecka", last_name="Hovenberg")  # KS until 2022
    client.force_login(account_for(former, "tidigare"))
    assert SECRET_WORDS not in client.get(secret_ks_paragraph).content.decode()
    client.force_login(secretary("SON"))
    assert SECRET_WORDS not in client.get(secret_ks_paragraph).content.decode()
    client.force_login(secretary("KS", username="ks-sekr"))
    assert SECRET_WORDS in client.get(secret_ks_paragraph).content.decode()


def test_staff_still_see_every_secret(client, secret_ks_paragraph):
    client.force_login(User.objects.create_user("sekr", is_staff=True))
    assert SECRET_WORDS in client.get(secret_ks_paragraph).content.decode()


# --- The predicates --------------------------------------------------------------------------


def test_registrators_register_in_their_own_registry(demo):
    ks, other = Registry.objects.get(code="KS"), Registry.objects.exclude(code="KS").first()
    user = User.objects.create_user("registrator")
    ClerkAssignment.objects.create(
        user=user, role=ClerkAssignment.Role.REGISTRATOR, registry=ks, starts_on=D(2019, 1, 1)
    )
    assert user.has_perm("motions.register_case", ks)
    if other is not None:
        assert not user.has_perm("motions.register_case", other)
    assert not user.has_perm("decisions.post_notice", Meeting.objects.filter(body__code="KS")[0])
    user.is_active = False
    assert not user.has_perm("motions.register_case", ks)
    superuser = User.objects.create_superuser("admin")
    assert superuser.has_perm("motions.register_case", ks)
    assert superuser.has_perm("decisions.expediera", Paragraph.objects.first())


def test_an_assignment_names_the_target_its_role_needs(demo):
    user = User.objects.create_user("x")
    ks = Body.objects.get(code="KS")
    for kwargs in (
        {"role": ClerkAssignment.Role.SECRETARY},
        {"role": ClerkAssignment.Role.REGISTRATOR, "body": ks},
        {"role": ClerkAssignment.Role.SECRETARY, "body": ks, "registry": Registry.objects.first()},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            ClerkAssignment.objects.create(user=user, starts_on=D(2022, 1, 1), **kwargs)


# --- Logging in ------------------------------------------------------------------------------


def test_a_correct_login_works_before_the_limit(client, db):
    User.objects.create_user("sekr", password="rätt-lösenord")
    page = client.get(LOGIN)
    assert page.status_code == 200 and "Logga in" in page.content.decode()
    for _ in range(4):
        response = client.post(LOGIN, {"username": "sekr", "password": "fel"})
        assert response.status_code == 200
        assert "korrekt användarnamn" in response.content.decode()
    response = client.post(LOGIN, {"username": "sekr", "password": "rätt-lösenord"})
    assert response.status_code == 302
    assert client.get("/").context["user"].username == "sekr"


def test_five_failures_lock_the_login_out(client, db):
    User.objects.create_user("sekr", password="rätt-lösenord")
    for _ in range(5):
        client.post(LOGIN, {"username": "sekr", "password": "fel"})
    response = client.post(LOGIN, {"username": "sekr", "password": "rätt-lösenord"})
    assert response.status_code in (403, 429)
    assert "Inloggningen är tillfälligt spärrad" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_login_leads_back_to_the_clerk_route(client, demo):
    secretary("KS")
    url = "/organ/ks/2022/59/expediering/"
    response = client.post(
        f"{LOGIN}?next={url}", {"username": "sekr-ks", "password": "x", "next": url}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert client.get(url).status_code == 200


def test_logging_out(client, db):
    client.force_login(User.objects.create_user("sekr"))
    assert client.post("/konto/logga-ut/").status_code == 302
    assert "_auth_user_id" not in client.session
