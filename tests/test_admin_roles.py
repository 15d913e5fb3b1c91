"""The admin obeys the same roles as the clerk workspace (docs/decisions/0011-roles.md).

A nämndsekreterare of SON with staff access and every model permission of decisions may change
SON's meetings and paragraphs in the admin, and none of KS's: not the page, not its inlines,
not the parts on their own pages, not by moving a row across, not by an action or a revert.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from decisions.models import DecisionPoint, Meeting, Paragraph, Yrkande

from .factories import BodyFactory, MeetingFactory, ParagraphFactory, YrkandeFactory
from .roles import secretary
from .test_admin import add_row, errors_of, form_data

D = datetime.date
REFUSAL = "Du har ingen roll som ger rätt att ändra sammanträden och paragrafer för {}."


def _url(name: str, *args) -> str:
    return reverse(f"admin:decisions_{name}", args=args)


@pytest.fixture
def bodies(db) -> dict:
    son = BodyFactory(code="SON", name="Social- och omsorgsnämnden")
    ks = BodyFactory(code="KS", name="Kommunstyrelsen")
    found = {}
    for body, day in ((son, D(2023, 5, 10)), (ks, D(2023, 5, 16))):
        meeting = MeetingFactory(body=body, date=day)
        found[body.code] = ParagraphFactory(meeting=meeting, number=2, title=f"Ärende i {body}")
    return found


@pytest.fixture
def son_clerk(client, bodies):
    """SON's nämndsekreterare, staff, with every model permission of decisions."""
    user = secretary("SON")
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="decisions"))
    client.force_login(user)
    return client


def test_the_clerk_changes_their_own_bodys_meeting(son_clerk, bodies):
    meeting = bodies["SON"].meeting
    url = _url("meeting_change", meeting.pk)
    data = form_data(son_clerk.get(url))
    data["place"] = "Rådhuset"

    response = son_clerk.post(url, data)

    assert response.status_code == 302, errors_of(response)
    meeting.refresh_from_db()
    assert meeting.place == "Rådhuset"


def test_another_bodys_meeting_is_read_only(son_clerk, bodies):
    meeting = bodies["KS"].meeting
    url = _url("meeting_change", meeting.pk)

    page = son_clerk.get(url)

    assert page.status_code == 200  # staff read every body's protocols, as before
    assert b'name="place"' not in page.content
    assert son_clerk.post(url, {"body": meeting.body_id, "place": "Rådhuset"}).status_code == 403
    delete = _url("meeting_delete", meeting.pk)
    assert son_clerk.post(delete, {"post": "yes"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.place == "Stadshuset"


def test_the_clerk_changes_their_own_bodys_paragraph_and_its_parts(son_clerk, bodies):
    paragraph = bodies["SON"]
    url = _url("paragraph_change", paragraph.pk)
    data = form_data(son_clerk.get(url))
    data["title"] = "Ny rubrik"
    add_row(data, "decision_points", position=1, text="Nämnden beslutar.")

    response = son_clerk.post(url, data)

    assert response.status_code == 302, errors_of(response)
    paragraph.refresh_from_db()
    assert paragraph.title == "Ny rubrik"
    assert DecisionPoint.objects.filter(paragraph=paragraph).count() == 1


def test_another_bodys_paragraph_and_its_inlines_are_refused(son_clerk, bodies, admin_client):
    paragraph = bodies["KS"]
    url = _url("paragraph_change", paragraph.pk)
    # What a superuser's browser would post, with a new decision point in the inline.
    data = form_data(admin_client.get(url))
    data["title"] = "Ändrad av SON"
    add_row(data, "decision_points", position=1, text="Kommunstyrelsen beslutar.")

    page = son_clerk.get(url)

    assert page.status_code == 200
    assert b'name="title"' not in page.content
    assert b"decision_points-__prefix__" not in page.content  # no row can be added
    assert son_clerk.post(url, data).status_code == 403
    delete = _url("paragraph_delete", paragraph.pk)
    assert son_clerk.post(delete, {"post": "yes"}).status_code == 403
    paragraph.refresh_from_db()
    assert paragraph.title == "Ärende i Kommunstyrelsen"
    assert not DecisionPoint.objects.filter(paragraph=paragraph).exists()


def test_another_bodys_parts_are_refused_on_their_own_pages(son_clerk, bodies):
    yrkande = YrkandeFactory(paragraph=bodies["KS"], position=1)
    url = _url("yrkande_change", yrkande.pk)
    data = {"paragraph": bodies["KS"].pk, "position": "1", "kind": "avslag", "target": "motion"}

    assert son_clerk.post(url, data).status_code == 403
    yrkande.refresh_from_db()
    assert yrkande.kind == Yrkande.Kind.APPROVAL

    data.update({"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"})
    response = son_clerk.post(_url("yrkande_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["paragraph"] == [
        REFUSAL.format("Kommunstyrelsen")
    ]
    assert Yrkande.objects.filter(paragraph=bodies["KS"]).count() == 1


def test_no_paragraph_is_added_to_or_moved_into_another_bodys_meeting(son_clerk, bodies):
    ks_meeting = bodies["KS"].meeting
    data = form_data(son_clerk.get(_url("paragraph_add")))
    data.update(meeting=ks_meeting.pk, number="60", title="Smugglad punkt")

    response = son_clerk.post(_url("paragraph_add"), data)

    assert response.status_code == 200
    refusal = REFUSAL.format("Kommunstyrelsen")
    assert response.context["adminform"].form.errors["meeting"] == [refusal]
    assert not Paragraph.objects.filter(title="Smugglad punkt").exists()

    own = bodies["SON"]
    url = _url("paragraph_change", own.pk)
    data = form_data(son_clerk.get(url))
    data["meeting"] = str(ks_meeting.pk)
    response = son_clerk.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["meeting"] == [refusal]
    own.refresh_from_db()
    assert own.meeting.body.code == "SON"

    data = form_data(son_clerk.get(_url("paragraph_add")))
    data.update(meeting=own.meeting_id, number="3", title="Egen punkt")
    assert son_clerk.post(_url("paragraph_add"), data).status_code == 302


def test_no_meeting_is_created_for_another_body(son_clerk, bodies):
    data = form_data(son_clerk.get(_url("meeting_add")))
    data.update(body=bodies["KS"].body_id, date="2022-04-05")

    response = son_clerk.post(_url("meeting_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["body"] == [REFUSAL.format("Kommunstyrelsen")]
    assert not Meeting.objects.filter(date=D(2022, 4, 5)).exists()


def test_actions_on_another_bodys_meeting_are_refused(son_clerk, bodies):
    meeting = bodies["KS"].meeting
    response = son_clerk.post(
        _url("meeting_changelist"),
        {"action": "mark_held", "_selected_action": [meeting.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        f"{meeting}: du har ingen roll som ger rätt att göra detta för Kommunstyrelsen."
    ]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_another_bodys_paragraph_cannot_be_reverted(son_clerk, bodies):
    paragraph = bodies["KS"]
    first = paragraph.history.earliest()
    paragraph.title = "Senare rubrik"
    paragraph.save()
    url = _url("paragraph_simple_history", paragraph.pk, first.history_id)

    assert son_clerk.post(url, {"title": "Tillbaka"}).status_code == 403
    paragraph.refresh_from_db()
    assert paragraph.title == "Senare rubrik"


def test_an_ended_assignment_gives_nothing_in_the_admin(client, bodies):
    user = secretary("SON", ends_on=D(2022, 12, 31))
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="decisions"))
    client.force_login(user)
    paragraph = bodies["SON"]
    url = _url("paragraph_change", paragraph.pk)

    assert client.post(url, {"title": "Efter mandatet"}).status_code == 403


def test_a_superuser_may_change_every_bodys_protocol(admin_client, bodies):
    paragraph = bodies["KS"]
    url = _url("paragraph_change", paragraph.pk)
    data = form_data(admin_client.get(url))
    data["title"] = "Ändrad av administratören"

    assert admin_client.post(url, data).status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.title == "Ändrad av administratören"
