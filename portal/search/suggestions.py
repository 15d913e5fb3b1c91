""" "Menade du …?": when a search on PostgreSQL finds nothing, the nearest words that public titles
use, by trigram similarity (``pg_trgm``, created by ``portal/migrations/0001_pg_trgm``).

The vocabulary is read from the titles the public may see (``Case.objects.public()``,
``Paragraph.objects.public().published()``), so a suggestion can never reveal a word of a secret
title. It is built per zero-hit search with ``ts_stat``; that is a scan of the titles, paid only
when the search found nothing.
"""

from django.db import connection

from decisions.models import Paragraph
from motions.models import Case

from .query import SearchQuery

MIN_SIMILARITY = 0.4

_NEAREST = """
WITH vocabulary AS MATERIALIZED (SELECT word, nentry FROM ts_stat(%s))
SELECT typed.word, COALESCE(
    (SELECT v.word FROM vocabulary v WHERE v.word = typed.word),
    (SELECT v.word FROM vocabulary v
      WHERE similarity(v.word, typed.word) >= %s
      ORDER BY similarity(v.word, typed.word) DESC, v.nentry DESC, v.word LIMIT 1),
    typed.word)
FROM unnest(%s::text[]) WITH ORDINALITY AS typed(word, n)
ORDER BY typed.n
"""


def _public_titles_sql() -> str:
    from django.contrib.postgres.search import SearchVector

    parts = []
    for titles in (Case.objects.public(), Paragraph.objects.public().published()):
        sql, params = (
            titles.annotate(vector=SearchVector("title", config="simple"))
            .order_by()
            .values("vector")
            .query.sql_with_params()
        )
        parts.append(connection.ops.compose_sql(sql, params))
    return " UNION ALL ".join(parts)


def did_you_mean(query: SearchQuery) -> str:
    """The query with each word that no public title uses replaced by the most similar one that
    does; empty when nothing would change or on SQLite."""
    if connection.vendor != "postgresql" or not query.words:
        return ""
    typed = [word.casefold() for word in query.words]
    with connection.cursor() as cursor:
        cursor.execute(_NEAREST, [_public_titles_sql(), MIN_SIMILARITY, typed])
        nearest = [row[1] for row in cursor.fetchall()]
    return " ".join(nearest) if nearest != typed else ""
