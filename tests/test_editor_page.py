"""The editor page itself: quorum for the § shown and kept live, moving through the agenda."""

from decisions import services as content
from decisions.models import Attendance
from decisions.services.agenda import add_paragraph
from organisation.models import Person

from .test_clerk_routes import build_clerk_world
from .text import visible_text


def editor(paragraph) -> str:
    return f"/arbetsyta/organ/ks/{paragraph.year}/{paragraph.number}/"


def test_the_editor_says_whether_the_body_may_decide_in_this_paragraph(client, demo):
    world = build_clerk_world()
    client.force_login(world.secretary)
    text = visible_text(client.get(editor(world.paragraph)))
    assert "Beslutfört: 10 av 15 ledamöter tjänstgör i § 70." in text

    # Three leave: 7 of 15 is not more than half.
    for row in Attendance.objects.filter(meeting=world.paragraph.meeting)[:3]:
        row.delete()
    text = visible_text(client.get(editor(world.paragraph)))
    assert "Ej beslutfört i § 70: 7 av 15 ledamöter tjänstgör (fler än hälften krävs)." in text


def test_jav_updates_the_quorum_line_without_a_page_load(client, demo):
    world = build_clerk_world()
    for row in Attendance.objects.filter(meeting=world.paragraph.meeting)[:2]:
        row.delete()  # 8 of 15: one jäv from losing quorum
    client.force_login(world.secretary)
    someone = Person.objects.get(
        pk=Attendance.objects.filter(meeting=world.paragraph.meeting)
        .exclude(person__yrkanden__paragraph=world.paragraph)
        .values_list("person", flat=True)
        .first()
    )
    response = client.post(
        editor(world.paragraph) + "innehall/jav/ny/",
        {"person": someone.pk, "reason": "Styrelseledamot i bolaget"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="forhandsvisning-innehall" class="paragraph" data-hx-swap-oob="true"' in html
    assert "Ej beslutfört i § 70: 7 av 15 ledamöter tjänstgör" in visible_text(response)


def test_the_editor_links_the_previous_and_next_paragraph(client, demo):
    world = build_clerk_world()
    planned = world.planned
    first, second = planned.paragraphs.order_by("number")
    third = add_paragraph(meeting=planned, title="Övrigt")
    content.add_decision_point(paragraph=second, text="Informationen noteras.")
    client.force_login(world.secretary)
    html = client.get(editor(second)).content.decode()
    assert f'href="{editor(first)}">← § {first.number}</a>' in html
    assert f'href="{editor(third)}">§ {third.number} →</a>' in html
    assert "← §" not in client.get(editor(first)).content.decode()


def test_the_editor_runs_as_many_queries_for_30_serving_as_for_10(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import PersonFactory

    world = build_clerk_world()
    client.force_login(world.secretary)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(editor(world.paragraph)).status_code == 200
        return len(queries)

    ten = count()
    for _ in range(20):
        Attendance.objects.create(
            meeting=world.paragraph.meeting, kind=Attendance.Kind.MEMBER, person=PersonFactory()
        )
    assert count() == ten


def test_the_paragraph_page_leads_its_clerk_to_the_editor_until_justering(client, demo):
    world = build_clerk_world()
    page = f"/organ/ks/{world.paragraph.year}/{world.paragraph.number}/"
    link = f'href="{editor(world.paragraph)}">Redigera paragrafen</a>'
    assert link not in client.get(page).content.decode()
    client.force_login(world.son_secretary)
    assert link not in client.get(page).content.decode()
    client.force_login(world.secretary)
    assert link in client.get(page).content.decode()
    assert "Redigera paragrafen" not in client.get("/organ/ks/2022/59/").content.decode()
