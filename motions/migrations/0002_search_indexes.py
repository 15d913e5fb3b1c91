"""GIN indexes for Swedish full-text search, on PostgreSQL only (docs/decisions/0007-search.md).

Each expression is exactly what ``portal/search/postgres.py`` queries: ``SearchVector(…,
config="swedish")`` compiles to it. PostgreSQL uses an expression index only for an identical
expression, so the two change together (``tests/test_search.py`` checks the plan with EXPLAIN).
On SQLite there is no full-text search and this migration does nothing.
"""

from django.db import migrations

INDEXES = [
    (
        "motions_case_title_search",
        "motions_case",
        "to_tsvector('swedish'::regconfig, COALESCE(title, ''))",
    ),
    (
        "motions_attsats_text_search",
        "motions_attsats",
        "to_tsvector('swedish'::regconfig, COALESCE(text, ''))",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
