"""Min arbetsyta (/arbetsyta/): what a login's roles give, and nothing of another body."""

import datetime

from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from decisions.models import Justering, Meeting, MeetingAdjuster
from motions.models import Referral
from organisation.models import Body
from portal.workspace import LISTED

from .factories import CaseFactory, MeetingFactory, free_day
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
    assert "2022-04-05 · planerat · 0 §§ · saknar dagordning, ordförande" in text
    # Justerat: only its expediering is left, not its preparation.
    assert "2022-03-08 · planerat" not in text and "2022-03-08 · genomfört" not in text
    assert "Väntar på expediering § 59 Utöka den områdesbaserade socialtjänsten" in text
    # The test's remiss and five of the present-day demo's motions, with KS for beredning
    # (remitted to KS or to SON, yttrande given, near and past the one-year limit; no due date).
    assert "6 obesvarade, 1 försenade" in text
    assert "svar senast 2022-03-31 · försenad" in text
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


def test_a_signatory_finds_the_protocols_to_justera(client, demo):
    user = member_today("KS", "justerare-ks")
    person = user.account.person
    ks = Body.objects.get(code="KS")
    # The first day from 2026-11-24 that the demo's calendar leaves free (portal.demo.calendar).
    day = free_day(ks, D(2026, 11, 24))
    held = MeetingFactory(body=ks, date=day, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=held, person=person, position=1)
    client.force_login(user)
    text = visible_text(client.get(URL))
    assert f"Att justera Kommunstyrelsen {day:%Y-%m-%d}" in text
    Justering.objects.create(
        meeting=held, person=person, role=Justering.Role.ADJUSTER, approved_at=timezone.now()
    )
    assert "Att justera" not in visible_text(client.get(URL))


def test_the_secretary_sees_protocols_waiting_for_justering_and_anslag(client, demo):
    ks = Body.objects.get(code="KS")
    # The first days the demo's calendar leaves free (portal.demo.calendar).
    held = free_day(ks, D(2026, 11, 10))
    justerat = free_day(ks, D(2026, 10, 6))
    MeetingFactory(body=ks, date=held, status=Meeting.Status.HELD)
    MeetingFactory(
        body=ks, date=justerat, status=Meeting.Status.JUSTERAT, justering_on=D(2026, 10, 9)
    )
    client.force_login(secretary("KS"))
    text = visible_text(client.get(URL))
    waiting = f"Väntar på justering {held:%Y-%m-%d} · genomfört · saknar dagordning, ordförande"
    assert f"{waiting}, närvaro, justerare" in text
    assert f"Väntar på anslag {justerat:%Y-%m-%d} · justerat 2026-10-09" in text


def test_motions_nearing_the_one_year_limit_are_listed_for_ks_not_son(client, demo):
    client.force_login(secretary("KS"))
    text = visible_text(client.get(URL))
    assert "Motioner nära ettårsgränsen" in text
    assert "KS 2020-493 Motion om områdesbaserat socialt arbete i hela kommunen" in text
    client.force_login(secretary("SON", username="sekr-son-2"))
    assert "Motioner nära ettårsgränsen" not in visible_text(client.get(URL))


def test_referrals_with_a_due_date_come_before_those_without_when_the_list_is_cut(client, demo):
    ks, kf = Body.objects.get(code="KS"), Body.objects.get(code="KF")
    for _ in range(LISTED + 1):
        Referral.objects.create(
            case=CaseFactory(), from_body=kf, to_body=ks, purpose="beredning", sent_on=D(2026, 1, 5)
        )
    due = CaseFactory(title="Remissen med svarsdatum")
    Referral.objects.create(
        case=due,
        from_body=kf,
        to_body=ks,
        purpose="yttrande",
        sent_on=D(2026, 11, 1),
        due_on=D(2026, 12, 20),
    )
    client.force_login(secretary("KS"))
    assert "Remissen med svarsdatum · från kommunfullmäktige · svar senast 2026-12-20" in (
        visible_text(client.get(URL))
    )
