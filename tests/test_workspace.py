"""Min arbetsyta (/arbetsyta/): what a login's roles give, and nothing of another body."""

import datetime

from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Meeting
from motions.models import Referral
from organisation.models import Body

from .factories import MeetingFactory
from .roles import member_today, registrator, secretary
from .text import visible_text

URL = "/arbetsyta/"
D = datetime.date


def test_anonymous_users_are_sent_to_log_in(client, demo):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_a_secretary_sees_her_body_its_open_meetings_and_late_referrals(client, demo):
    ks = Body.objects.get(code="KS")
    MeetingFactory(body=ks, date=D(2022, 4, 5))
    Referral.objects.create(
        case=Referral.objects.first().case,
        from_body=Body.objects.get(code="KF"),
        to_body=ks,
        purpose=Referral.Purpose.OPINION,
        sent_on=D(2022, 3, 1),
        due_on=D(2022, 3, 31),
    )
    client.force_login(secretary("KS"))
    response = client.get(URL)
    text = visible_text(response)
    assert "Kommunstyrelsen nämndsekreterare" in text
    assert "Social- och omsorgsnämnden" not in text
    assert "2022-04-05 · planerat" in text
    assert "2022-03-08" not in text  # justerat: nothing left to do there
    assert "1 obesvarade, 1 försenade" in text
    html = response.content.decode()
    assert "/arbetsyta/organ/ks/sammantraden/2022-04-05/" in html
    assert "/arbetsyta/organ/ks/sammantraden/nytt/" in html
    assert "/arbetsyta/organ/ks/remisser/" in html
    assert "Registrera ärende" not in text


def test_a_registrator_gets_the_registration_links(client, demo):
    client.force_login(registrator("KS"))
    text = visible_text(client.get(URL))
    assert "Du är registrator för kommunstyrelsens diarium." in text
    assert "Registrera ärende" in text and "Registrera motion" in text


def test_a_member_reads_her_bodies_but_prepares_nothing(client, demo):
    client.force_login(member_today("SON", "ledamot-son"))
    response = client.get(URL)
    text = visible_text(response)
    assert "Social- och omsorgsnämnden förtroendevald" in text
    assert "Nytt sammanträde" not in text
    assert "/arbetsyta/organ/son/sammantraden/" not in response.content.decode()


def test_a_login_without_roles_is_told_so(client, demo):
    client.force_login(User.objects.create_user("ingen", password="x"))
    text = visible_text(client.get(URL))
    assert "Ditt konto har ingen roll" in text


def test_the_number_of_queries_does_not_grow_with_meetings(client, demo):
    client.force_login(secretary("KS"))
    ks = Body.objects.get(code="KS")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    MeetingFactory(body=ks, date=D(2023, 1, 10))
    few = count()
    for month in range(2, 12):
        MeetingFactory(body=ks, date=D(2023, month, 10))
    assert Meeting.objects.filter(body=ks).count() >= 11
    assert count() == few


def test_a_login_lands_in_min_arbetsyta_unless_it_was_going_elsewhere(client, demo):
    secretary("KS", username="landar", ends_on=None)
    response = client.post("/konto/logga-in/", {"username": "landar", "password": "x"})
    assert response.status_code == 302
    assert response["Location"] == URL
    client.logout()
    response = client.post(
        "/konto/logga-in/",
        {"username": "landar", "password": "x", "next": "/motioner/"},
    )
    assert response["Location"] == "/motioner/"
