"""History (django-simple-history): who changed what, and when, per object, shown to staff.

docs/decisions/0010-history.md says which models keep history and why.
"""

import datetime

import pytest
from django.urls import reverse

from decisions import services
from decisions.models import DecisionPoint, Meeting, MeetingAdjuster, Paragraph
from motions.models import Case

from .factories import CaseFactory, MeetingFactory, ParagraphFactory, PersonFactory
from .test_admin import add_row, form_data

D = datetime.date
TZ = datetime.UTC


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=TZ)


@pytest.fixture
def held_meeting(db) -> Meeting:
    chair, first, second = PersonFactory.create_batch(3)
    meeting = MeetingFactory(date=D(2022, 3, 8), chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=first, position=1)
    MeetingAdjuster.objects.create(meeting=meeting, person=second, position=2)
    ParagraphFactory(meeting=meeting, number=59)
    meeting.people = (chair, first, second)
    return meeting


def test_a_case_title_changed_in_the_admin_records_who_and_what(admin_client, admin_user):
    case = CaseFactory(title="Gammal rubrik")
    url = reverse("admin:motions_case_change", args=[case.pk])
    data = form_data(admin_client.get(url))
    data["title"] = "Ny rubrik"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()
    latest, before = Case.history.filter(id=case.pk).order_by("-history_id")[:2]
    assert latest.history_type == "~"
    assert latest.history_user == admin_user
    assert before.title == "Gammal rubrik"
    delta = latest.diff_against(before)
    assert delta.changed_fields == ["title"]
    [change] = delta.changes
    assert (change.field, change.old, change.new) == ("title", "Gammal rubrik", "Ny rubrik")


def test_a_part_added_in_a_paragraph_inline_records_who_added_it(
    admin_client, admin_user, held_meeting
):
    # Inline rows are saved without save_model: the user comes from HistoryRequestMiddleware.
    paragraph = held_meeting.paragraphs.get()
    url = reverse("admin:decisions_paragraph_change", args=[paragraph.pk])
    data = form_data(admin_client.get(url))
    add_row(data, "decision_points", position=1, text="Motionen avslås.")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()
    point = DecisionPoint.objects.get(paragraph=paragraph)
    [record] = point.history.all()
    assert (record.history_type, record.history_user, record.text) == (
        "+",
        admin_user,
        "Motionen avslås.",
    )


def test_justering_through_the_service_records_the_meeting_change(held_meeting):
    for person in held_meeting.people:
        services.approve_protocol(meeting=held_meeting, person=person, at=at(D(2022, 3, 15)))

    latest = held_meeting.history.latest()
    assert latest.status == Meeting.Status.JUSTERAT
    assert latest.justering_on == D(2022, 3, 15)
    delta = latest.diff_against(latest.prev_record)
    assert set(delta.changed_fields) == {"status", "justering_on"}


def test_justering_through_the_service_records_each_paragraph(held_meeting):
    for person in held_meeting.people:
        services.approve_protocol(meeting=held_meeting, person=person, at=at(D(2022, 3, 15)))

    paragraph = held_meeting.paragraphs.get()
    assert paragraph.history.latest().status == Paragraph.Status.JUSTERAD


def test_omedelbar_justering_through_the_service_records_the_paragraph(held_meeting):
    paragraph = held_meeting.paragraphs.get()

    services.justera_immediately(paragraph=paragraph, at=at(held_meeting.date))

    latest = paragraph.history.latest()
    assert (latest.status, latest.immediately_justerad) == (Paragraph.Status.JUSTERAD, True)
    assert latest.justerad_at == at(held_meeting.date)
    # diff_against compares editable fields only; justerad_at (editable=False) is stored above.
    delta = latest.diff_against(latest.prev_record)
    assert set(delta.changed_fields) == {"status", "immediately_justerad"}
    # The history table is not guarded by the justering trigger (migration 0005): the
    # paragraph is final, its history still readable.
    assert [h.history_type for h in paragraph.history.order_by("history_id")] == ["+", "~"]


def test_the_history_page_of_a_paragraph_is_for_staff_only(client, admin_client, held_meeting):
    paragraph = held_meeting.paragraphs.get()
    paragraph.title = "Ändrad rubrik"
    paragraph.save()
    url = reverse("admin:decisions_paragraph_history", args=[paragraph.pk])

    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Ändrad rubrik" in response.content.decode()

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))


def test_a_justerad_paragraph_cannot_be_reverted_from_its_history(admin_client, held_meeting):
    paragraph = held_meeting.paragraphs.get()
    first = paragraph.history.earliest()
    services.justera_immediately(paragraph=paragraph, at=at(held_meeting.date))
    url = reverse("admin:decisions_paragraph_simple_history", args=[paragraph.pk, first.history_id])

    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"title": "Tillbaka"}).status_code == 403
    paragraph.refresh_from_db()
    assert paragraph.status == Paragraph.Status.JUSTERAD
