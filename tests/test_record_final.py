"""After justering the whole record is final: the meeting, its attendance, its justerare and its
approvals — refused by the services, read-only in the admin, and on PostgreSQL refused by the
triggers of migration 0009. Rättelser and stored extracts only ever grow."""

import datetime

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from decisions import services
from decisions.models import (
    Attendance,
    Correction,
    Justering,
    Meeting,
    MeetingAdjuster,
    Paragraph,
)
from decisions.services.attendance import Presence

from .factories import AttendanceFactory, MeetingFactory, ParagraphFactory, PersonFactory
from .test_admin import form_data

D = datetime.date
KS_DAY = D(2022, 3, 8)
FINAL = "Protokollet är justerat och kan inte ändras; gör en rättelse."
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
)


@pytest.fixture
def ks(demo) -> Meeting:
    """The demo's KS 2022-03-08: justerat, notice posted, attendance, justerare, approvals."""
    return Meeting.objects.select_related("body").get(body__code="KS", date=KS_DAY)


@pytest.fixture
def unposted(db) -> Meeting:
    """A meeting held, approved and then justerat (the transition the triggers let through),
    with attendance, a justerare and a § — its notice not posted yet."""
    chair, adjuster = PersonFactory.create_batch(2)
    meeting = MeetingFactory(date=D(2022, 5, 2), chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    for person in (chair, adjuster):
        AttendanceFactory(meeting=meeting, person=person)
        Justering.objects.create(
            meeting=meeting,
            person=person,
            role="ordforande" if person == chair else "justerare",
            approved_at=datetime.datetime(2022, 5, 9, 10, tzinfo=datetime.UTC),
        )
    ParagraphFactory(meeting=meeting, status=Paragraph.Status.JUSTERAD)
    Meeting.objects.filter(pk=meeting.pk).update(
        status=Meeting.Status.JUSTERAT, justering_on=D(2022, 5, 9)
    )
    meeting.refresh_from_db()
    return meeting


def execute(sql: str, params=None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def refused(sql: str, params=None, match: str = FINAL) -> None:
    """The statement fails, and the test's transaction goes on (a savepoint is rolled back)."""
    with pytest.raises(DatabaseError, match=match), transaction.atomic():
        execute(sql, params)


# --- The services ----------------------------------------------------------------------------


def test_every_service_that_writes_the_meeting_refuses_a_justerat_one(ks):
    paragraph = ks.paragraphs.order_by("number").last()
    chair, adjuster = ks.chair, ks.adjusters.first()
    at = datetime.datetime(2022, 3, 20, 10, tzinfo=datetime.UTC)
    writes = [
        lambda: services.update_meeting(
            meeting=ks,
            starts_at=None,
            place="Rådhuset",
            chair=chair,
            secretary="",
            justering_on=None,
            justering_place="",
        ),
        lambda: services.set_adjusters(meeting=ks, adjusters=[adjuster]),
        lambda: services.set_attendance(
            meeting=ks, members=[Presence(chair)], serving=[], substitutes=[], others=[]
        ),
        lambda: services.mark_held(meeting=ks),
        lambda: services.add_paragraph(meeting=ks, title="För sent"),
        lambda: services.remove_paragraph(paragraph=paragraph),
        lambda: services.renumber(meeting=ks, first=1),
        lambda: services.move(paragraph=paragraph, direction="up"),
        lambda: services.approve_protocol(meeting=ks, person=chair, at=at),
        lambda: services.justera(meeting=ks, at=at),
        lambda: services.post_notice(meeting=ks, posted_on=D(2022, 3, 20), kept_at="Här"),
    ]
    before = state(ks)
    for write in writes:
        with pytest.raises(services.ServiceError, match=r"Protokollet är|Anslaget är redan"):
            write()
    assert state(ks) == before


def state(meeting: Meeting) -> tuple:
    row = Meeting.objects.filter(pk=meeting.pk).values().get()
    return (
        row,
        sorted(Attendance.objects.filter(meeting=meeting).values_list("pk", "person_id")),
        sorted(MeetingAdjuster.objects.filter(meeting=meeting).values_list("pk", "person_id")),
        sorted(Justering.objects.filter(meeting=meeting).values_list("pk", "approved_at")),
        sorted(Paragraph.objects.filter(meeting=meeting).values_list("pk", "number")),
    )


def test_the_notice_is_posted_once(unposted):
    services.post_notice(meeting=unposted, posted_on=D(2022, 5, 10), kept_at="Stadshuset")
    with pytest.raises(services.ServiceError, match=r"Anslaget är redan uppsatt; gör en rättelse"):
        services.post_notice(meeting=unposted, posted_on=D(2022, 5, 11), kept_at="Stadshuset")
    unposted.refresh_from_db()
    assert (unposted.notice_posted_on, unposted.protocol_kept_at) == (D(2022, 5, 10), "Stadshuset")


def test_a_place_entered_before_justering_is_kept_when_the_notice_is_posted(unposted):
    Meeting.objects.filter(pk=unposted.pk).update(protocol_kept_at="Stadshuset")
    unposted.refresh_from_db()
    with pytest.raises(services.ServiceError) as refusal:
        services.post_notice(meeting=unposted, posted_on=D(2022, 5, 10), kept_at="Arkivet")
    assert refusal.value.message_dict == {
        "kept_at": ["Protokollets förvaringsplats är redan angiven: Stadshuset."]
    }
    services.post_notice(meeting=unposted, posted_on=D(2022, 5, 10), kept_at="Stadshuset")


# --- The admin -------------------------------------------------------------------------------


def _url(name: str, *args) -> str:
    return reverse(f"admin:decisions_{name}", args=args)


def test_a_justerat_meetings_page_is_read_only_without_delete(admin_client, ks):
    page = admin_client.get(_url("meeting_change", ks.pk)).content.decode()
    for name in ("place", "date", "status", "chair", "justering_on", "protocol_kept_at"):
        assert f'name="{name}"' not in page
    assert "attendance-0-DELETE" not in page and 'name="attendance-0-kind"' not in page
    assert "meetingadjuster_set-0-person" not in page
    assert admin_client.post(_url("meeting_delete", ks.pk), {"post": "yes"}).status_code == 403
    assert Meeting.objects.filter(pk=ks.pk).exists()


def test_status_is_never_typed_in_the_admin(admin_client, db):
    meeting = MeetingFactory()
    for url in (_url("meeting_add"), _url("meeting_change", meeting.pk)):
        assert 'name="status"' not in admin_client.get(url).content.decode()


def test_a_page_opened_before_justering_and_posted_after_changes_nothing(admin_client, db):
    """A superuser's stale form: place, status and an attendance row deleted — all refused."""
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    AttendanceFactory(meeting=meeting)
    data = form_data(admin_client.get(_url("meeting_change", meeting.pk)))
    data.update(place="Rådhuset", status="planerat", date="2022-12-24")
    data["attendance-0-DELETE"] = "on"
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    before = state(meeting)

    response = admin_client.post(_url("meeting_change", meeting.pk), data)

    assert response.status_code == 403
    assert state(meeting) == before


def test_the_demo_meeting_refuses_a_superusers_post(admin_client, ks):
    before = state(ks)
    row = Attendance.objects.filter(meeting=ks).first()
    data = {
        "place": "Rådhuset",
        "status": "planerat",
        "attendance-TOTAL_FORMS": "1",
        "attendance-INITIAL_FORMS": "1",
        "attendance-0-id": str(row.pk),
        "attendance-0-meeting": str(ks.pk),
        "attendance-0-DELETE": "on",
    }
    assert admin_client.post(_url("meeting_change", ks.pk), data).status_code == 403
    assert state(ks) == before


# --- PostgreSQL: the meeting row -------------------------------------------------------------

HEAD = [
    ("date", "'2022-03-09'"),
    ("starts_at", "'09:00'"),
    ("ends_at", "'17:00'"),
    ("place", "'Rådhuset'"),
    ("chair_id", "NULL"),
    ("secretary", "'Någon annan'"),
    ("status", "'planerat'"),
    ("status", "'genomfort'"),
    ("justering_place", "'Rådhuset'"),
    ("justering_on", "'2022-03-16'"),
    ("body_id", "(SELECT id FROM organisation_body WHERE code = 'SON')"),
    ("notice_posted_on", "'2022-03-17'"),
    ("notice_posted_on", "NULL"),
    ("notice_removed_on", "'2022-04-08'"),  # stored: 2022-04-07, the day after the last day
    ("protocol_kept_at", "'Arkivet'"),
    ("protocol_kept_at", "''"),
]


@postgres_only
@pytest.mark.parametrize(("column", "value"), HEAD, ids=[f"{c}={v}" for c, v in HEAD])
def test_the_head_of_a_justerat_meeting_is_final(ks, column, value):
    refused(f"UPDATE decisions_meeting SET {column} = {value} WHERE id = %s", [ks.pk])


@postgres_only
def test_a_justerat_meeting_is_not_deleted_and_an_unchanged_save_passes(ks):
    refused("DELETE FROM decisions_meeting WHERE id = %s", [ks.pk])
    execute("UPDATE decisions_meeting SET place = place, status = status WHERE id = %s", [ks.pk])
    ks.save()  # Django writes every column back: nothing changed, so it passes


@postgres_only
def test_the_notice_fields_are_set_once_from_empty(unposted):
    set_notice = (
        "UPDATE decisions_meeting SET notice_posted_on = %s, notice_removed_on = %s,"
        " protocol_kept_at = %s WHERE id = %s"
    )
    execute(set_notice, [D(2022, 5, 10), D(2022, 5, 31), "Stadshuset", unposted.pk])
    refused(set_notice, [D(2022, 5, 11), D(2022, 6, 1), "Stadshuset", unposted.pk])
    refused(set_notice, [D(2022, 5, 10), D(2022, 5, 31), "Arkivet", unposted.pk])
    # Setting a notice field also carries nothing else with it.
    other = MeetingFactory(status=Meeting.Status.JUSTERAT)
    refused(
        "UPDATE decisions_meeting SET notice_posted_on = '2022-05-10', place = 'Rådhuset'"
        " WHERE id = %s",
        [other.pk],
    )
    unposted.refresh_from_db()
    assert unposted.notice_posted_on == D(2022, 5, 10)


@postgres_only
def test_an_ojusterat_meeting_and_its_rows_stay_editable(db):
    meeting = MeetingFactory(status=Meeting.Status.HELD)
    row = AttendanceFactory(meeting=meeting)
    person = PersonFactory()
    execute(
        "UPDATE decisions_meeting SET place = 'Rådhuset', status = 'planerat' WHERE id = %s",
        [meeting.pk],
    )
    execute("UPDATE decisions_attendance SET title = 'ordförande' WHERE id = %s", [row.pk])
    execute(
        "INSERT INTO decisions_meetingadjuster (meeting_id, person_id, position)"
        " VALUES (%s, %s, 1)",
        [meeting.pk, person.pk],
    )
    execute(
        "INSERT INTO decisions_justering (meeting_id, person_id, role, approved_at)"
        " VALUES (%s, %s, 'justerare', now())",
        [meeting.pk, person.pk],
    )
    execute("DELETE FROM decisions_attendance WHERE meeting_id = %s", [meeting.pk])
    execute("DELETE FROM decisions_meetingadjuster WHERE meeting_id = %s", [meeting.pk])
    execute("DELETE FROM decisions_justering WHERE meeting_id = %s", [meeting.pk])
    execute("DELETE FROM decisions_meeting WHERE id = %s", [meeting.pk])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


# --- PostgreSQL: the meeting's rows ----------------------------------------------------------

ROWS = {
    "attendance": [
        "INSERT INTO decisions_attendance (meeting_id, kind, name, title)"
        " VALUES (%(m)s, 'ovrig', 'Gäst', '')",
        "UPDATE decisions_attendance SET title = 'x' WHERE meeting_id = %(m)s",
        "UPDATE decisions_attendance SET from_number = 60 WHERE meeting_id = %(m)s",
        "UPDATE decisions_attendance SET meeting_id = %(open)s WHERE meeting_id = %(m)s",
        "DELETE FROM decisions_attendance WHERE meeting_id = %(m)s",
    ],
    "adjuster": [
        "INSERT INTO decisions_meetingadjuster (meeting_id, person_id, position)"
        " VALUES (%(m)s, %(person)s, 3)",
        "UPDATE decisions_meetingadjuster SET position = position + 10 WHERE meeting_id = %(m)s",
        "UPDATE decisions_meetingadjuster SET person_id = %(person)s WHERE meeting_id = %(m)s",
        "DELETE FROM decisions_meetingadjuster WHERE meeting_id = %(m)s",
    ],
    "justering": [
        "INSERT INTO decisions_justering (meeting_id, person_id, role, approved_at)"
        " VALUES (%(m)s, %(person)s, 'justerare', now())",
        "UPDATE decisions_justering SET approved_at = approved_at + interval '1 day'"
        " WHERE meeting_id = %(m)s",
        "UPDATE decisions_justering SET meeting_id = %(open)s WHERE meeting_id = %(m)s",
        "DELETE FROM decisions_justering WHERE meeting_id = %(m)s",
    ],
    "paragraph": [
        "INSERT INTO decisions_paragraph (meeting_id, body_id, year, number, title, arende_text,"
        " status, is_secret, immediately_justerad)"
        " SELECT id, body_id, 2022, 99, 'Ny', '', 'ojusterad', false, false FROM"
        " decisions_meeting WHERE id = %(m)s",
        "UPDATE decisions_paragraph SET meeting_id = %(m)s WHERE id = %(open_paragraph)s",
    ],
}
ROW_CASES = [(table, sql) for table, statements in ROWS.items() for sql in statements]


@postgres_only
@pytest.mark.parametrize(
    ("table", "sql"),
    ROW_CASES,
    ids=[f"{t}-{s.split()[0]}-{i}" for i, (t, s) in enumerate(ROW_CASES)],
)
def test_the_rows_of_a_justerat_meeting_are_final(ks, table, sql):
    open_paragraph = ParagraphFactory(meeting=MeetingFactory(body=ks.body, date=D(2022, 4, 5)))
    params = {
        "m": ks.pk,
        "person": PersonFactory().pk,
        "open": open_paragraph.meeting_id,
        "open_paragraph": open_paragraph.pk,
    }
    refused(sql, params)


@postgres_only
def test_a_row_of_an_open_meeting_is_not_moved_into_a_justerat_one(ks):
    row = AttendanceFactory(meeting=MeetingFactory(body=ks.body, date=D(2022, 4, 5)))
    refused("UPDATE decisions_attendance SET meeting_id = %s WHERE id = %s", [ks.pk, row.pk])


@postgres_only
def test_a_justerad_paragraph_of_a_justerat_meeting_may_still_be_made_secret(ks):
    execute("UPDATE decisions_paragraph SET is_secret = true WHERE meeting_id = %s", [ks.pk])
    assert set(ks.paragraphs.values_list("is_secret", flat=True)) == {True}


@postgres_only
def test_the_transition_to_justerat_passes_through_the_services(db):
    chair, adjuster = PersonFactory.create_batch(2)
    meeting = MeetingFactory(date=D(2022, 5, 2), chair=chair, status=Meeting.Status.HELD)
    MeetingAdjuster.objects.create(meeting=meeting, person=adjuster, position=1)
    ParagraphFactory(meeting=meeting)
    at = datetime.datetime(2022, 5, 9, 10, tzinfo=datetime.UTC)
    services.approve_protocol(meeting=meeting, person=chair, at=at)
    services.approve_protocol(meeting=meeting, person=adjuster, at=at)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    services.post_notice(meeting=meeting, posted_on=D(2022, 5, 10), kept_at="Stadshuset")
    refused("DELETE FROM decisions_justering WHERE meeting_id = %s", [meeting.pk])


# --- PostgreSQL: append-only tables ----------------------------------------------------------


@postgres_only
def test_corrections_and_stored_extracts_are_append_only(ks):
    p59 = ks.paragraphs.get(number=59)
    correction = services.correct(
        paragraph=p59, made_on=D(2022, 3, 20), reason="Skrivfel", text="Ska lyda …", user=None
    )
    # At every status: an extract row of an ojusterad paragraph is as final as any.
    draft = ParagraphFactory()
    for paragraph in (p59, draft):
        execute(
            "INSERT INTO decisions_storedextract (paragraph_id, version, pdf, sha256, rendered_at)"
            " VALUES (%s, 1, 'utdrag/x.pdf', 'abc', now())",
            [paragraph.pk],
        )
    append_only = "tar bara emot nya rader"
    for sql, params in [
        ("UPDATE decisions_correction SET text = 'x' WHERE id = %s", [correction.pk]),
        ("UPDATE decisions_correction SET made_on = made_on WHERE id = %s", [correction.pk]),
        ("DELETE FROM decisions_correction WHERE id = %s", [correction.pk]),
        ("UPDATE decisions_storedextract SET sha256 = 'def' WHERE paragraph_id = %s", [p59.pk]),
        ("DELETE FROM decisions_storedextract WHERE paragraph_id = %s", [draft.pk]),
    ]:
        refused(sql, params, match=append_only)
    assert Correction.objects.get(pk=correction.pk).text == "Ska lyda …"


# --- PostgreSQL: TRUNCATE --------------------------------------------------------------------


def _truncate_guarded() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_proc p ON p.oid = t.tgfoid"
            " WHERE p.proname = 'decisions_truncate_guard' AND NOT t.tgisinternal"
        )
        return {name for (name,) in cursor.fetchall()}


@postgres_only
def test_every_table_of_the_protocol_refuses_truncate(db):
    """Every decisions table holds the protocol or its history: each has the guard. A new
    table fails here until its migration adds ``CREATE TRIGGER … decisions_truncate_guard``."""
    tables = {
        model._meta.db_table
        for model in apps.get_app_config("decisions").get_models(include_auto_created=True)
    }
    assert tables - _truncate_guarded() == set()


@postgres_only
def test_the_owner_may_still_truncate_as_the_test_runner_does(ks):
    # The tests run as the tables' owner (a superuser): pytest-django's flush must work.
    with transaction.atomic():
        execute("TRUNCATE decisions_reservation CASCADE")
        assert not ks.paragraphs.get(number=59).reservations.exists()
        transaction.set_rollback(True)
    assert ks.paragraphs.get(number=59).reservations.exists()
