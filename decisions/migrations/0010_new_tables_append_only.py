"""The tables of migration 0008 under migration 0009's guards, with its own trigger functions:
a rättelse of the anslag and each stored version of an extract or a protocol only ever grow,
and none of the three is emptied by TRUNCATE (docs/decisions/0016-notice-corrections-and-versions.md).

On SQLite this migration does nothing.
"""

import importlib

from django.db import migrations

record_final = importlib.import_module("decisions.migrations.0009_record_final")

TABLES = ["decisions_noticecorrection", "decisions_storedprotocol"]


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(record_final.append_only_trigger(table))
        schema_editor.execute(record_final.truncate_trigger(table))


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0009_record_final")]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
