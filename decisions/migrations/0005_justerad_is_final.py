"""After justering a paragraph is final: PostgreSQL refuses to change it or its parts.

The service layer (``decisions.services.check_paragraph_editable``) and the admin refuse first
and say why; these triggers are the floor under them, for raw SQL, scripts and bugs.

Allowed on a justerad paragraph's rows: the paragraph's own transition from ojusterad to
justerad (any UPDATE while the old row is ojusterad), an UPDATE that changes nothing, its
``is_secret`` flag (whether it is published is not part of the protocol: personal data may have
to be withdrawn from the web after justering), and a Recipient's ``sent_on`` (expediering). Everything else — UPDATE, DELETE, and INSERT of a new
part — raises 'Paragrafen är justerad och kan inte ändras; gör en rättelse.'

On SQLite this migration does nothing.
"""

from django.db import migrations

MESSAGE = "Paragrafen är justerad och kan inte ändras; gör en rättelse."

# table → SQL giving the paragraph id of the row ``{r}`` (OLD or NEW).
PARTS = {
    "decisions_decisionpoint": "{r}.paragraph_id",
    "decisions_proposal": "{r}.paragraph_id",
    "decisions_basisdocument": "{r}.paragraph_id",
    "decisions_recipient": "{r}.paragraph_id",
    "decisions_yrkande": "{r}.paragraph_id",
    "decisions_proposition": "{r}.paragraph_id",
    "decisions_reservation": "{r}.paragraph_id",
    "decisions_protocolnote": "{r}.paragraph_id",
    "decisions_jav": "{r}.paragraph_id",
    "decisions_proposalpoint": (
        "(SELECT paragraph_id FROM decisions_proposal WHERE id = {r}.proposal_id)"
    ),
    "decisions_yrkandemember": (
        "(SELECT paragraph_id FROM decisions_yrkande WHERE id = {r}.yrkande_id)"
    ),
    "decisions_propositionalternative": (
        "(SELECT paragraph_id FROM decisions_proposition WHERE id = {r}.proposition_id)"
    ),
    "decisions_vote": (
        "(SELECT paragraph_id FROM decisions_proposition WHERE id = {r}.proposition_id)"
    ),
    "decisions_ballot": (
        "(SELECT p.paragraph_id FROM decisions_vote v"
        " JOIN decisions_proposition p ON p.id = v.proposition_id WHERE v.id = {r}.vote_id)"
    ),
    "decisions_protocolnote_persons": (
        "(SELECT paragraph_id FROM decisions_protocolnote WHERE id = {r}.protocolnote_id)"
    ),
}

# Columns an UPDATE may change on a justerad paragraph's part.
MAY_CHANGE = {"decisions_recipient": ["sent_on"]}

IS_JUSTERAD = """
CREATE OR REPLACE FUNCTION decisions_paragraph_is_justerad(pid bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT status = 'justerad' FROM decisions_paragraph WHERE id = pid), false)
$$;
"""

PARAGRAPH_GUARD = f"""
CREATE OR REPLACE FUNCTION decisions_paragraph_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'justerad' THEN
        IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'is_secret' = to_jsonb(OLD) - 'is_secret' THEN
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
DROP TRIGGER IF EXISTS decisions_paragraph_final ON decisions_paragraph;
CREATE TRIGGER decisions_paragraph_final
    BEFORE UPDATE OR DELETE ON decisions_paragraph
    FOR EACH ROW EXECUTE FUNCTION decisions_paragraph_guard();
"""


def _part_guard(table: str, expression: str) -> str:
    old = expression.format(r="OLD")
    new = expression.format(r="NEW")
    minus = "".join(f" - '{column}'" for column in MAY_CHANGE.get(table, []))
    return f"""
CREATE OR REPLACE FUNCTION {table}_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW){minus}) = (to_jsonb(OLD){minus}) THEN
        RETURN NEW;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF decisions_paragraph_is_justerad({old}) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        IF decisions_paragraph_is_justerad({new}) THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER IF EXISTS {table}_final ON {table};
CREATE TRIGGER {table}_final
    BEFORE INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_guard();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(IS_JUSTERAD)
    schema_editor.execute(PARAGRAPH_GUARD)
    for table, expression in PARTS.items():
        schema_editor.execute(_part_guard(table, expression))


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in PARTS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_final ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_guard()")
    schema_editor.execute("DROP TRIGGER IF EXISTS decisions_paragraph_final ON decisions_paragraph")
    schema_editor.execute("DROP FUNCTION IF EXISTS decisions_paragraph_guard()")
    schema_editor.execute("DROP FUNCTION IF EXISTS decisions_paragraph_is_justerad(bigint)")


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_justering_corrections_extracts"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
