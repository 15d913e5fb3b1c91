"""The clerk registers cases and motions (issue 5, item 2): the services' rules and the pages.

On the demo's bodies: KF (kommunfullmäktige, where Maria Moraes (MP) and Ann-Charlott Bäckman (S)
sit 2018-10-15 – 2022-10-14, and Birgitta Rydhagen (MP) until 2020-12-31), KS and SON, with the
registries KS and SON. A registrator of KS registers; SON's clerks are refused at every door.
"""

import datetime

import pytest
from django.contrib.auth.models import User

from common.errors import ServiceError
from decisions.cases import with_state
from decisions.models import Meeting
from decisions.services.casework import register_motion
from motions.models import AttSats, Case, Motion, Motionar, Referral, Registry
from motions.services import register_case
from organisation.models import Body, Party, Person

from .factories import MeetingFactory
from .roles import registrator, secretary

D = datetime.date
LOGIN = "/konto/logga-in/"
CASE_URL = "/arbetsyta/arenden/nytt/"
MOTION_URL = "/arbetsyta/motioner/ny/"


# --- Helpers ---------------------------------------------------------------------------------


def person(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


def snapshot() -> tuple:
    """Everything registering could change."""
    return (
        Case.objects.count(),
        Motion.objects.count(),
        Motionar.objects.count(),
        AttSats.objects.count(),
        Referral.objects.count(),
    )


@pytest.fixture
def kf_meeting(demo) -> Meeting:
    """A KF meeting where a motion dated 2022-03-01 can be väckt."""
    return MeetingFactory(body=Body.objects.get(code="KF"), date=D(2022, 3, 21))


def motion_args(kf_meeting: Meeting, **changes) -> dict:
    arguments = {
        "registry": Registry.objects.get(code="KS"),
        "title": "Motion om fler parkbänkar",
        "dated_on": D(2022, 3, 1),
        "registered_on": D(2022, 3, 2),
        "raised_at": kf_meeting,
        "signers": [(person("Maria Moraes"), None), (person("Ann-Charlott Bäckman"), None)],
        "att_satser": ["att kommunen ställer ut fler parkbänkar", "att de målas gröna"],
        "refer_to_board": True,
    }
    arguments.update(changes)
    return arguments


def next_ks_dnr(year: int) -> str:
    last = Case.objects.filter(registry__code="KS", year=year).order_by("-serial").first()
    return f"KS {year}-{(last.serial if last else 0) + 1}"


# --- register_motion: the service ------------------------------------------------------------


def test_register_motion_writes_case_motionarer_att_satser_and_the_referral(kf_meeting):
    dnr = next_ks_dnr(2022)
    motion = register_motion(**motion_args(kf_meeting))
    case = motion.case
    assert case.dnr == dnr
    assert case.kind == Case.Kind.MOTION
    assert case.registered_on == D(2022, 3, 2)
    assert case.responsible_body.code == "KS"  # the registry's body
    assert motion.raised_at == kf_meeting
    assert [(s.person.full_name, s.party.abbreviation) for s in motion.signers.all()] == [
        ("Maria Moraes", "MP"),
        ("Ann-Charlott Bäckman", "S"),
    ]
    # Stored without the leading "att" the pages print before each (no "att att").
    assert [a.text for a in motion.att_satser.all()] == [
        "Kommunen ställer ut fler parkbänkar",
        "De målas gröna",
    ]
    referral = case.referrals.get()
    assert (referral.from_body.code, referral.to_body.code) == ("KF", "KS")
    assert referral.purpose == Referral.Purpose.PREPARATION
    assert referral.sent_on == kf_meeting.date
    assert referral.due_on is None


def test_a_party_given_by_the_clerk_is_kept_and_no_referral_unless_asked(kf_meeting):
    motion = register_motion(
        **motion_args(
            kf_meeting,
            signers=[(person("Maria Moraes"), Party.objects.get(abbreviation="V"))],
            refer_to_board=False,
        )
    )
    assert motion.signers.get().party.abbreviation == "V"
    assert not motion.case.referrals.exists()


def test_a_motion_not_yet_raised_is_registered_as_inkommen(kf_meeting):
    motion = register_motion(**motion_args(kf_meeting, raised_at=None, refer_to_board=False))
    assert with_state(Motion.objects.all()).get(pk=motion.pk).stage == "inkommen"


REFUSALS = [
    ({"signers": []}, "signers", "Ange minst en motionär."),
    ({"att_satser": ["", "  "]}, "att_satser", "Ange minst en att-sats."),
    (
        {"signers": ["Maria Moraes", "Maria Moraes"]},
        "signers",
        "Maria Moraes står redan som motionär.",
    ),
    (
        {"signers": ["Birgitta Rydhagen"]},
        "signers",
        "Birgitta Rydhagen är inte ledamot eller ersättare i kommunfullmäktige 2022-03-01.",
    ),
    (
        {"dated_on": D(2022, 3, 25), "registered_on": D(2022, 3, 25)},
        "raised_at",
        "Motionen kan inte väckas före det datum den är daterad (2022-03-25).",
    ),
    (
        {"registered_on": D(2022, 2, 28)},
        "registered_on",
        "Motionen kan inte registreras före det datum den är daterad (2022-03-01).",
    ),
    ({"title": "  "}, "title", "Ange motionens rubrik."),
    (
        {"raised_at": None},
        "refer_to_board",
        "Kommunfullmäktige remitterar motionen när den väcks: ange sammanträdet.",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), REFUSALS)
def test_register_motion_refuses_and_saves_nothing(kf_meeting, changes, field, message):
    changes = dict(changes)
    if "signers" in changes:
        changes["signers"] = [(person(name), None) for name in changes["signers"]]
    dnr = next_ks_dnr(2022)
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        register_motion(**motion_args(kf_meeting, **changes))
    assert message in refused.value.message_dict[field]
    assert snapshot() == before
    # No Dnr was consumed: the next registration gets the number the refused one would have.
    case = register_case(
        registry=Registry.objects.get(code="KS"), title="Nästa", registered_on=D(2022, 3, 2)
    )
    assert case.dnr == dnr


def test_a_motion_is_raised_in_kf_only(kf_meeting):
    ks_meeting = MeetingFactory(body=Body.objects.get(code="KS"), date=D(2022, 3, 22))
    before = snapshot()
    with pytest.raises(ServiceError) as refused:
        register_motion(**motion_args(kf_meeting, raised_at=ks_meeting))
    assert refused.value.message_dict["raised_at"] == ["En motion väcks i kommunfullmäktige."]
    assert snapshot() == before


def test_an_ersattare_may_sign_and_every_refusal_is_reported_at_once(kf_meeting):
    ersattare = Person.objects.create(first_name="Eva", last_name="Ersättare")
    ersattare.memberships.create(
        body=Body.objects.get(code="KF"),
        role="ersattare",
        party=Party.objects.get(abbreviation="C"),
        starts_on=D(2018, 10, 15),
    )
    motion = register_motion(**motion_args(kf_meeting, signers=[(ersattare, None)]))
    assert motion.signers.get().party.abbreviation == "C"
    with pytest.raises(ServiceError) as refused:
        register_motion(
            **motion_args(
                kf_meeting,
                signers=[(person("Birgitta Rydhagen"), None)],
                att_satser=[],
                registered_on=D(2022, 2, 1),
            )
        )
    assert set(refused.value.message_dict) == {"signers", "att_satser", "registered_on"}
    assert refused.value.error_dict["signers"][0].params == {"row": 0}


# --- The pages: who may come in --------------------------------------------------------------


@pytest.mark.parametrize("url", [CASE_URL, MOTION_URL])
def test_anonymous_users_are_sent_to_the_login_page(client, demo, url):
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")


def case_post(**changes) -> dict:
    data = {
        "registry": Registry.objects.get(code="KS").pk,
        "title": "Medborgarförslag om en lekplats",
        "kind": Case.Kind.CITIZEN_PROPOSAL,
        "registered_on": "2026-03-02",
        "responsible_body": Body.objects.get(code="KS").pk,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("url", [CASE_URL, MOTION_URL])
def test_a_son_secretary_without_a_registry_is_refused(client, demo, url, kf_meeting):
    client.force_login(secretary("SON"))
    before = snapshot()
    assert client.get(url).status_code == 403
    data = case_post() if url == CASE_URL else motion_post(kf_meeting)
    assert client.post(url, data).status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("url", [CASE_URL, MOTION_URL])
def test_a_son_registrator_cannot_register_in_the_ks_registry(client, demo, url, kf_meeting):
    client.force_login(registrator("SON"))
    page = client.get(url)
    assert page.status_code == 200
    assert "Social- och omsorgsnämndens diarium" in page.content.decode()
    assert "Kommunstyrelsens diarium" not in page.content.decode()
    before = snapshot()
    data = case_post() if url == CASE_URL else motion_post(kf_meeting)
    assert client.post(url, data).status_code == 403
    assert snapshot() == before


# --- Registering a case ----------------------------------------------------------------------


def test_the_ks_registrator_registers_a_case_and_gets_its_dnr(client, demo):
    client.force_login(registrator("KS"))
    dnr = next_ks_dnr(2026)
    response = client.post(CASE_URL, case_post())
    case = Case.objects.get(dnr=dnr)
    assert response.status_code == 303
    assert response["Location"] == case.get_absolute_url()
    assert case.kind == Case.Kind.CITIZEN_PROPOSAL
    assert case.responsible_body.code == "KS"
    page = client.get(response["Location"]).content.decode()
    assert f"Ärendet har registrerats med diarienummer {dnr}." in page


def test_a_registry_that_does_not_exist_is_refused_beside_the_field(client, demo):
    client.force_login(registrator("KS"))
    before = snapshot()
    response = client.post(CASE_URL, case_post(registry=999999))
    assert response.status_code == 422
    form = response.context["form"]
    assert form.errors["registry"] == ["Diariet finns inte. Välj ett av diarierna i listan."]
    assert "Medborgarförslag om en lekplats" in response.content.decode()
    assert snapshot() == before


def test_a_blank_title_and_a_bad_date_are_refused_in_swedish(client, demo):
    client.force_login(registrator("KS"))
    before = snapshot()
    response = client.post(CASE_URL, case_post(title="", registered_on="2026-13-40"))
    assert response.status_code == 422
    assert response.context["form"].errors == {
        "title": ["Ange ärendets rubrik."],
        "registered_on": ["Ange datumet som ÅÅÅÅ-MM-DD."],
    }
    assert snapshot() == before


def test_a_secret_case_is_registered_without_showing_its_title(client, demo):
    client.force_login(registrator("KS"))
    dnr = next_ks_dnr(2026)
    response = client.post(CASE_URL, case_post(is_secret="on"), follow=True)
    assert Case.objects.get(dnr=dnr).is_secret
    assert f"Ärendet har registrerats med diarienummer {dnr}." in response.content.decode()


def test_a_superuser_may_register_in_every_registry(client, demo):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    page = client.get(CASE_URL).content.decode()
    assert "Kommunstyrelsens diarium" in page and "Social- och omsorgsnämndens diarium" in page


# --- Registering a motion --------------------------------------------------------------------


def motion_post(kf_meeting: Meeting, signers=None, att=None, **changes) -> dict:
    signers = signers or [("Maria Moraes", ""), ("Ann-Charlott Bäckman", "")]
    att = att or ["att kommunen ställer ut fler parkbänkar", "att de målas gröna"]
    data = {
        "registry": Registry.objects.get(code="KS").pk,
        "title": "Motion om fler parkbänkar",
        "dated_on": "2022-03-01",
        "registered_on": "2022-03-02",
        "raised_at": kf_meeting.pk,
        "refer_to_board": "on",
        "signers-TOTAL_FORMS": str(len(signers) + 1),
        "signers-INITIAL_FORMS": "0",
        "att-TOTAL_FORMS": str(len(att) + 1),
        "att-INITIAL_FORMS": "0",
    }
    for i, (name, party) in enumerate(signers):
        data[f"signers-{i}-person"] = person(name).pk
        data[f"signers-{i}-party"] = Party.objects.get(abbreviation=party).pk if party else ""
    for i, text in enumerate(att):
        data[f"att-{i}-text"] = text
    data.update(changes)
    return data


def test_the_form_offers_kf_meetings_and_kf_people_and_does_not_refer_by_default(
    client, kf_meeting
):
    client.force_login(registrator("KS"))
    response = client.get(MOTION_URL)
    form = response.context["form"]
    meetings = list(form.fields["raised_at"].queryset)
    # The present-day demo's KF meetings (portal.demo.calendar) are newer than the fixture's.
    assert kf_meeting in meetings
    assert meetings[0] == Meeting.objects.filter(body__code="KF").latest("date")
    assert {m.body.code for m in meetings} == {"KF"}
    assert [m.date for m in meetings] == sorted((m.date for m in meetings), reverse=True)
    # A motion just come in is väckt later, by "Anmälan av motioner", which remits it.
    assert form["refer_to_board"].value() is False
    signer_set = response.context["signer_set"]
    assert len(signer_set.forms) == 3
    offered = set(signer_set.forms[0].fields["person"].queryset)
    assert person("Maria Moraes") in offered
    assert all(p.memberships.filter(body__code="KF").exists() for p in offered)
    assert Person.objects.exclude(pk__in=[p.pk for p in offered]).exists()


def test_a_motion_registered_on_the_page_is_in_the_public_register_as_remitterad(
    client, kf_meeting
):
    client.force_login(registrator("KS"))
    dnr = next_ks_dnr(2022)
    response = client.post(MOTION_URL, motion_post(kf_meeting))
    assert response.status_code == 303
    motion = Motion.objects.get(case__dnr=dnr)
    assert response["Location"] == motion.case.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert f"Motionen har registrerats med diarienummer {dnr}." in page
    assert "Den är remitterad till kommunstyrelsen för beredning." in page
    client.logout()
    register = client.get("/motioner/").content.decode()
    row = register[register.index(dnr) :]
    row = row[: row.index("</tr>")]
    assert "Motion om fler parkbänkar" in row
    assert "Maria Moraes" in row and "(<a" in row
    assert "Remitterad till kommunstyrelsen" in row


def test_a_motion_registered_without_referral_is_vackt(client, kf_meeting):
    client.force_login(registrator("KS"))
    dnr = next_ks_dnr(2022)
    data = motion_post(kf_meeting)
    del data["refer_to_board"]
    assert client.post(MOTION_URL, data).status_code == 303
    client.logout()
    register = client.get("/motioner/").content.decode()
    row = register[register.index(dnr) :]
    assert "Väckt i kommunfullmäktige" in row[: row.index("</tr>")]


def test_a_motionar_who_is_not_in_kf_is_refused_on_the_row_and_everything_is_kept(
    client, kf_meeting
):
    client.force_login(registrator("KS"))
    before = snapshot()
    data = motion_post(kf_meeting, signers=[("Maria Moraes", "MP"), ("Birgitta Rydhagen", "")])
    response = client.post(MOTION_URL, data)
    assert response.status_code == 422
    rows = response.context["signer_set"].forms
    assert rows[0].errors == {}
    assert rows[1].errors["person"] == [
        "Birgitta Rydhagen är inte ledamot eller ersättare i kommunfullmäktige 2022-03-01."
    ]
    page = response.content.decode()
    assert "att de målas gröna" in page
    assert 'value="Motion om fler parkbänkar"' in page
    assert f'<option value="{person("Birgitta Rydhagen").pk}" selected>' in page
    assert snapshot() == before


def test_no_att_sats_and_a_raised_at_before_dated_on_are_refused_beside_their_fields(
    client, kf_meeting
):
    client.force_login(registrator("KS"))
    before = snapshot()
    data = motion_post(kf_meeting, att=[""], dated_on="2022-03-25", registered_on="2022-03-25")
    response = client.post(MOTION_URL, data)
    assert response.status_code == 422
    assert response.context["att_errors"] == ["Ange minst en att-sats."]
    assert response.context["form"].errors["raised_at"] == [
        "Motionen kan inte väckas före det datum den är daterad (2022-03-25)."
    ]
    assert snapshot() == before


def test_the_same_person_twice_is_refused(client, kf_meeting):
    client.force_login(registrator("KS"))
    before = snapshot()
    data = motion_post(kf_meeting, signers=[("Maria Moraes", ""), ("Maria Moraes", "")])
    response = client.post(MOTION_URL, data)
    assert response.status_code == 422
    assert response.context["signer_set"].forms[1].errors["person"] == [
        "Maria Moraes står redan som motionär."
    ]
    assert snapshot() == before


def test_no_motionar_is_refused_above_the_rows(client, kf_meeting):
    client.force_login(registrator("KS"))
    data = motion_post(kf_meeting)
    for key in ("signers-0-person", "signers-1-person"):
        data[key] = ""
    response = client.post(MOTION_URL, data)
    assert response.status_code == 422
    assert response.context["signer_errors"] == ["Ange minst en motionär."]
    assert "Ange minst en motionär." in response.content.decode()


def test_adding_a_row_keeps_what_was_typed_and_saves_nothing(client, kf_meeting):
    client.force_login(registrator("KS"))
    before = snapshot()
    data = motion_post(kf_meeting, title="")
    data["add-signers"] = "1"
    response = client.post(MOTION_URL, data)
    assert response.status_code == 200
    assert len(response.context["signer_set"].forms) == 4
    assert response.context["form"].errors == {}
    assert "att de målas gröna" in response.content.decode()
    assert snapshot() == before
    partial = client.post(MOTION_URL, data, headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith("<form")
