"""The demo database, built once per test session (once per xdist worker).

``django_db_setup`` creates the test database as usual and then commits the demo into it with
``manage.py load_demo``. Every ``db`` test runs inside a transaction that is rolled back, so each
one sees the demo as loaded and leaves it so; factories build whatever else a test needs.

``transactional_db`` and ``live_server`` tests (the browser tests) commit for real and
pytest-django empties the database after each of them. pytest-django runs them after the
``db`` tests, but nothing here relies on that: ``pytest_runtest_setup`` below loads the demo
again before any database test that finds it flushed away.
"""

import sqlite3

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from pytest_django.plugin import blocking_manager_key

_state: dict = {"flushed": False, "snapshot": None}


def load_demo() -> None:
    call_command("load_demo", verbosity=0)


def _sqlite_in_memory() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


def _tables() -> list[str]:
    return sorted(
        {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed}
    )


def _snapshot() -> None:
    """Keep a copy of the database with the demo loaded, so that after a transactional test it
    is put back in a moment instead of loaded anew: SQLite's in-memory database is backed up
    whole; on PostgreSQL every table's rows are copied out (``COPY … TO STDOUT``)."""
    connection.ensure_connection()
    if _sqlite_in_memory():
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _state["snapshot"] = copy
    elif connection.vendor == "postgresql":
        rows = {}
        with connection.cursor() as cursor:
            for table in _tables():
                with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                    rows[table] = b"".join(bytes(block) for block in copy)
        _state["snapshot"] = rows


def _restore() -> None:
    snapshot = _state["snapshot"]
    if snapshot is not None and _sqlite_in_memory():
        connection.ensure_connection()
        snapshot.backup(connection.connection)
    elif snapshot is not None and connection.vendor == "postgresql":
        _restore_postgresql(snapshot)
    else:
        load_demo()


def _restore_postgresql(rows: dict[str, bytes]) -> None:
    """Empty every table (the flush's post_migrate rows too) and copy the demo's rows back,
    with triggers and foreign-key checks off for the copy (the tests connect as superuser),
    then set each sequence past its table's largest id."""
    quoted = ", ".join(f'"{table}"' for table in rows)
    models = apps.get_models(include_auto_created=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table, data in rows.items():
            if data:
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(data)
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def demo_is_loaded() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM organisation_body WHERE code = %s", ["KS"])
        return cursor.fetchone() is not None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
        _snapshot()


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


def _uses_db(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    return bool(item.get_closest_marker("django_db")) or "db" in names or _is_transactional(item)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a database test, ahead of its fixtures: if a transactional test has emptied the
    database since the demo was loaded, load it again (committed, outside any test)."""
    if _state["flushed"] and _uses_db(item):
        with item.config.stash[blocking_manager_key].unblock():
            if not demo_is_loaded():
                _restore()
            assert demo_is_loaded()
        _state["flushed"] = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After a transactional test's fixtures are torn down, pytest-django has flushed the
    database: note it, so that the next database test gets the demo back."""
    try:
        return (yield)
    finally:
        if _is_transactional(item):
            _state["flushed"] = True


@pytest.fixture
def demo(db):
    """The seed cases, as ``manage.py load_demo`` loads them: already in the database (loaded
    once per session by ``django_db_setup``); this fixture only asks for the database."""


DEMO_APPS = ("organisation", "motions", "decisions")


@pytest.fixture
def empty_database(db):
    """For the few tests about a database without the demo (``load_demo`` on an empty or
    half-filled database): the three apps' tables emptied inside the test's transaction, which
    is rolled back afterwards, so the demo is back for the next test. PostgreSQL's TRUNCATE
    is transactional and fires no row triggers (a justerad paragraph refuses DELETE); its
    statement guard (migration 0009) lets the tables' owner through, as the tests connect."""
    tables = [
        model._meta.db_table
        for label in DEMO_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
