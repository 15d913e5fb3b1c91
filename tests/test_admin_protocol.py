"""The admin behind the services: protocol state cannot be typed, it changes through actions
that call the services, and what the services derive stays derived."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import (
    Justering,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposition,
    PropositionAlternative,
    Yrkande,
)

from .factories import (
    AttendanceFactory,
    BodyFactory,
    MeetingFactory,
    ParagraphFactory,
    PersonFactory,
    YrkandeFactory,
    YrkandeMemberFactory,
)
from .test_admin import add_row, errors_of, form_data

D = datetime.date


def _url(name: str, *args) -> str:
    return reverse(f"admin:decisions_{name}", args=args)


def run_action(client, model: str, action: str, *objects) -> list[str]:
    """Run an admin action from the changelist; the messages shown afterwards."""
    response = client.post(
        _url(f"{model}_changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def ready_meeting(day: datetime.date) -> Meeting:
    """A planned meeting that may be marked held: chair, justerare, a quorum, one §."""
    body = BodyFactory(size=3)
    chair, adjuster, member = PersonFactory.create_batch(3)
    meeting = MeetingFactory(body=body, date=day, chair=chair)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    for person in (chair, adjuster, member):
        AttendanceFactory(meeting=meeting, person=person)
    ParagraphFactory(meeting=meeting, number=1, title="Första ärendet")
    return meeting


@pytest.fixture
def planned(db) -> Paragraph:
    return ParagraphFactory(title="Planerad paragraf")


# --- State cannot be typed -------------------------------------------------------------------


def test_a_paragraph_cannot_be_made_justerad_in_its_form(admin_client, planned):
    url = _url("paragraph_change", planned.pk)
    page = admin_client.get(url)
    for name in ("status", "immediately_justerad", "justerad_at"):
        assert f'name="{name}"' not in page.content.decode()
    data = form_data(page)
    data.update(status="justerad", immediately_justerad="on", title="Ny rubrik")

    response = admin_client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    planned.refresh_from_db()
    assert planned.title == "Ny rubrik"  # the form works; only the state is not its to write
    assert (planned.status, planned.immediately_justerad, planned.justerad_at) == (
        Paragraph.Status.OJUSTERAD,
        False,
        None,
    )


def test_a_new_paragraph_cannot_be_added_justerad(admin_client, planned):
    data = form_data(admin_client.get(_url("paragraph_add")))
    data.update(meeting=planned.meeting_id, number="90", title="Ny punkt", status="justerad")

    response = admin_client.post(_url("paragraph_add"), data)

    assert response.status_code == 302, errors_of(response)
    assert Paragraph.objects.get(number=90).status == Paragraph.Status.OJUSTERAD


def test_meeting_status_and_anslag_cannot_be_typed(admin_client, planned):
    meeting = planned.meeting
    url = _url("meeting_change", meeting.pk)
    data = form_data(admin_client.get(url))
    data.update(
        status="justerat",
        notice_posted_on="2022-03-20",
        notice_removed_on="2022-04-12",
        place="Rådhuset",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    meeting.refresh_from_db()
    assert meeting.place == "Rådhuset"
    assert (meeting.status, meeting.notice_posted_on, meeting.notice_removed_on) == (
        Meeting.Status.PLANNED,
        None,
        None,
    )


def test_approvals_cannot_be_added_in_the_admin(admin_client, planned):
    meeting = planned.meeting
    url = _url("meeting_change", meeting.pk)
    data = form_data(admin_client.get(url))
    add_row(data, "justeringar", person=PersonFactory().pk, role="ordforande")
    data["justeringar-0-approved_at_0"] = "2022-03-15"
    data["justeringar-0-approved_at_1"] = "10:00"

    admin_client.post(url, data)

    assert not Justering.objects.filter(meeting=meeting).exists()


def test_a_yrkande_outcome_cannot_be_typed(admin_client, planned):
    yrkande = YrkandeFactory(paragraph=planned)
    YrkandeMemberFactory(yrkande=yrkande)
    url = _url("yrkande_change", yrkande.pk)
    data = form_data(admin_client.get(url))
    data["outcome"] = Yrkande.Outcome.CARRIED

    assert admin_client.post(url, data).status_code == 302
    yrkande.refresh_from_db()
    assert yrkande.outcome == ""
    paragraph_page = admin_client.get(_url("paragraph_change", planned.pk)).content.decode()
    assert 'name="yrkanden-0-outcome"' not in paragraph_page


def test_a_revert_from_history_keeps_the_state_the_services_wrote(admin_client, planned):
    meeting = planned.meeting
    first = meeting.history.earliest()
    meeting.place = "Rådhuset"
    meeting.status = Meeting.Status.HELD  # as mark_held writes it
    meeting.save()
    url = _url("meeting_simple_history", meeting.pk, first.history_id)

    response = admin_client.post(url, form_data(admin_client.get(url)))

    assert response.status_code == 302, errors_of(response)
    meeting.refresh_from_db()
    assert meeting.place == "Stadshuset"  # the past version's text is back …
    assert meeting.status == Meeting.Status.HELD  # … not its status


def test_outcomes_follow_a_proposition_changed_in_the_admin(admin_client, planned):
    approval = YrkandeFactory(paragraph=planned, position=1, kind=Yrkande.Kind.APPROVAL)
    rejection = YrkandeFactory(paragraph=planned, position=2, kind=Yrkande.Kind.REJECTION)
    proposition = Proposition.objects.create(paragraph=planned, position=1, finding=approval)
    for position, yrkande in enumerate((approval, rejection), start=1):
        PropositionAlternative.objects.create(
            proposition=proposition, yrkande=yrkande, position=position
        )
    url = _url("proposition_change", proposition.pk)
    data = form_data(admin_client.get(url))
    data["finding"] = str(rejection.pk)

    response = admin_client.post(url, data)

    assert response.status_code == 302, errors_of(response)
    approval.refresh_from_db()
    rejection.refresh_from_db()
    assert (approval.outcome, rejection.outcome) == ("avslaget", "bifallet")


def test_a_proposition_with_one_alternative_is_refused_as_in_the_editor(admin_client, planned):
    approval = YrkandeFactory(paragraph=planned, position=1)
    data = form_data(admin_client.get(_url("proposition_add") + f"?paragraph={planned.pk}"))
    data.update(paragraph=planned.pk, position="1", finding=approval.pk)
    data["alternative_rows-0-position"] = "1"
    data["alternative_rows-0-yrkande"] = str(approval.pk)

    response = admin_client.post(_url("proposition_add"), data)

    assert response.status_code == 200
    assert "Välj minst två yrkanden att ställa mot varandra." in errors_of(response)
    assert not Proposition.objects.filter(paragraph=planned).exists()


def test_a_yrkande_in_the_beslutsordning_is_not_deleted(admin_client, planned):
    approval = YrkandeFactory(paragraph=planned, position=1)
    rejection = YrkandeFactory(paragraph=planned, position=2, kind=Yrkande.Kind.REJECTION)
    proposition = Proposition.objects.create(paragraph=planned, position=1, finding=approval)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=approval, position=1)
    PropositionAlternative.objects.create(proposition=proposition, yrkande=rejection, position=2)

    response = admin_client.post(_url("yrkande_delete", approval.pk), {"post": "yes"}, follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Yrkandet ingår i beslutsordningen (proposition 1); ta bort propositionen först."
    ]
    assert Yrkande.objects.filter(pk=approval.pk).exists()


def test_no_paragraph_is_added_to_a_justerat_protocol(admin_client, planned):
    Meeting.objects.filter(pk=planned.meeting_id).update(status=Meeting.Status.JUSTERAT)
    data = form_data(admin_client.get(_url("paragraph_add")))
    data.update(meeting=planned.meeting_id, number="91", title="För sent")

    response = admin_client.post(_url("paragraph_add"), data)

    assert response.status_code == 200
    message = "Protokollet är justerat; föredragningslistan kan inte ändras."
    assert response.context["adminform"].form.errors["meeting"] == [message]
    assert not Paragraph.objects.filter(number=91).exists()


def test_a_justerat_meeting_is_read_only(admin_client, planned):
    meeting = planned.meeting
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    url = _url("meeting_change", meeting.pk)

    assert b'name="place"' not in admin_client.get(url).content
    assert admin_client.post(url, {"place": "Rådhuset"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.place == "Stadshuset"


# --- State changes through the services ------------------------------------------------------


def test_mark_held_action_shows_the_service_refusal(admin_client, planned):
    messages = run_action(admin_client, "meeting", "mark_held", planned.meeting)

    [message] = messages
    assert message.startswith(f"{planned.meeting}: ")
    assert "Ange sammanträdets ordförande." in message
    assert "Välj minst en justerare." in message
    planned.meeting.refresh_from_db()
    assert planned.meeting.status == Meeting.Status.PLANNED


def test_mark_held_action_marks_a_ready_meeting_held(admin_client, db):
    meeting = ready_meeting(timezone.localdate() - datetime.timedelta(days=1))

    messages = run_action(admin_client, "meeting", "mark_held", meeting)

    assert messages == [f"{meeting}: sammanträdet är markerat som genomfört."]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


def test_justera_action_refuses_while_approvals_are_missing(admin_client, db):
    meeting = ready_meeting(D(2022, 3, 8))
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)

    [message] = run_action(admin_client, "meeting", "justera", meeting)

    assert "Protokollet kan inte justeras än" in message
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


def test_post_notice_action_refuses_before_justering(admin_client, planned):
    [message] = run_action(admin_client, "meeting", "post_notice", planned.meeting)

    assert message == (
        f"{planned.meeting}: Protokollet är inte justerat; anslaget sätts upp först efter "
        "justeringen."
    )
    planned.meeting.refresh_from_db()
    assert planned.meeting.notice_posted_on is None


def test_omedelbar_justering_action_justerar_at_the_meeting(admin_client, db):
    today = ready_meeting(timezone.localdate()).paragraphs.get()
    earlier = ready_meeting(D(2022, 3, 8)).paragraphs.get()

    messages = run_action(admin_client, "paragraph", "justera_immediately", today, earlier)

    assert f"{today}: paragrafen är omedelbart justerad." in messages
    assert any(
        m.startswith(f"{earlier}: Omedelbar justering sker vid sammanträdet (2022-03-08)")
        for m in messages
    )
    today.refresh_from_db()
    earlier.refresh_from_db()
    assert (today.status, today.immediately_justerad) == (Paragraph.Status.JUSTERAD, True)
    assert today.justerad_at is not None
    assert earlier.status == Paragraph.Status.OJUSTERAD


def test_the_change_pages_link_to_the_clerk_pages(admin_client, planned):
    meeting = planned.meeting
    day = {"body": meeting.body.slug, "day": meeting.date.isoformat()}
    where = {"body": planned.body.slug, "year": planned.year, "number": planned.number}
    meeting_page = admin_client.get(_url("meeting_change", meeting.pk)).content.decode()
    for name in ("prepare_meeting", "justera", "post_notice"):
        assert reverse(f"decisions:{name}", kwargs=day) in meeting_page
    paragraph_page = admin_client.get(_url("paragraph_change", planned.pk)).content.decode()
    for name in ("edit_paragraph", "add_correction", "expediering"):
        assert reverse(f"decisions:{name}", kwargs=where) in paragraph_page


def test_a_paragraph_is_deleted_as_the_workspace_removes_it(admin_client, planned):
    YrkandeFactory(paragraph=planned, position=1)
    delete = _url("paragraph_delete", planned.pk)

    response = admin_client.post(delete, {"post": "yes"}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        f"§ {planned.number} har yrkanden och kan inte tas bort från föredragningslistan. "
        "Ta bort dem i paragrafredigeraren först."
    ]
    assert Paragraph.objects.filter(pk=planned.pk).exists()
    empty = ParagraphFactory(meeting=planned.meeting, number=planned.number + 1)
    assert admin_client.post(_url("paragraph_delete", empty.pk), {"post": "yes"}).status_code == 302
    assert not Paragraph.objects.filter(pk=empty.pk).exists()
