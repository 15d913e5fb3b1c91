"""One way to answer a clerk's form post (``common.views.FormAnswer``), and one spelling for
moving a row (``riktning=upp|ned``), on every kind of clerk page in decisions.

The same post with and without the ``HX-Request`` header gets the same status: saved, 303 to the
page without JavaScript and 200 with the fragment for htmx; refused, 422 both ways with the
user's input and the Swedish message beside the field.
"""

import datetime

import pytest

from decisions.models import Attendance, DecisionPoint, Meeting, Paragraph, Yrkande
from decisions.services import agenda, meetings, yrkanden
from organisation.models import Body, Person

from .factories import PersonFactory
from .roles import secretary

D = datetime.date
HTMX = {"HTTP_HX_REQUEST": "true"}
EDITOR = "/arbetsyta/organ/ks/2022/61/"
WORKSPACE = "/arbetsyta/organ/ks/sammantraden/2022-04-05/"
BAD_MOVE = "Ange riktning=upp eller riktning=ned."


def person(name: str) -> Person:
    first, last = name.split(" ", 1)
    return Person.objects.get(first_name=first, last_name=last)


@pytest.fixture
def ks(demo, client) -> Paragraph:
    """KS 2022-03-22 §§ 61–62, held and ojusterade, with 2022-03-08's attendance; the KS
    nämndsekreterare logged in."""
    body = Body.objects.get(code="KS")
    earlier = Meeting.objects.get(body=body, date=D(2022, 3, 8))
    meeting = Meeting.objects.create(
        body=body, date=D(2022, 3, 22), chair=earlier.chair, status=Meeting.Status.HELD
    )
    for row in earlier.attendance.all():
        Attendance.objects.create(meeting=meeting, kind=row.kind, person=row.person)
    p59 = Paragraph.objects.get(body=body, year=2022, number=59)
    paragraph = Paragraph.objects.create(meeting=meeting, number=61, title=p59.title, case=p59.case)
    Paragraph.objects.create(meeting=meeting, number=62, title="Nästa punkt")
    client.force_login(secretary("KS"))
    return paragraph


@pytest.fixture
def planned(ks) -> Meeting:
    """KS 2022-04-05, planned, with two övriga punkter on the agenda."""
    body = Body.objects.get(code="KS")
    meeting = meetings.create_meeting(body=body, date=D(2022, 4, 5), chair=person("Johan Alström"))
    for title in ("Första", "Andra"):
        agenda.add_paragraph(meeting=meeting, title=title)
    return meeting


# Refused posts: (url, data, the input the answer keeps, the message beside the field).
def refused_posts(ks: Paragraph) -> dict[str, tuple[str, dict, str, str]]:
    stranger = PersonFactory(first_name="Olle", last_name="Utomstående")
    return {
        "editor content": (
            f"{EDITOR}innehall/jav/ny/",
            {"person": stranger.pk, "reason": "Släkt med sökanden"},
            'value="Släkt med sökanden"',
            "Olle Utomstående tjänstgör inte i § 61.",
        ),
        "editor debate": (
            f"{EDITOR}debatt/yrkanden/ny/",
            {"kind": "bifall", "target": "motion", "text": "min lydelse", "mover": stranger.pk},
            "min lydelse</textarea>",
            "Olle Utomstående tjänstgör inte i § 61.",
        ),
        "meeting workspace": (
            "/arbetsyta/organ/ks/sammantraden/2022-03-22/uppgifter/",
            {"place": "Rådhuset", "justering_on": "2022-03-01"},
            'value="Rådhuset"',
            "Justeringen kan inte ligga före sammanträdet.",
        ),
    }


@pytest.mark.parametrize("page", ["editor content", "editor debate", "meeting workspace"])
def test_a_refused_post_answers_422_with_and_without_htmx(client, ks, page):
    url, data, kept, message = refused_posts(ks)[page]
    answers = {"plain": client.post(url, data), "htmx": client.post(url, data, **HTMX)}
    for how, response in answers.items():
        html = response.content.decode()
        assert response.status_code == 422, how
        assert kept in html, how
        assert message in html, how
        assert ("<html" in html) == (how == "plain")


def test_a_refused_protocol_action_answers_422_with_and_without_htmx(client, demo):
    client.force_login(secretary("KS"))
    url = "/organ/ks/2022/59/rattelse/"
    data = {"made_on": "2022-03-20", "text": "Punkt 1 ska lyda …"}
    for extra in ({}, HTMX):
        response = client.post(url, data, **extra)
        assert response.status_code == 422
        assert "Ange skälet till rättelsen." in response.content.decode()
        assert "Punkt 1 ska lyda …" in response.content.decode()


def test_a_saved_post_goes_back_without_javascript_and_swaps_with_htmx(client, ks):
    url = f"{EDITOR}innehall/beslut/ny/"
    plain = client.post(url, {"text": "Motionen avslås."})
    assert plain.status_code == 303
    assert plain["Location"] == EDITOR + "#innehall-beslut"
    swapped = client.post(url, {"text": "Motionen bifalls."}, **HTMX)
    assert swapped.status_code == 200
    assert swapped.content.decode().lstrip().startswith('<section id="innehall-sektion"')
    assert DecisionPoint.objects.filter(paragraph=ks).count() == 2


@pytest.mark.parametrize(
    "url", [f"{EDITOR}innehall/jav/ny/", f"{EDITOR}debatt/yrkanden/ny/"], ids=["content", "debate"]
)
def test_the_editor_keeps_its_neighbour_links_when_it_refuses_without_javascript(client, ks, url):
    response = client.post(url, {})
    assert response.status_code == 422
    html = response.content.decode()
    assert "§ 62 →</a>" in html


# --- Moving a row ----------------------------------------------------------------------------


def test_every_move_takes_riktning_upp_or_ned(client, ks, planned):
    second = planned.paragraphs.order_by("number").last()
    response = client.post(
        f"{WORKSPACE}dagordning/flytta/", {"paragraph": second.pk, "riktning": "upp"}
    )
    assert response.status_code == 303
    assert list(planned.paragraphs.order_by("number").values_list("title", flat=True)) == [
        "Andra",
        "Första",
    ]

    one = DecisionPoint.objects.create(paragraph=ks, position=1, text="Ett")
    DecisionPoint.objects.create(paragraph=ks, position=2, text="Två")
    response = client.post(f"{EDITOR}innehall/beslut/{one.pk}/flytta/", {"riktning": "ned"})
    assert response.status_code == 303
    assert list(ks.decision_points.values_list("text", flat=True)) == ["Två", "Ett"]

    for name in ("Rebecka Hovenberg", "Annika Krutzén"):
        yrkanden.save_yrkande(
            paragraph=ks, kind=Yrkande.Kind.APPROVAL, target="motion", movers=[person(name)]
        )
    hovenberg, krutzen = ks.yrkanden.order_by("position")
    response = client.post(f"{EDITOR}debatt/yrkanden/{krutzen.pk}/flytta/", {"riktning": "upp"})
    assert response.status_code == 303
    assert list(ks.yrkanden.order_by("position")) == [krutzen, hovenberg]


@pytest.mark.parametrize(
    "data",
    [{"riktning": "up"}, {"riktning": "ner"}, {"riktning": "down"}, {"direction": "upp"}, {}],
    ids=["up", "ner", "down", "direction", "none"],
)
def test_any_other_spelling_is_refused_with_400(client, ks, planned, data):
    point = DecisionPoint.objects.create(paragraph=ks, position=1, text="Ett")
    DecisionPoint.objects.create(paragraph=ks, position=2, text="Två")
    yrkande = yrkanden.save_yrkande(
        paragraph=ks,
        kind=Yrkande.Kind.APPROVAL,
        target="motion",
        movers=[person("Rebecka Hovenberg")],
    )
    second = planned.paragraphs.order_by("number").last()
    posts = [
        (f"{WORKSPACE}dagordning/flytta/", {"paragraph": second.pk, **data}),
        (f"{EDITOR}innehall/beslut/{point.pk}/flytta/", data),
        (f"{EDITOR}debatt/yrkanden/{yrkande.pk}/flytta/", data),
    ]
    for url, payload in posts:
        for extra in ({}, HTMX):
            response = client.post(url, payload, **extra)
            assert response.status_code == 400, url
            assert response.content.decode() == BAD_MOVE
    assert list(planned.paragraphs.order_by("number").values_list("title", flat=True)) == [
        "Första",
        "Andra",
    ]
    assert list(ks.decision_points.values_list("text", flat=True)) == ["Ett", "Två"]
