"""GIN indexes for Swedish full-text search, on PostgreSQL only (docs/decisions/0007-search.md).

Each expression is exactly what ``portal/search/postgres.py`` queries: ``SearchVector(…,
config="swedish")`` compiles to it. PostgreSQL uses an expression index only for an identical
expression, so the two change together (``tests/test_search.py`` checks the plan with EXPLAIN).
On SQLite there is no full-text search and this migration does nothing.
"""

from django.db import migrations

INDEXES = [
    (
        "decisions_paragraph_search",
        "decisions_paragraph",
        "to_tsvector('swedish'::regconfig,"
        " COALESCE(title, '') || ' ' || COALESCE(arende_text, ''))",
    ),
    (
        "decisions_decisionpoint_text_search",
        "decisions_decisionpoint",
        "to_tsvector('swedish'::regconfig, COALESCE(text, ''))",
    ),
    (
        "decisions_proposalpoint_text_search",
        "decisions_proposalpoint",
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
        ("decisions", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
