"""Grant the app's PostgreSQL role what the app needs and nothing more.

Run as the role that owns the tables (the one that runs ``migrate``), after each migrate:
``manage.py grant_app_role casetrack_app``. The app role gets SELECT, INSERT, UPDATE and
DELETE on every table of the schema, USAGE and SELECT on its sequences, and the same on the
tables and sequences the owner creates later (default privileges). It gets no TRUNCATE, no
REFERENCES or TRIGGER, no ownership and no CREATE on the schema: a role that neither owns the
tables nor is a superuser cannot disable the triggers that keep a justerat protocol final
(migrations 0005 and 0009), nor set ``session_replication_role``, nor empty a table.
docs/decisions/0015-record-final.md
"""

import re

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_PRIVILEGES = "USAGE, SELECT"

# A plain identifier: the name is written into GRANT statements, which take no parameters.
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def grant_statements(role: str, schema: str) -> list[str]:
    """The statements, in order: revoke what the role holds, then grant exactly the app's share.

    ``role`` and ``schema`` are quoted identifiers already.
    """
    return [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}",
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT {TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"GRANT {SEQUENCE_PRIVILEGES} ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        # Tables the owner creates in later migrations get the same, no more.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {TABLE_PRIVILEGES} ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT {SEQUENCE_PRIVILEGES} ON SEQUENCES TO {role}",
    ]


class Command(BaseCommand):
    help = (
        "Ger appens databasroll rätt att läsa och skriva i tabellerna, men inte att tömma dem, "
        "äga dem eller stänga av deras triggrar. Körs av tabellernas ägare efter migrate."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("role", help="appens roll, t.ex. casetrack_app")

    def handle(self, *args, role: str, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("grant_app_role gäller PostgreSQL; SQLite har inga roller.")
        if not ROLE_NAME.fullmatch(role):
            raise CommandError(
                f"Ogiltigt rollnamn {role!r}: använd små bokstäver a–z, siffror och understreck."
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT rolsuper, pg_has_role(%s, current_user, 'USAGE'), current_user,"
                " current_schema() FROM pg_roles WHERE rolname = %s",
                [role, role],
            )
            found = cursor.fetchone()
            if found is None:
                raise CommandError(f"Rollen {role} finns inte; skapa den först (CREATE ROLE).")
            is_superuser, has_owner_rights, owner, schema = found
            if is_superuser:
                raise CommandError(
                    f"Rollen {role} är superuser och kan stänga av skyddet; använd en vanlig roll."
                )
            if has_owner_rights:
                raise CommandError(
                    f"Rollen {role} har ägarens ({owner}) rättigheter och kan stänga av skyddet; "
                    "appen ska köra som en annan roll än den som äger tabellerna."
                )
            quote = connection.ops.quote_name
            for sql in grant_statements(quote(role), quote(schema)):
                cursor.execute(sql)
        self.stdout.write(
            f"{role} får läsa och skriva i tabellerna i {schema} (ägda av {owner}), "
            "även i de som skapas senare; inte tömma dem eller ändra deras triggrar."
        )
