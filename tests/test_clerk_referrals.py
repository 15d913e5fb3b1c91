"""Remisser (issue 5, item 3): sending a case to a body, its incoming list, and the answer.

On the demo's bodies KF, KS and SON. A case registered in the KS registry on 2026-03-02 is sent
by KS to SON for yttrande; SON's nämndsekreterare answers it with a SON paragraph or a document.
KS's clerk is turned away from SON's doors and the other way round.
"""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.errors import ServiceError
from decisions.models import Meeting, Paragraph
from decisions.services.casework import answer_referral, check_answer_referral
from motions.models import Case, Document, Referral, Registry
from motions.selectors import today
from motions.services import register_case, send_referral
from organisation.models import Account, Body, Membership, Party, Person

from .factories import MeetingFactory, ParagraphFactory
from .roles import secretary

D = datetime.date
LOGIN = "/konto/logga-in/"
YTTRANDE = Referral.Purpose.OPINION


# --- Helpers ---------------------------------------------------------------------------------


def body(code: str) -> Body:
    return Body.objects.get(code=code)


REGISTERED = D(2026, 3, 2)


def new_case(title: str = "Ärende om lekplatser", day: D = REGISTERED, **extra) -> Case:
    return register_case(
        registry=Registry.objects.get(code="KS"),
        title=title,
        registered_on=day,
        responsible_body_id=body("KS").pk,
        **extra,
    )


def refer(case: Case, **changes) -> Referral:
    arguments = {
        "case": case,
        "from_body": body("KS"),
        "to_body": body("SON"),
        "purpose": YTTRANDE,
        "sent_on": D(2026, 3, 5),
        "due_on": D(2026, 4, 30),
    }
    arguments.update(changes)
    return send_referral(**arguments)


_numbers = iter(range(900, 2000))


def paragraph(case: Case | None, code: str, day: D) -> Paragraph:
    # The tests' days are Wednesdays and Thursdays off the demo's calendar (KS and KF meet on
    # Tuesdays, SON on the third Wednesday): a demo meeting there would be justerat and final.
    meeting = Meeting.objects.filter(body__code=code, date=day).first() or MeetingFactory(
        body=body(code), date=day
    )
    return ParagraphFactory(meeting=meeting, case=case, number=next(_numbers))


def referral_rows() -> list:
    return sorted(
        Referral.objects.values_list(
            "pk",
            "case_id",
            "to_body_id",
            "sent_on",
            "due_on",
            "answered_by_paragraph_id",
            "answered_by_document_id",
        )
    )


@pytest.fixture
def case(demo) -> Case:
    return new_case()


# --- send_referral ---------------------------------------------------------------------------


def test_send_referral_records_the_remiss(case):
    referral = refer(case)
    assert (referral.from_body.code, referral.to_body.code) == ("KS", "SON")
    assert (referral.sent_on, referral.due_on, referral.purpose) == (
        D(2026, 3, 5),
        D(2026, 4, 30),
        YTTRANDE,
    )


SEND_REFUSALS = [
    ({"to_body": "KS"}, "to_body", "En remiss går till ett annat organ än avsändaren."),
    (
        {"due_on": D(2026, 3, 4)},
        "due_on",
        "Svarsdatum kan inte ligga före remissen skickades (2026-03-05).",
    ),
    (
        {"sent_on": D(2026, 3, 1), "due_on": None},
        "sent_on",
        "Remissen kan inte skickas före ärendet registrerades (2026-03-02).",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), SEND_REFUSALS)
def test_send_referral_refuses_and_changes_nothing(case, changes, field, message):
    if "to_body" in changes:
        changes = {**changes, "to_body": body(changes["to_body"])}
    before = referral_rows()
    with pytest.raises(ServiceError) as refused:
        refer(case, **changes)
    assert refused.value.message_dict[field] == [message]
    assert referral_rows() == before


def test_a_case_cannot_be_sent_twice_to_a_body_that_has_not_answered(case):
    first = refer(case)
    before = referral_rows()
    with pytest.raises(ServiceError) as refused:
        refer(case, sent_on=D(2026, 3, 9))
    assert refused.value.message_dict["to_body"] == [
        "Ärendet är redan remitterat till social- och omsorgsnämnden (2026-03-05) och remissen "
        "är inte besvarad."
    ]
    assert referral_rows() == before
    # Once answered, the body may be asked again.
    answer_referral(referral=first, paragraph=paragraph(case, "SON", D(2026, 4, 1)))
    assert refer(case, sent_on=D(2026, 4, 2), due_on=None).to_body.code == "SON"


def test_a_closed_case_is_not_sent(case):
    Case.objects.filter(pk=case.pk).update(closed_on=D(2026, 3, 4))
    case.refresh_from_db()
    with pytest.raises(ServiceError) as refused:
        refer(case)
    assert refused.value.message_dict["case"] == [
        "Ärendet avslutades 2026-03-04 och kan inte remitteras."
    ]
    assert not case.referrals.exists()


# --- answer_referral -------------------------------------------------------------------------


def test_a_paragraph_of_the_receiving_body_answers_the_referral(case):
    referral = refer(case)
    son_paragraph = paragraph(case, "SON", D(2026, 4, 9))
    answered = answer_referral(referral=referral, paragraph=son_paragraph)
    referral.refresh_from_db()
    assert referral.answered_by_paragraph == son_paragraph == answered.answered_by_paragraph
    assert referral.answered_on == D(2026, 4, 9)


def test_a_document_of_the_case_answers_the_referral(case):
    referral = refer(case)
    document = Document.objects.create(
        case=case, kind=Document.Kind.OPINION, title="Yttrande", date=D(2026, 4, 20)
    )
    answer_referral(referral=referral, document=document)
    referral.refresh_from_db()
    assert referral.answered_by_document == document


def answer_refusal(case: Case, referral: Referral, which: str) -> dict:
    other_case = new_case("Ett annat ärende")
    document = Document.objects.create(
        case=case, kind=Document.Kind.OPINION, title="Yttrande", date=D(2026, 4, 20)
    )
    return {
        "neither": {},
        "both": {"paragraph": paragraph(case, "SON", D(2026, 4, 9)), "document": document},
        "another body": {"paragraph": paragraph(case, "KS", D(2026, 4, 16))},
        "another case": {"paragraph": paragraph(other_case, "SON", D(2026, 4, 9))},
        "document of another case": {
            "document": Document.objects.create(
                case=other_case, kind=Document.Kind.OPINION, title="Fel", date=D(2026, 4, 20)
            )
        },
        "before the referral": {"paragraph": paragraph(case, "SON", D(2026, 3, 4))},
    }[which]


ANSWER_REFUSALS = [
    ("neither", "paragraph", "Välj paragrafen eller handlingen som besvarar remissen."),
    ("both", "document", "Ange en paragraf eller en handling, inte båda."),
    ("another body", "paragraph", "är kommunstyrelsens paragraf; remissen gick till social-"),
    ("another case", "paragraph", "hör inte till ärendet KS 2026-"),
    ("document of another case", "document", "Handlingen hör inte till ärendet KS 2026-"),
    (
        "before the referral",
        "paragraph",
        "Svaret kan inte vara daterat före remissen (2026-03-05).",
    ),
]


@pytest.mark.parametrize(("which", "field", "message"), ANSWER_REFUSALS)
def test_answer_referral_refuses_and_changes_nothing(case, which, field, message):
    referral = refer(case)
    answer = answer_refusal(case, referral, which)
    before = referral_rows()
    with pytest.raises(ServiceError) as refused:
        answer_referral(referral=referral, **answer)
    assert message in refused.value.message_dict[field][0]
    assert referral_rows() == before


def test_an_answered_referral_is_not_answered_again(case):
    referral = refer(case)
    answer_referral(referral=referral, paragraph=paragraph(case, "SON", D(2026, 4, 9)))
    before = referral_rows()
    stale = Referral.objects.get(pk=referral.pk)
    stale.answered_by_paragraph = None  # a copy read before the answer: the lock re-reads it
    with pytest.raises(ServiceError) as refused:
        answer_referral(referral=stale, paragraph=paragraph(case, "SON", D(2026, 4, 16)))
    assert refused.value.messages == ["Remissen är redan besvarad (2026-04-09)."]
    assert referral_rows() == before
    with pytest.raises(ServiceError) as checked:
        check_answer_referral(referral=stale, paragraph=None, document=None)
    assert checked.value.message_dict["paragraph"] == [
        "Välj paragrafen eller handlingen som besvarar remissen."
    ]


# --- The pages: who may come in --------------------------------------------------------------


@pytest.fixture
def sent(case) -> Referral:
    return refer(case)


def routes(referral: Referral) -> list[tuple[str, dict]]:
    """Each page with a POST it would accept from the right clerk."""
    son_paragraph = paragraph(referral.case, "SON", D(2026, 4, 9))
    return [
        (
            f"/arbetsyta/arenden/{referral.case.slug}/remiss/",
            {
                "from_body": body("KS").pk,
                "to_body": body("KF").pk,
                "purpose": YTTRANDE,
                "sent_on": "2026-03-06",
            },
        ),
        ("/arbetsyta/organ/son/remisser/", {}),
        (f"/arbetsyta/remisser/{referral.pk}/besvara/", {"paragraph": son_paragraph.pk}),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, sent):
    for url, data in routes(sent):
        for response in (client.get(url), client.post(url, data)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{LOGIN}?next=")


def test_the_ks_secretary_is_refused_at_sons_doors(client, sent):
    """Referral to SON: KS's clerk may not list or answer it."""
    client.force_login(secretary("KS"))
    _, incoming, answer = routes(sent)
    before = referral_rows()
    for url, data in (incoming, answer):
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert "Du har inte behörighet till sidan" in client.get(answer[0]).content.decode()
    assert referral_rows() == before


def test_the_son_secretary_is_refused_at_ks_doors(client, sent):
    """SON's clerk may not send a remiss from KS, nor see or answer KS's incoming referrals."""
    to_ks = refer(new_case("Till KS"), from_body=body("SON"), to_body=body("KS"))
    client.force_login(secretary("SON"))
    refer_url, refer_data = routes(sent)[0]
    before = referral_rows()
    assert client.post(refer_url, refer_data).status_code == 403
    for url in ("/arbetsyta/organ/ks/remisser/", f"/arbetsyta/remisser/{to_ks.pk}/besvara/"):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert referral_rows() == before


def test_a_user_who_is_secretary_of_no_body_cannot_send_a_remiss(client, sent):
    client.force_login(User.objects.create_user("utan-roll", password="x", is_staff=True))
    url, data = routes(sent)[0]
    before = referral_rows()
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert referral_rows() == before


# --- Sending a remiss on the page ------------------------------------------------------------


def test_the_ks_secretary_sends_a_remiss(client, case):
    client.force_login(secretary("KS"))
    url = f"/arbetsyta/arenden/{case.slug}/remiss/"
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["from_body"].queryset) == [body("KS")]
    assert page.context["form"]["sent_on"].value() == today()
    data = {
        "from_body": body("KS").pk,
        "to_body": body("SON").pk,
        "purpose": YTTRANDE,
        "sent_on": "2026-03-05",
        "due_on": "2026-04-30",
    }
    response = client.post(url, data)
    assert response.status_code == 303
    assert response["Location"] == case.get_absolute_url()
    referral = case.referrals.get()
    assert (referral.to_body.code, referral.due_on) == ("SON", D(2026, 4, 30))
    page = client.get(response["Location"]).content.decode()
    assert (
        f"{case.dnr} är remitterat till social- och omsorgsnämnden för yttrande, "
        "svar senast 2026-04-30." in page
    )


def test_a_due_date_before_the_remiss_is_refused_beside_the_field(client, case):
    client.force_login(secretary("KS"))
    url = f"/arbetsyta/arenden/{case.slug}/remiss/"
    data = {
        "from_body": body("KS").pk,
        "to_body": body("SON").pk,
        "purpose": YTTRANDE,
        "sent_on": "2026-03-05",
        "due_on": "2026-03-01",
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert response.context["form"].errors["due_on"] == [
        "Svarsdatum kan inte ligga före remissen skickades (2026-03-05)."
    ]
    html = response.content.decode()
    assert 'value="2026-03-01"' in html and 'value="2026-03-05"' in html
    assert not case.referrals.exists()


def test_a_remiss_to_the_sending_body_is_refused_beside_the_field(client, case):
    client.force_login(secretary("KS"))
    url = f"/arbetsyta/arenden/{case.slug}/remiss/"
    data = {
        "from_body": body("KS").pk,
        "to_body": body("KS").pk,
        "purpose": YTTRANDE,
        "sent_on": "2026-03-05",
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert response.context["form"].errors["to_body"] == [
        "En remiss går till ett annat organ än avsändaren."
    ]
    assert not case.referrals.exists()


# --- The incoming list -----------------------------------------------------------------------


def test_incoming_referrals_overdue_first_then_by_due_date(client, demo):
    day = today()
    cases = {name: new_case(name, day - datetime.timedelta(days=60)) for name in "ABCDE"}
    sent_on = day - datetime.timedelta(days=50)
    dues = {
        "A": day + datetime.timedelta(days=10),  # in time
        "B": day - datetime.timedelta(days=3),  # 3 days late
        "C": None,  # no due date: last
        "D": day - datetime.timedelta(days=20),  # most overdue: first
        "E": day,  # due today: 0 days left
    }
    for name, due in dues.items():
        refer(cases[name], sent_on=sent_on, due_on=due)
    client.force_login(secretary("SON"))
    response = client.get("/arbetsyta/organ/son/remisser/")
    assert response.status_code == 200
    # Among the present-day demo's remisser to SON (portal.demo.stories), which keep their places.
    order = [row["referral"].case.title for row in response.context["unanswered"]]
    assert [title for title in order if title in cases] == ["D", "B", "E", "A", "C"]
    html = response.content.decode()
    assert "20 dagar försenad" in html and "3 dagar försenad" in html
    assert "10 dagar kvar" in html and "0 dagar kvar" in html
    assert html.index("20 dagar försenad") < html.index("3 dagar försenad")
    assert "Besvara" in html
    # The demo's answered referrals to SON, with the answering paragraph linked.
    answered = response.context["answered"]
    # The seeds' last, after the present-day demo's newer ones.
    assert [row["referral"].case.dnr for row in answered][-2:] == ["KS 2020-493", "KS 2019-295"]
    assert 'href="/organ/son/2022/2/"' in html


def test_a_member_of_the_body_reads_the_list_but_may_not_answer(client, demo):
    person = Person.objects.create(first_name="Ny", last_name="Ledamot")
    Membership.objects.create(
        person=person,
        body=body("SON"),
        role=Membership.Role.MEMBER,
        party=Party.objects.first(),
        starts_on=today() - datetime.timedelta(days=30),
    )
    user = User.objects.create_user("ledamot", password="x")
    Account.objects.create(user=user, person=person)
    refer(new_case(day=today()), sent_on=today(), due_on=None)
    client.force_login(user)
    response = client.get("/arbetsyta/organ/son/remisser/")
    assert response.status_code == 200
    assert response.context["may_answer"] is False
    assert "/besvara/" not in response.content.decode()


def add_referrals(count: int) -> None:
    """``count`` referrals to SON: some overdue, some secret, every third answered."""
    day = today()
    for n in range(count):
        case = new_case(f"Ärende {n}", day - datetime.timedelta(days=40), is_secret=n % 2 == 0)
        referral = refer(
            case,
            sent_on=day - datetime.timedelta(days=30),
            due_on=day + datetime.timedelta(days=n - 15),
        )
        if n % 3 == 0:
            answer_referral(referral=referral, paragraph=paragraph(case, "SON", day))


def test_the_incoming_list_takes_a_fixed_number_of_queries(client, demo):
    client.force_login(secretary("SON"))
    url = "/arbetsyta/organ/son/remisser/"
    demo_rows = len(client.get(url).context["unanswered"])  # the present-day demo's
    add_referrals(3)
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url).context["unanswered"]) == demo_rows + 2
    add_referrals(30)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).context["unanswered"]) == demo_rows + 22
    assert len(many) == len(few) <= 10


# --- Answering on the page -------------------------------------------------------------------


def test_the_son_secretary_answers_with_a_paragraph(client, sent):
    son_paragraph = paragraph(sent.case, "SON", D(2026, 4, 9))
    paragraph(sent.case, "KS", D(2026, 4, 16))  # KS's own paragraph is not offered
    client.force_login(secretary("SON"))
    url = f"/arbetsyta/remisser/{sent.pk}/besvara/"
    page = client.get(url)
    assert list(page.context["form"].fields["paragraph"].queryset) == [son_paragraph]
    response = client.post(url, {"paragraph": son_paragraph.pk})
    assert response.status_code == 303
    assert response["Location"] == "/arbetsyta/organ/son/remisser/"
    sent.refresh_from_db()
    assert sent.answered_by_paragraph == son_paragraph
    html = client.get(response["Location"]).content.decode()
    assert f"Remissen i {sent.case.dnr} är besvarad genom SON 2026-04-09 § " in html
    assert son_paragraph.get_absolute_url() in html


def test_answering_with_both_or_too_early_is_refused_beside_the_field(client, sent):
    early = paragraph(sent.case, "SON", D(2026, 3, 4))
    document = Document.objects.create(
        case=sent.case, kind=Document.Kind.OPINION, title="Yttrande", date=D(2026, 4, 20)
    )
    client.force_login(secretary("SON"))
    url = f"/arbetsyta/remisser/{sent.pk}/besvara/"
    before = referral_rows()
    both = client.post(url, {"paragraph": early.pk, "document": document.pk})
    assert both.status_code == 422
    assert both.context["form"].errors["document"] == [
        "Ange en paragraf eller en handling, inte båda."
    ]
    assert f'<option value="{early.pk}" selected>' in both.content.decode()
    too_early = client.post(url, {"paragraph": early.pk})
    assert too_early.status_code == 422
    assert too_early.context["form"].errors["paragraph"] == [
        "Svaret kan inte vara daterat före remissen (2026-03-05)."
    ]
    assert referral_rows() == before


# --- The case page ---------------------------------------------------------------------------


def test_the_case_page_offers_the_clerk_handlaggning(client, sent):
    url = sent.case.get_absolute_url()
    assert "Handläggning" not in client.get(url).content.decode()
    client.force_login(secretary("SON"))
    html = client.get(url).content.decode()
    assert "Handläggning" in html
    assert f'href="/arbetsyta/arenden/{sent.case.slug}/remiss/">Skicka remiss' in html
    assert f'href="/arbetsyta/remisser/{sent.pk}/besvara/">Besvara' in html
    client.force_login(secretary("KS"))
    html = client.get(url).content.decode()
    assert "Skicka remiss" in html
    assert "besvara/" not in html
