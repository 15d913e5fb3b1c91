"""The clerk's meeting workspace: creating a meeting, its agenda, attendance, quorum, justerare.

On the demo's KS (15 seats, ten ledamöter 2019–2022) with a new meeting 2022-04-05: each rule
allowed and refused with its Swedish message, nothing changed after a refusal; every route for
anonymous users, SON's nämndsekreterare and KS's.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.errors import ServiceError
from decisions import services
from decisions.meeting_selectors import cases_ready_for, quorum_report, quorum_rows
from decisions.models import (
    Attendance,
    DecisionPoint,
    Jav,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposal,
)
from decisions.services.attendance import Other, Presence, Substitution
from motions.models import Document, Referral
from organisation.models import Body, Membership, Party, Person

from .factories import (
    BodyFactory,
    CaseFactory,
    MeetingFactory,
    MembershipFactory,
    ParagraphFactory,
    PersonFactory,
    free_day,
)
from .roles import secretary
from .test_roles import LOGIN

D = datetime.date
DAY = D(2022, 4, 5)
BASE = "/arbetsyta/organ/ks/sammantraden/"
WS = f"{BASE}2022-04-05/"


# --- Fixtures --------------------------------------------------------------------------------


def person(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


@pytest.fixture
def ks(demo) -> Body:
    body = Body.objects.get(code="KS")
    party = Party.objects.get(abbreviation="S")
    for first in ("Erik", "Frida"):
        Membership.objects.create(
            person=PersonFactory(first_name=first, last_name="Ersättare"),
            body=body,
            role=Membership.Role.SUBSTITUTE,
            party=party,
            starts_on=D(2019, 1, 1),
            ends_on=D(2022, 12, 31),
        )
    return body


def ledamoter(body: Body) -> list[Person]:
    return [
        m.person
        for m in Membership.objects.on(DAY)
        .filter(body=body)
        .exclude(role=Membership.Role.SUBSTITUTE)
        .select_related("person")
        .order_by("person__last_name")
    ]


@pytest.fixture
def meeting(ks) -> Meeting:
    """KS 2022-04-05, planned, chaired by the KS ordförande, with §§ 61–63 on the agenda."""
    meeting = services.create_meeting(body=ks, date=DAY, chair=person("Johan Alström"))
    for title in ("Första", "Andra", "Tredje"):
        services.add_paragraph(meeting=meeting, title=title)
    return meeting


def all_present(meeting: Meeting, **kwargs) -> list[Attendance]:
    kwargs.setdefault("serving", [])
    kwargs.setdefault("substitutes", [])
    kwargs.setdefault("others", [])
    members = kwargs.pop("members", None)
    if members is None:
        members = [Presence(p) for p in ledamoter(meeting.body)]
    return services.set_attendance(meeting=meeting, members=members, **kwargs)


def snapshot(meeting: Meeting) -> tuple:
    meeting = Meeting.objects.get(pk=meeting.pk)
    return (
        meeting.status,
        meeting.chair_id,
        meeting.justering_on,
        meeting.place,
        sorted(Paragraph.objects.filter(meeting=meeting).values_list("pk", "number", "title")),
        sorted(
            Attendance.objects.filter(meeting=meeting).values_list(
                "kind", "person_id", "replaces_id", "from_number", "to_number", "name"
            ),
            key=str,
        ),
        list(MeetingAdjuster.objects.filter(meeting=meeting).values_list("person_id", "position")),
        Meeting.objects.count(),
    )


def refused(subject: Meeting, match: str, call, /, **kwargs) -> ServiceError:
    before = snapshot(subject)
    with pytest.raises(ServiceError) as info:
        call(**kwargs)
    assert match in " ".join(info.value.messages), info.value.messages
    assert snapshot(subject) == before
    return info.value


# --- Creating a meeting ----------------------------------------------------------------------


def test_a_meeting_is_created_planned(ks):
    meeting = services.create_meeting(
        body=ks,
        date=DAY,
        chair=person("Johan Alström"),
        justering_on=D(2022, 4, 12),
        place="Stadshuset",
        secretary="Cecilia Åberg",
    )
    assert meeting.status == Meeting.Status.PLANNED
    assert (meeting.place, meeting.secretary) == ("Stadshuset", "Cecilia Åberg")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": D(2022, 3, 8)}, "Kommunstyrelsen har redan ett sammanträde 2022-03-08."),
        (
            {"date": DAY, "justering_on": D(2022, 4, 4)},
            "Justeringen kan inte ligga före sammanträdet.",
        ),
        ({"date": DAY, "chair": "Lena Sjöberg"}, "Lena Sjöberg är inte ledamot i kommunstyrelsen"),
        ({"date": DAY, "chair": "Erik Ersättare"}, "ordföranden ska vara ledamot"),
        ({"date": D(2023, 2, 1), "chair": "Johan Alström"}, "inte ledamot i kommunstyrelsen den"),
    ],
)
def test_creating_a_meeting_is_refused(ks, kwargs, message):
    if "chair" in kwargs:
        kwargs["chair"] = person(kwargs["chair"])
    before = Meeting.objects.count()
    with pytest.raises(ServiceError, match=message):
        services.create_meeting(body=ks, **kwargs)
    assert Meeting.objects.count() == before


def test_the_create_page_keeps_what_was_typed(client, ks):
    client.force_login(secretary("KS"))
    page = client.get(f"{BASE}nytt/")
    assert page.status_code == 200 and 'name="date"' in page.content.decode()
    data = {"date": "2022-04-05", "place": "Rådhuset", "justering_on": "2022-04-01"}
    response = client.post(f"{BASE}nytt/", data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Justeringen kan inte ligga före sammanträdet." in html
    assert 'value="Rådhuset"' in html
    assert not Meeting.objects.filter(date=DAY).exists()
    data["justering_on"] = "2022-04-12"
    data["chair"] = person("Johan Alström").pk
    response = client.post(f"{BASE}nytt/", data)
    assert response.status_code == 303 and response["Location"] == WS
    assert Meeting.objects.get(body=ks, date=DAY).place == "Rådhuset"


def test_details_are_updated_and_checked(meeting):
    services.update_meeting(
        meeting=meeting,
        starts_at=datetime.time(13),
        place="Rådhuset",
        chair=person("Sara Nyberg"),
        secretary="X",
        justering_on=D(2022, 4, 12),
        justering_place="Stadshuset",
    )
    meeting.refresh_from_db()
    assert meeting.chair == person("Sara Nyberg")
    refused(
        meeting,
        "Justeringen kan inte ligga före sammanträdet.",
        services.update_meeting,
        meeting=meeting,
        starts_at=None,
        place="",
        chair=None,
        secretary="",
        justering_on=D(2022, 4, 1),
        justering_place="",
    )


# --- The agenda ------------------------------------------------------------------------------


def test_paragraphs_follow_the_bodys_sequence_for_the_year(meeting):
    # The demo's KS 2022-03-08 has §§ 59–60, so the next meeting starts at § 61.
    assert [p.number for p in meeting.paragraphs.order_by("number")] == [61, 62, 63]
    other = MeetingFactory(date=D(2023, 1, 10))
    assert services.add_paragraph(meeting=other, title="Val av justerare").number == 1


def test_an_ovrig_punkt_needs_a_title(meeting):
    refused(meeting, "Ange en rubrik", services.add_paragraph, meeting=meeting, title="  ")


def test_a_case_is_added_with_its_title_once(meeting):
    case = CaseFactory(title="Budget 2023")
    paragraph = services.add_paragraph(meeting=meeting, case=case)
    assert (paragraph.number, paragraph.title, paragraph.case) == (64, "Budget 2023", case)
    refused(
        meeting,
        f"Ärendet {case.dnr} finns redan på föredragningslistan som § 64.",
        services.add_paragraph,
        meeting=meeting,
        case=case,
    )


def test_cases_ready_for_the_meeting(meeting, ks):
    son = Body.objects.get(code="SON")
    referred = CaseFactory(title="Remitterat")
    Referral.objects.create(
        case=referred, from_body=son, to_body=ks, purpose="beredning", sent_on=D(2022, 3, 1)
    )
    elsewhere = CaseFactory(title="Remitterat till SON")
    Referral.objects.create(
        case=elsewhere, from_body=ks, to_body=son, purpose="yttrande", sent_on=D(2022, 3, 1)
    )
    proposed = CaseFactory(title="Tjänsteskrivelse")
    doc = Document.objects.create(
        case=proposed, kind="tjansteskrivelse", title="T", date=D(2022, 3, 2)
    )
    Proposal.objects.create(document=doc, to_body=ks, position=1)
    handled = CaseFactory(title="Redan behandlat")
    doc = Document.objects.create(
        case=handled, kind="tjansteskrivelse", title="T", date=D(2022, 1, 2)
    )
    Proposal.objects.create(document=doc, to_body=ks, position=1)
    # Earlier meetings of their own: the demo's are justerade and take no new §§.
    ParagraphFactory(meeting=MeetingFactory(body=ks, date=D(2022, 3, 1)), number=70, case=handled)
    from_son = CaseFactory(title="SON föreslår")
    son_paragraph = ParagraphFactory(
        meeting=MeetingFactory(body=son, date=D(2022, 2, 23)), number=9, case=from_son
    )
    Proposal.objects.create(paragraph=son_paragraph, to_body=ks, position=1)

    ready = set(cases_ready_for(meeting).values_list("title", flat=True))
    assert {"Remitterat", "Tjänsteskrivelse", "SON föreslår"} <= ready
    assert not {"Remitterat till SON", "Redan behandlat"} & ready

    services.add_paragraph(meeting=meeting, case=from_son)
    assert "SON föreslår" not in set(cases_ready_for(meeting).values_list("title", flat=True))


def test_a_paragraph_without_parts_is_removed(meeting):
    paragraph = meeting.paragraphs.get(number=63)
    services.remove_paragraph(paragraph=paragraph)
    assert list(meeting.paragraphs.values_list("number", flat=True).order_by("number")) == [61, 62]


def test_a_paragraph_with_parts_is_not_removed(meeting):
    paragraph = meeting.paragraphs.get(number=62)
    DecisionPoint.objects.create(paragraph=paragraph, position=1, text="Bifall.")
    refused(
        meeting,
        "§ 62 har beslutspunkter och kan inte tas bort från föredragningslistan",
        services.remove_paragraph,
        paragraph=paragraph,
    )


def test_a_justerad_paragraph_is_not_removed(meeting):
    paragraph = meeting.paragraphs.get(number=61)
    Paragraph.objects.filter(pk=paragraph.pk).update(status=Paragraph.Status.JUSTERAD)
    paragraph.refresh_from_db()
    refused(meeting, "§ 61 är justerad", services.remove_paragraph, paragraph=paragraph)


# --- Attendance ------------------------------------------------------------------------------


def test_attendance_is_saved(meeting):
    members = ledamoter(meeting.body)
    absent = person("Tobias Ek")
    rows = all_present(
        meeting,
        members=[Presence(p) for p in members if p != absent],
        serving=[Substitution(person("Erik Ersättare"), absent, 62, 63)],
        substitutes=[person("Frida Ersättare")],
        others=[Other("Cecilia Åberg", "sekreterare")],
    )
    assert len(rows) == 9 + 1 + 1 + 1
    row = Attendance.objects.get(meeting=meeting, kind=Attendance.Kind.SERVING_SUBSTITUTE)
    assert (row.replaces, row.from_number, row.to_number) == (absent, 62, 63)


def refused_attendance(meeting, message, **kwargs):
    return refused(meeting, message, all_present, meeting=meeting, **kwargs)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            "stranger",
            "Lena Sjöberg är inte ledamot eller ersättare i kommunstyrelsen den 2022-04-05.",
        ),
        ("ledamot_as_substitute", "Sara Nyberg är ledamot och kan inte tjänstgöra som ersättare."),
        ("replaces_substitute", "Frida Ersättare är inte ledamot i kommunstyrelsen"),
        ("replaces_present", "Tobias Ek är närvarande och tjänstgör själv i §§ 61–63"),
        ("two_for_one", "Tobias Ek ersätts redan av Erik Ersättare i § 63."),
        ("twice", "Erik Ersättare står redan med i närvaron"),
        ("outside", "§ 70 finns inte på sammanträdet (§§ 61–63)."),
        ("backwards", "Paragrafintervallet måste gå framåt"),
        ("substitute_as_member", "Erik Ersättare är ersättare, inte ledamot."),
    ],
)
def test_attendance_is_refused(meeting, case, message):
    ek, erik, frida = person("Tobias Ek"), person("Erik Ersättare"), person("Frida Ersättare")
    others = [Presence(p) for p in ledamoter(meeting.body) if p != ek]
    kwargs = {
        "stranger": {"substitutes": [person("Lena Sjöberg")]},
        "ledamot_as_substitute": {
            "members": others,
            "serving": [Substitution(person("Sara Nyberg"), ek)],
        },
        "replaces_substitute": {"serving": [Substitution(erik, frida)]},
        "replaces_present": {"serving": [Substitution(erik, ek)]},
        "two_for_one": {
            "members": others,
            "serving": [Substitution(erik, ek, 61, 63), Substitution(frida, ek, 63, 63)],
        },
        "twice": {"members": others, "serving": [Substitution(erik, ek)], "substitutes": [erik]},
        "outside": {"members": others, "serving": [Substitution(erik, ek, 61, 70)]},
        "backwards": {"members": others, "serving": [Substitution(erik, ek, 63, 62)]},
        "substitute_as_member": {"members": [*others, Presence(erik)]},
    }[case]
    refused_attendance(meeting, message, **kwargs)


def test_an_ersattare_may_serve_where_the_ledamot_has_jav(meeting):
    ek, erik = person("Tobias Ek"), person("Erik Ersättare")
    Jav.objects.create(paragraph=meeting.paragraphs.get(number=62), person=ek)
    all_present(meeting, serving=[Substitution(erik, ek, 62, 62)])
    refused_attendance(
        meeting,
        "Tobias Ek är närvarande och tjänstgör själv i § 63",
        serving=[Substitution(erik, ek, 62, 63)],
    )


def test_attendance_cannot_change_after_justering(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    meeting.refresh_from_db()
    refused_attendance(meeting, "Protokollet är justerat; närvaron kan inte ändras.")


# --- Quorum ----------------------------------------------------------------------------------


def _rows(serving: int, *, extra=()) -> list[Attendance]:
    return [
        Attendance(kind=Attendance.Kind.MEMBER, person_id=i) for i in range(1, serving + 1)
    ] + list(extra)


@pytest.mark.parametrize(
    ("serving", "seats", "quorum"), [(7, 13, True), (6, 13, False), (8, 15, True), (7, 15, False)]
)
def test_quorum_is_more_than_half(serving, seats, quorum):
    row = quorum_rows(_rows(serving), [Paragraph(number=12)], seats)[0]
    assert row.has_quorum is quorum
    if not quorum:
        assert row.message == (
            f"Ej beslutfört i § 12: {serving} av {seats} ledamöter tjänstgör "
            "(fler än hälften krävs)."
        )


def test_an_ersattare_serving_only_some_paragraphs_counts_only_there():
    substitute = Attendance(
        kind=Attendance.Kind.SERVING_SUBSTITUTE,
        person_id=99,
        replaces_id=98,
        from_number=2,
        to_number=3,
    )
    paragraphs = [Paragraph(number=n) for n in (1, 2, 3, 4)]
    rows = quorum_rows(_rows(6, extra=[substitute]), paragraphs, 13)
    assert [(r.serving, r.has_quorum) for r in rows] == [
        (6, False),
        (7, True),
        (7, True),
        (6, False),
    ]


def test_jav_removes_a_member_from_quorum(db):
    body = BodyFactory(size=5)
    meeting = MeetingFactory(body=body, date=D(2022, 5, 2))
    people = [MembershipFactory(body=body).person for _ in range(3)]
    for p in people:
        Attendance.objects.create(meeting=meeting, kind=Attendance.Kind.MEMBER, person=p)
    first, second = (
        ParagraphFactory(meeting=meeting, number=1),
        ParagraphFactory(meeting=meeting, number=2),
    )
    Jav.objects.create(paragraph=second, person=people[0])
    report = quorum_report(meeting)
    assert [(r.paragraph, r.serving, r.has_quorum) for r in report] == [
        (first, 3, True),
        (second, 2, False),
    ]


# --- Justerare and held ----------------------------------------------------------------------


def test_justerare_are_chosen_among_those_present(meeting):
    all_present(
        meeting, members=[Presence(p) for p in ledamoter(meeting.body) if p.first_name != "Sara"]
    )
    services.set_adjusters(
        meeting=meeting, adjusters=[person("Mikael Strandberg"), person("Tobias Ek")]
    )
    assert list(meeting.adjusters.order_by("meetingadjuster__position")) == [
        person("Mikael Strandberg"),
        person("Tobias Ek"),
    ]
    refused(
        meeting,
        "Sara Nyberg var inte närvarande och kan inte justera protokollet.",
        services.set_adjusters,
        meeting=meeting,
        adjusters=[person("Sara Nyberg")],
    )
    refused(
        meeting,
        "är ordförande och justerar redan",
        services.set_adjusters,
        meeting=meeting,
        adjusters=[person("Johan Alström")],
    )
    refused(
        meeting, "Välj minst en justerare.", services.set_adjusters, meeting=meeting, adjusters=[]
    )


def test_a_justerare_must_stay_present(meeting):
    all_present(meeting)
    services.set_adjusters(meeting=meeting, adjusters=[person("Tobias Ek")])
    refused_attendance(
        meeting,
        "Tobias Ek är utsedd att justera protokollet och måste stå som närvarande.",
        members=[Presence(p) for p in ledamoter(meeting.body) if p != person("Tobias Ek")],
    )


def test_a_meeting_is_marked_held_when_ready(meeting):
    # KS has 15 seats: eight serving ledamöter are a quorum.
    error = refused(meeting, "Välj minst en justerare.", services.mark_held, meeting=meeting)
    messages = error.messages
    assert "Ordföranden Johan Alström står inte som närvarande." in messages
    assert "Ej beslutfört i § 61: 0 av 15 ledamöter tjänstgör (fler än hälften krävs)." in messages
    everyone = ledamoter(meeting.body)
    seven = [Presence(p) for p in everyone if p.last_name not in ("Ek", "Karlsson", "Forsman")]
    all_present(meeting, members=seven)
    services.set_adjusters(meeting=meeting, adjusters=[person("Sara Nyberg")])
    error = refused(meeting, "Ej beslutfört i § 61: 7 av 15", services.mark_held, meeting=meeting)
    assert len(error.messages) == 3  # §§ 61, 62 and 63
    all_present(
        meeting,
        members=seven,
        serving=[Substitution(person("Erik Ersättare"), person("Tobias Ek"))],
    )
    services.mark_held(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    # Held: the attendance must keep the quorum and the chair.
    refused_attendance(meeting, "Ej beslutfört", members=seven)


def test_a_future_meeting_is_not_held(ks):
    future = services.create_meeting(
        body=ks, date=free_day(ks, datetime.date.today() + datetime.timedelta(days=3))
    )
    with pytest.raises(ServiceError, match="det kan markeras som genomfört först då"):
        services.mark_held(meeting=future)


# --- Routes and roles ------------------------------------------------------------------------


def routes(meeting: Meeting) -> list[tuple[str, str, dict]]:
    paragraph = meeting.paragraphs.get(number=62)
    return [
        ("create_meeting", f"{BASE}nytt/", {"date": "2022-05-03"}),
        ("prepare_meeting", WS, {}),
        ("update_meeting", f"{WS}uppgifter/", {"place": "Annanstans", "secretary": "X"}),
        ("agenda_add_case", f"{WS}dagordning/arende/", {"case": CaseFactory().pk}),
        ("agenda_add_item", f"{WS}dagordning/punkt/", {"title": "Information"}),
        ("agenda_remove", f"{WS}dagordning/ta-bort/", {"paragraph": paragraph.pk}),
        ("agenda_move", f"{WS}dagordning/flytta/", {"paragraph": paragraph.pk, "riktning": "upp"}),
        ("agenda_renumber", f"{WS}dagordning/numrera-om/", {"first": 1}),
        ("meeting_attendance", f"{WS}narvaro/", attendance_post(meeting, all_present=True)),
        ("meeting_adjusters", f"{WS}justerare/", {"adjuster_1": person("Sara Nyberg").pk}),
        ("meeting_held", f"{WS}genomfort/", {}),
    ]


ROUTE_NAMES = [
    "create_meeting",
    "prepare_meeting",
    "update_meeting",
    "agenda_add_case",
    "agenda_add_item",
    "agenda_remove",
    "agenda_move",
    "agenda_renumber",
    "meeting_attendance",
    "meeting_adjusters",
    "meeting_held",
]


def attendance_post(meeting: Meeting, *, all_present: bool = False, **extra) -> dict:
    members = ledamoter(meeting.body)
    data = {
        "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": len(members),
        "serving-TOTAL_FORMS": 1,
        "serving-INITIAL_FORMS": 0,
        "others-TOTAL_FORMS": 1,
        "others-INITIAL_FORMS": 0,
    }
    for i, p in enumerate(members):
        data[f"members-{i}-person"] = p.pk
    if all_present:
        data["all_present"] = "1"
    data.update(extra)
    return data


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_anonymous_users_go_to_the_login_page(client, meeting, name):
    url, data = {n: (u, d) for n, u, d in routes(meeting)}[name]
    before = snapshot(meeting)
    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == 302
        assert response["Location"].startswith(f"{LOGIN}?next=")
    assert snapshot(meeting) == before


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_the_son_secretary_is_refused_on_ks(client, meeting, name):
    url, data = {n: (u, d) for n, u, d in routes(meeting)}[name]
    client.force_login(secretary("SON"))
    before = snapshot(meeting)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert snapshot(meeting) == before


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_the_ks_secretary_works_on_ks(client, meeting, name):
    url, data = {n: (u, d) for n, u, d in routes(meeting)}[name]
    client.force_login(secretary("KS"))
    response = client.get(url)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == WS
    if name == "meeting_adjusters":
        client.post(f"{WS}narvaro/", attendance_post(meeting, all_present=True))
    if name == "meeting_held":
        client.post(f"{WS}narvaro/", attendance_post(meeting, all_present=True))
        client.post(f"{WS}justerare/", {"adjuster_1": person("Sara Nyberg").pk})
    if name == "agenda_add_case":
        case = CaseFactory()
        Referral.objects.create(
            case=case,
            from_body=Body.objects.get(code="KF"),
            to_body=meeting.body,
            purpose="beredning",
            sent_on=D(2022, 3, 1),
        )
        data = {"case": case.pk}
    response = client.post(url, data)
    # A saved form post goes back to the workspace with 303; a POST to the page itself is
    # not a form of it and is sent there as any stray request is.
    expected = 302 if name == "prepare_meeting" else 303
    assert response.status_code == expected, response.content.decode()[:3000]


def test_the_workspace_shows_the_agenda_and_links_to_the_editor(client, meeting):
    client.force_login(secretary("KS"))
    html = client.get(WS).content.decode()
    assert "/arbetsyta/organ/ks/2022/62/" in html
    for name in ('name="first"', 'name="title"', 'name="members-0-present"', 'name="adjuster_1"'):
        assert name in html
    assert "Sammanträdet är genomfört" in html
    assert "Ej beslutfört i § 61" in html


def test_a_paragraph_of_another_meeting_is_not_found(client, meeting):
    client.force_login(secretary("KS"))
    other = Paragraph.objects.get(body__code="SON", year=2022, number=2)
    before = snapshot(meeting)
    response = client.post(f"{WS}dagordning/ta-bort/", {"paragraph": other.pk})
    assert response.status_code == 404
    assert (
        client.post(
            f"{WS}dagordning/flytta/", {"paragraph": other.pk, "riktning": "upp"}
        ).status_code
        == 404
    )
    assert snapshot(meeting) == before
    assert Paragraph.objects.filter(pk=other.pk).exists()


def test_a_refused_attendance_keeps_what_was_typed(client, meeting):
    client.force_login(secretary("KS"))
    data = attendance_post(
        meeting,
        **{
            "serving-0-person": person("Erik Ersättare").pk,
            "serving-0-replaces": person("Tobias Ek").pk,
            "serving-0-from_no": "63",
            "serving-0-to_no": "61",
            "others-0-name": "Gäst Gästsson",
        },
    )
    response = client.post(f"{WS}narvaro/", data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Paragrafintervallet måste gå framåt" in html
    assert 'value="Gäst Gästsson"' in html
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_a_person_of_another_body_is_refused_beside_the_field(client, meeting):
    client.force_login(secretary("KS"))
    data = attendance_post(meeting, substitutes=[person("Lena Sjöberg").pk])
    response = client.post(f"{WS}narvaro/", data)
    assert response.status_code == 422
    assert "Lena Sjöberg är inte ledamot eller ersättare i kommunstyrelsen den 2022-04-05." in (
        response.content.decode()
    )
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_all_present_and_held_through_the_pages(client, meeting):
    client.force_login(secretary("KS"))
    assert (
        client.post(f"{WS}narvaro/", attendance_post(meeting, all_present=True)).status_code == 303
    )
    assert Attendance.objects.filter(meeting=meeting, kind=Attendance.Kind.MEMBER).count() == 10
    response = client.post(f"{WS}genomfort/")
    assert response.status_code == 422
    assert "Välj minst en justerare." in response.content.decode()
    client.post(f"{WS}justerare/", {"adjuster_1": person("Sara Nyberg").pk})
    assert client.post(f"{WS}genomfort/").status_code == 303
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.HELD


def test_htmx_gets_the_workspace_only(client, meeting):
    client.force_login(secretary("KS"))
    response = client.post(f"{WS}dagordning/punkt/", {"title": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    html = response.content.decode()
    # The workspace, and out of band the heading's status line: nothing else of the page.
    assert html.lstrip().startswith('<p class="kicker" id="sammantrade-status"')
    assert html.count('<div id="arbetsyta"') == 1 and "<h1" not in html
    assert "Ange en rubrik för punkten." in html


def test_htmx_updates_the_headings_status_when_the_meeting_is_held(client, meeting):
    client.force_login(secretary("KS"))
    client.post(f"{WS}narvaro/", attendance_post(meeting, all_present=True))
    client.post(f"{WS}justerare/", {"adjuster_1": person("Sara Nyberg").pk})
    html = client.post(f"{WS}genomfort/", HTTP_HX_REQUEST="true").content.decode()
    assert 'id="sammantrade-status" data-hx-swap-oob="true">Sammanträde · Genomfört' in html


def test_the_workspace_needs_a_fixed_number_of_queries(client, ks):
    client.force_login(secretary("KS"))
    counts = []
    for day, items in ((D(2022, 5, 3), 3), (D(2022, 6, 7), 30)):
        meeting = services.create_meeting(body=ks, date=day, chair=person("Johan Alström"))
        for i in range(items):
            paragraph = services.add_paragraph(meeting=meeting, case=CaseFactory(), title=f"P{i}")
            Jav.objects.create(paragraph=paragraph, person=person("Tobias Ek"))
        all_present(meeting, serving=[Substitution(person("Erik Ersättare"), person("Tobias Ek"))])
        url = f"{BASE}{day:%Y-%m-%d}/"
        client.get(url)  # warm caches (session, content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20, counts


def test_the_public_pages_link_to_the_workspace_for_the_bodys_secretary(client, meeting):
    assert (
        "Förbered sammanträdet"
        not in client.get("/organ/ks/sammantraden/2022-04-05/").content.decode()
    )
    assert "Nytt sammanträde" not in client.get("/organ/ks/").content.decode()
    client.force_login(secretary("SON"))
    assert (
        "Förbered sammanträdet"
        not in client.get("/organ/ks/sammantraden/2022-04-05/").content.decode()
    )
    client.force_login(secretary("KS", username="ks"))
    assert WS in client.get("/organ/ks/sammantraden/2022-04-05/").content.decode()
    assert f"{BASE}nytt/" in client.get("/organ/ks/").content.decode()
