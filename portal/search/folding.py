"""Case-insensitive matching that knows å, ä and ö, on both databases.

PostgreSQL's ILIKE folds case by Unicode rules. SQLite's LIKE folds ASCII only, so 'Åtgärd'
would not match 'åtgärd'; there a Python ``casefold`` is registered as the SQL function
``casetrack_fold`` on every connection, and matching compares folded text.
"""

import unicodedata

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F, Func, Q, TextField
from django.db.models.lookups import Contains, StartsWith


def fold(text: str | None) -> str:
    """Text as the SQLite fallback compares it: NFC, then Unicode case folding ('Å' → 'å')."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", text).casefold()


class Fold(Func):
    """casetrack_fold(text): ``fold`` in SQL, on SQLite connections."""

    function = "casetrack_fold"
    output_field = TextField()


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("casetrack_fold", 1, fold, deterministic=True)


def connect_signals() -> None:
    connection_created.connect(register_sqlite_fold, dispatch_uid="casetrack_fold")


def contains_text(field: str, word: str) -> Q:
    """``field`` contains ``word``, ignoring case (å/ä/ö too) on either database."""
    if connection.vendor == "sqlite":
        return Q(Contains(Fold(F(field)), fold(word)))
    return Q(**{f"{field}__icontains": word})


def starts_with_text(field: str, word: str) -> Q:
    """``field`` begins with ``word``, ignoring case (å/ä/ö too) on either database."""
    if connection.vendor == "sqlite":
        return Q(StartsWith(Fold(F(field)), fold(word)))
    return Q(**{f"{field}__istartswith": word})
