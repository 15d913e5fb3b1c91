"""Search over titles, decision text, ärende text and att-satser: parsing, matching, snippets.

Two implementations behind one interface, chosen by the database in use
(see ``docs/decisions/0007-search.md``):

- **PostgreSQL** — Swedish full-text search: ``websearch_to_tsquery('swedish', …)`` against
  ``to_tsvector('swedish', …)`` of each searched column, so "motionen" finds "motioner" and
  "åtgärd" finds "Åtgärder". Each ``to_tsvector`` expression in ``postgres.py`` is *exactly*
  the expression of a GIN index created by the migrations ``motions/0002_search_indexes`` and
  ``decisions/0003_search_indexes``; change one and the other must change with it, or the
  planner can no longer use the index (``tests/test_search.py`` checks with EXPLAIN).
  Snippets come from ``ts_headline``.
- **SQLite** — an honest fallback: every word must occur, as a substring, regardless of case
  (å/ä/ö included: a Python ``casefold`` registered as an SQL function). No stemming, no
  ranking beyond "title first", no query syntax. Snippets are cut in Python.

Both match the same units: a paragraph's title and ärende together, each of its beslutspunkter,
each point of its förslag till beslut; a case's title, each att-sats of its motion. Every word
must occur within one unit. Only what the public may see is searched: ``Paragraph.objects
.public().published()`` (no secret paragraph, no draft of a meeting not yet held) and
``Case.objects.public()``, for staff too.
"""

from django.core.paginator import Paginator
from django.db import connection

from .fallback import FallbackSearch
from .postgres import PostgresSearch
from .query import MESSAGE_STOP_WORDS, PAGE_SIZE, Hit, SearchQuery, SearchResults
from .suggestions import did_you_mean


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search(query: SearchQuery, page: str | int | None = None) -> SearchResults:
    """Search public cases and paragraphs; a fixed number of queries whatever the hit count."""
    backend = PostgresSearch(query) if uses_full_text_search() else FallbackSearch(query)
    case_ids = backend.case_ids()
    paragraph_ids = backend.paragraph_ids()
    hits = [Hit("case", pk) for pk in case_ids] + [Hit("paragraph", pk) for pk in paragraph_ids]
    paginator = Paginator(hits, PAGE_SIZE)
    number, page_message = _page_number(page, paginator.num_pages)
    if not hits:
        page_message = ""
    current = paginator.page(number)
    on_page_cases = [h.pk for h in current.object_list if h.kind == "case"]
    on_page_paragraphs = [h.pk for h in current.object_list if h.kind == "paragraph"]
    message = ""
    suggestion = ""
    if not hits and backend.only_stop_words():
        message = MESSAGE_STOP_WORDS
    elif not hits:
        suggestion = did_you_mean(query)
    return SearchResults(
        query=query,
        case_total=len(case_ids),
        paragraph_total=len(paragraph_ids),
        page=current,
        cases=backend.cases(on_page_cases) if on_page_cases else [],
        paragraphs=backend.paragraphs(on_page_paragraphs) if on_page_paragraphs else [],
        message=message,
        page_message=page_message,
        suggestion=suggestion,
    )


def _page_number(raw: str | int | None, num_pages: int) -> tuple[int, str]:
    """A usable page number, and a Swedish note when the asked-for page did not exist."""
    if raw in (None, ""):
        return 1, ""
    try:
        number = int(str(raw).strip())
    except ValueError:
        return 1, "Sidnumret måste vara ett heltal. Första sidan visas."
    if number < 1:
        return 1, "Sidnumret måste vara minst 1. Första sidan visas."
    if number > num_pages:
        return num_pages, f"Sidan {number} finns inte. Sista sidan (sida {num_pages}) visas."
    return number, ""
