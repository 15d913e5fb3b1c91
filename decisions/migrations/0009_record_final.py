"""After justering the whole record is final: PostgreSQL refuses to change the meeting, its
attendance, its justerare and its approvals, and rättelser and stored extracts only ever grow.

Migration 0005 made a justerad paragraph and its parts final; this one does the same for the
rest of the protocol, as the floor under the services (``decisions.services.finality``) and the
admin:

- the meeting row of a justerat meeting: no DELETE, and an UPDATE only when it changes nothing
  but the notice fields (``NOTICE_FIELDS``), each of them only from empty to a value — posting
  the notice once. The transition to justerat itself is an UPDATE of a row whose old status is
  not 'justerat', so it passes;
- the rows of a meeting (``MEETING_ROWS``: attendance, justerare, approvals): no INSERT, UPDATE
  or DELETE while the meeting is justerat. Approvals are inserted before it is;
- a paragraph: not added to, nor moved into or out of, a justerat meeting;
- ``APPEND_ONLY`` tables: INSERT only, at every status (``decisions_append_only``);
- every protocol table (``PROTOCOL_TABLES``): a statement-level ``BEFORE TRUNCATE`` guard
  (``decisions_truncate_guard``), since row triggers do not fire on TRUNCATE. It exempts a role
  with the privileges of the table's owner, who could drop the trigger anyway and whom
  pytest-django's flush and ``manage.py flush`` run as: docs/decisions/0015-record-final.md.
  The app itself connects as a role that is neither (``manage.py grant_app_role``).

A later migration puts another table under a guard with one line:
``CREATE TRIGGER <table>_append_only BEFORE UPDATE OR DELETE ON <table> FOR EACH ROW EXECUTE
FUNCTION decisions_append_only();`` or ``CREATE TRIGGER <table>_no_truncate BEFORE TRUNCATE ON
<table> FOR EACH STATEMENT EXECUTE FUNCTION decisions_truncate_guard();``
(``append_only_trigger`` and ``truncate_trigger`` below write them).

On SQLite this migration does nothing.
"""

from django.db import migrations

MESSAGE = "Protokollet är justerat och kan inte ändras; gör en rättelse."

# Set once after justering, when the notice is posted (decisions.services.notices.post_notice).
NOTICE_FIELDS = ["notice_posted_on", "notice_removed_on", "protocol_kept_at"]

# Tables whose rows belong to one meeting (column meeting_id) and are final when it is justerat.
MEETING_ROWS = ["decisions_attendance", "decisions_meetingadjuster", "decisions_justering"]

# Tables that only grow: a rättelse and a certified extract are never edited or removed.
APPEND_ONLY = ["decisions_correction", "decisions_storedextract"]

# Every table holding the protocol or its history: none may be emptied by TRUNCATE.
PROTOCOL_TABLES = [
    "decisions_meeting",
    "decisions_meetingadjuster",
    "decisions_attendance",
    "decisions_justering",
    "decisions_paragraph",
    "decisions_decisionpoint",
    "decisions_proposal",
    "decisions_proposalpoint",
    "decisions_basisdocument",
    "decisions_recipient",
    "decisions_protocolnote",
    "decisions_protocolnote_persons",
    "decisions_jav",
    "decisions_yrkande",
    "decisions_yrkandemember",
    "decisions_proposition",
    "decisions_propositionalternative",
    "decisions_vote",
    "decisions_ballot",
    "decisions_reservation",
    "decisions_correction",
    "decisions_storedextract",
    "decisions_historicalmeeting",
    "decisions_historicalparagraph",
    "decisions_historicaldecisionpoint",
    "decisions_historicalyrkande",
    "decisions_historicalvote",
    "decisions_historicalreservation",
]

IS_JUSTERAT = """
CREATE OR REPLACE FUNCTION decisions_meeting_is_justerat(mid bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE((SELECT status = 'justerat' FROM decisions_meeting WHERE id = mid), false)
$$;
"""


def _notice_set_once() -> str:
    """SQL true when each notice field is unchanged or goes from empty to a value."""
    return " AND ".join(
        f"(NEW.{f} IS NOT DISTINCT FROM OLD.{f} OR COALESCE(OLD.{f}::text, '') = '')"
        for f in NOTICE_FIELDS
    )


_NOTICE_KEYS = "".join(f" - '{f}'" for f in NOTICE_FIELDS)

MEETING_GUARD = f"""
CREATE OR REPLACE FUNCTION decisions_meeting_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'justerat' THEN
        IF TG_OP = 'UPDATE'
            AND (to_jsonb(NEW){_NOTICE_KEYS}) = (to_jsonb(OLD){_NOTICE_KEYS})
            AND {_notice_set_once()}
        THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER IF EXISTS decisions_meeting_final ON decisions_meeting;
CREATE TRIGGER decisions_meeting_final
    BEFORE UPDATE OR DELETE ON decisions_meeting
    FOR EACH ROW EXECUTE FUNCTION decisions_meeting_guard();
"""

# For any table with a meeting_id column: its rows may not be added to, changed in, moved
# into or out of, or removed from a justerat meeting. An UPDATE that changes nothing passes.
MEETING_ROW_GUARD = f"""
CREATE OR REPLACE FUNCTION decisions_meeting_row_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) = to_jsonb(OLD) THEN
        RETURN NEW;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND decisions_meeting_is_justerat(OLD.meeting_id) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND decisions_meeting_is_justerat(NEW.meeting_id) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
"""

# A paragraph's own changes after justering are migration 0005's; here only its place: a §
# is not added to a justerat meeting, nor moved between meetings when either is justerat.
# (An UPDATE that keeps meeting_id never fires this, so is_secret still changes.)
PARAGRAPH_PLACE = """
DROP TRIGGER IF EXISTS decisions_paragraph_added ON decisions_paragraph;
CREATE TRIGGER decisions_paragraph_added
    BEFORE INSERT ON decisions_paragraph
    FOR EACH ROW EXECUTE FUNCTION decisions_meeting_row_guard();
DROP TRIGGER IF EXISTS decisions_paragraph_moved ON decisions_paragraph;
CREATE TRIGGER decisions_paragraph_moved
    BEFORE UPDATE ON decisions_paragraph
    FOR EACH ROW WHEN (OLD.meeting_id IS DISTINCT FROM NEW.meeting_id)
    EXECUTE FUNCTION decisions_meeting_row_guard();
"""

APPEND_ONLY_GUARD = """
CREATE OR REPLACE FUNCTION decisions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Tabellen % tar bara emot nya rader; befintliga ändras och tas aldrig bort.',
        TG_TABLE_NAME USING ERRCODE = 'check_violation';
END;
$$;
"""

# Statement-level: TRUNCATE fires no row triggers. The table's owner (and a superuser, who has
# every role's privileges) passes: it could disable the trigger anyway, and the test runner's
# flush empties the tables as the owner. Every other role is refused, even one granted
# TRUNCATE by mistake. docs/decisions/0015-record-final.md
TRUNCATE_GUARD = """
CREATE OR REPLACE FUNCTION decisions_truncate_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_has_role(
        current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE'
    ) THEN
        RAISE EXCEPTION 'Protokollets tabell % kan inte tömmas.', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;
"""


def meeting_row_trigger(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_final ON {table};
CREATE TRIGGER {table}_final
    BEFORE INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION decisions_meeting_row_guard();
"""


def append_only_trigger(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION decisions_append_only();
"""


def truncate_trigger(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
CREATE TRIGGER {table}_no_truncate
    BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION decisions_truncate_guard();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (IS_JUSTERAT, MEETING_GUARD, MEETING_ROW_GUARD, APPEND_ONLY_GUARD, TRUNCATE_GUARD):
        schema_editor.execute(sql, params=None)  # None: the '%' of RAISE are not placeholders
    schema_editor.execute(PARAGRAPH_PLACE)
    for table in MEETING_ROWS:
        schema_editor.execute(meeting_row_trigger(table))
    for table in APPEND_ONLY:
        schema_editor.execute(append_only_trigger(table))
    for table in PROTOCOL_TABLES:
        schema_editor.execute(truncate_trigger(table))


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in PROTOCOL_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    for table in APPEND_ONLY:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    for table in MEETING_ROWS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_final ON {table}")
    for trigger in ("decisions_paragraph_added", "decisions_paragraph_moved"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON decisions_paragraph")
    schema_editor.execute("DROP TRIGGER IF EXISTS decisions_meeting_final ON decisions_meeting")
    for function in (
        "decisions_truncate_guard()",
        "decisions_append_only()",
        "decisions_meeting_row_guard()",
        "decisions_meeting_guard()",
        "decisions_meeting_is_justerat(bigint)",
    ):
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}")


class Migration(migrations.Migration):
    dependencies = [
        # After 0008, whose data migration moves the notices' take-down day: from here on a
        # justerat meeting's notice fields are set once.
        ("decisions", "0008_versioned_extracts_notice_corrections"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
