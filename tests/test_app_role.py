"""The app's database role (``manage.py grant_app_role``) cannot switch the guard off.

In production the app connects as a role that neither owns the tables nor is a superuser
(README, "PostgreSQL"; docs/decisions/0015-record-final.md). Here such a role is created in
the test's transaction, granted by the command, and the test ``SET ROLE``s to it. Roles are
cluster-wide, so its name is unique per xdist worker and process; it is dropped when the
test's transaction is rolled back (CREATE ROLE and GRANT are transactional in PostgreSQL).
"""

import datetime
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from decisions import services
from decisions.models import Correction, Meeting, Paragraph

from .factories import MeetingFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="roles, privileges and triggers are PostgreSQL's; SQLite has none of them",
)

D = datetime.date


def execute(sql: str, params=None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def scalar(sql: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@pytest.fixture
def role_name(worker_id) -> str:
    return f"ct_app_{worker_id}_{os.getpid()}".lower()


@pytest.fixture
def app_role(demo, role_name):
    """The app's role, granted by the command run as the owner; the test runs as it."""
    execute(f"CREATE ROLE {role_name} NOLOGIN")
    call_command("grant_app_role", role_name, stdout=open(os.devnull, "w"))  # noqa: SIM115
    execute(f"SET ROLE {role_name}")
    try:
        yield role_name
    finally:
        execute("RESET ROLE")


def refused(sql: str, match: str, params=None) -> None:
    """The statement fails; a savepoint keeps the test's transaction (and the role) going."""
    with pytest.raises(DatabaseError, match=match), transaction.atomic():
        execute(sql, params)
    assert scalar("SELECT current_user") != "postgres"


def ks() -> Meeting:
    return Meeting.objects.get(body__code="KS", date=D(2022, 3, 8))


def test_the_app_role_cannot_switch_the_guard_off(app_role):
    assert scalar("SELECT current_user") == app_role
    for sql in (
        "ALTER TABLE decisions_meeting DISABLE TRIGGER decisions_meeting_final",
        "ALTER TABLE decisions_paragraph DISABLE TRIGGER ALL",
        "ALTER TABLE decisions_correction DISABLE TRIGGER USER",
        "DROP TRIGGER decisions_meeting_final ON decisions_meeting",
    ):
        refused(sql, "must be owner")
    refused("SET session_replication_role = replica", "permission denied")
    refused("TRUNCATE decisions_reservation CASCADE", "permission denied")
    refused("TRUNCATE decisions_meeting CASCADE", "permission denied")


def test_the_app_role_cannot_change_the_record(app_role):
    meeting = ks()
    refused(
        "UPDATE decisions_meeting SET place = 'Rådhuset' WHERE id = %s",
        "Protokollet är justerat",
        [meeting.pk],
    )
    refused(
        "DELETE FROM decisions_attendance WHERE meeting_id = %s",
        "Protokollet är justerat",
        [meeting.pk],
    )
    p59 = Paragraph.objects.get(meeting=meeting, number=59)
    correction = services.correct(  # a rättelse is added: the app's ordinary work
        paragraph=p59, made_on=D(2022, 3, 20), reason="Skrivfel", text="Ska lyda …", user=None
    )
    refused(
        "DELETE FROM decisions_correction WHERE id = %s",
        "tar bara emot nya rader",
        [correction.pk],
    )
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_app_role_does_the_apps_work(app_role):
    meeting = MeetingFactory(body=ks().body, date=D(2022, 4, 5))
    paragraph = services.add_paragraph(meeting=meeting, title="Budget")
    assert paragraph.number == 61
    services.update_meeting(
        meeting=meeting,
        starts_at=None,
        place="Rådhuset",
        chair=None,
        secretary="Cecilia Åberg",
        justering_on=None,
        justering_place="",
    )
    services.remove_paragraph(paragraph=paragraph)
    assert list(meeting.paragraphs.all()) == []
    assert meeting.history.count() == 2  # the history tables are written too


def test_a_role_granted_truncate_by_mistake_is_still_refused(demo, role_name):
    execute(f"CREATE ROLE {role_name} NOLOGIN")
    call_command("grant_app_role", role_name, stdout=open(os.devnull, "w"))  # noqa: SIM115
    execute(f"GRANT TRUNCATE ON decisions_reservation TO {role_name}")
    execute(f"SET ROLE {role_name}")
    try:
        refused("TRUNCATE decisions_reservation", "decisions_reservation kan inte tömmas")
    finally:
        execute("RESET ROLE")


def test_exactly_the_apps_privileges_also_on_later_tables(demo, role_name):
    execute(f"CREATE ROLE {role_name} NOLOGIN")
    execute(f"GRANT TRUNCATE, REFERENCES ON decisions_meeting TO {role_name}")
    call_command("grant_app_role", role_name, stdout=open(os.devnull, "w"))  # noqa: SIM115
    privileges = "SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER"
    held = {
        name: scalar("SELECT has_table_privilege(%s, 'decisions_meeting', %s)", [role_name, name])
        for name in privileges.split(", ")
    }
    assert held == {
        "SELECT": True,
        "INSERT": True,
        "UPDATE": True,
        "DELETE": True,
        "TRUNCATE": False,  # revoked: the command grants exactly what the app needs
        "REFERENCES": False,
        "TRIGGER": False,
    }
    assert not scalar("SELECT has_schema_privilege(%s, 'public', 'CREATE')", [role_name])
    # A table a later migration creates (as the owner) is the app's to use, not to empty.
    execute("CREATE TABLE decisions_later (id bigint GENERATED BY DEFAULT AS IDENTITY, x int)")
    for privilege, expected in (("INSERT", True), ("DELETE", True), ("TRUNCATE", False)):
        assert (
            scalar("SELECT has_table_privilege(%s, 'decisions_later', %s)", [role_name, privilege])
            is expected
        )
    sequence = scalar("SELECT pg_get_serial_sequence('decisions_later', 'id')")
    assert scalar("SELECT has_sequence_privilege(%s, %s, 'USAGE')", [role_name, sequence])


def test_the_command_refuses_a_role_that_could_switch_the_guard_off(demo, role_name):
    with pytest.raises(CommandError, match="finns inte"):
        call_command("grant_app_role", role_name)
    execute(f"CREATE ROLE {role_name} SUPERUSER NOLOGIN")
    with pytest.raises(CommandError, match="superuser"):
        call_command("grant_app_role", role_name)
    execute(f"ALTER ROLE {role_name} NOSUPERUSER")
    execute(f"GRANT {scalar('SELECT current_user')} TO {role_name}")
    with pytest.raises(CommandError, match="ägarens"):
        call_command("grant_app_role", role_name)
    with pytest.raises(CommandError, match="Ogiltigt rollnamn"):
        call_command("grant_app_role", "app; DROP TABLE x")
