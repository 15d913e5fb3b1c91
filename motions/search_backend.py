"""Search over titles, decision text, ärende text and att-satser: parsing, matching, snippets.

Two implementations behind one interface, chosen by the database in use
(see ``docs/decisions/0007-search.md``):

- **PostgreSQL** — Swedish full-text search: ``websearch_to_tsquery('swedish', …)`` against
  ``to_tsvector('swedish', …)`` of each searched column, so "motionen" finds "motioner" and
  "åtgärd" finds "Åtgärder". Each ``to_tsvector`` expression below is *exactly* the expression
  of a GIN index created by the migrations ``motions/0002_search_indexes`` and
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

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case as Conditional
from django.db.models import (
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from decisions.models import DecisionPoint, Paragraph, ProposalPoint

from .folding import Fold, fold
from .models import AttSats, Case

if TYPE_CHECKING:
    from django.contrib.postgres.search import SearchHeadline, SearchVector
    from django.db.models import Expression

# django.contrib.postgres.search is imported where it is used: the SQLite fallback must not need
# anything PostgreSQL-specific, and the app django.contrib.postgres need not be installed.

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
SEARCH_CONFIG = "swedish"

MESSAGE_NO_WORDS = "Skriv minst ett ord att söka efter."
MESSAGE_STOP_WORDS = (
    "Sökningen innehöll bara vanliga småord, som ”och” eller ”att”, som inte går att söka på. "
    "Lägg till ett mer innehållsrikt ord."
)
MESSAGE_SHORTENED = (
    f"Sökfrågan var längre än {MAX_QUERY_LENGTH} tecken. Bara början av den har använts."
)

# ts_headline marks matches with these; they are replaced by <mark> only after escaping, so the
# text itself can never bring markup. Private-use characters: never in a protocol's text, and
# removed from the user's query by ``parse_query``.
MARK_START = "\ue000"
MARK_STOP = "\ue001"

_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")


# --- The query ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchQuery:
    """What the user typed, cleaned: control and private-use characters removed, spaces
    collapsed, Unicode NFC, at most ``MAX_QUERY_LENGTH`` characters."""

    text: str
    words: tuple[str, ...]
    submitted: bool
    shortened: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing asked: the page shows the form only."""
        return not self.submitted

    @property
    def message(self) -> str:
        """Why the query cannot be searched, in Swedish; empty when it can."""
        return MESSAGE_NO_WORDS if self.submitted and not self.words else ""

    @property
    def shortened_message(self) -> str:
        return MESSAGE_SHORTENED if self.shortened else ""


def parse_query(raw: str | None) -> SearchQuery:
    raw = raw or ""
    # Category C: control (NUL would make PostgreSQL refuse the query), format, surrogates and
    # private use (our highlight markers).
    cleaned = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in raw)
    cleaned = _SPACE.sub(" ", unicodedata.normalize("NFC", cleaned)).strip()
    shortened = len(cleaned) > MAX_QUERY_LENGTH
    if shortened:
        cut = cleaned[: MAX_QUERY_LENGTH + 1]
        # End at the last whole word when there is one in the second half.
        space = cut.rfind(" ")
        cleaned = (cut[:space] if space > MAX_QUERY_LENGTH // 2 else cut[:MAX_QUERY_LENGTH]).strip()
    return SearchQuery(
        text=cleaned,
        words=tuple(_WORD.findall(cleaned)),
        submitted=bool(raw),
        shortened=shortened,
    )


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One result before it is loaded: cases first, then paragraphs, each best first."""

    kind: Literal["case", "paragraph"]
    pk: int


@dataclass(frozen=True)
class CaseResult:
    case: Case
    snippet: SafeString


@dataclass(frozen=True)
class ParagraphResult:
    paragraph: Paragraph
    snippet: SafeString


@dataclass(frozen=True)
class SearchResults:
    query: SearchQuery
    case_total: int
    paragraph_total: int
    page: Page
    cases: list[CaseResult]
    paragraphs: list[ParagraphResult]
    message: str = ""
    page_message: str = ""

    @property
    def total(self) -> int:
        return self.case_total + self.paragraph_total


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
    if not hits and backend.only_stop_words():
        message = MESSAGE_STOP_WORDS
    return SearchResults(
        query=query,
        case_total=len(case_ids),
        paragraph_total=len(paragraph_ids),
        page=current,
        cases=backend.cases(on_page_cases) if on_page_cases else [],
        paragraphs=backend.paragraphs(on_page_paragraphs) if on_page_paragraphs else [],
        message=message,
        page_message=page_message,
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


def _in_order(objects: QuerySet, ids: Sequence[int]) -> list:
    by_pk = {o.pk: o for o in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _paragraphs_for_page(ids: Sequence[int]) -> QuerySet[Paragraph]:
    return (
        Paragraph.objects.public()
        .published()
        .filter(pk__in=ids)
        .select_related("meeting__body", "body", "case")
    )


def _cases_for_page(ids: Sequence[int]) -> QuerySet[Case]:
    return Case.objects.public().filter(pk__in=ids)


# --- PostgreSQL -----------------------------------------------------------------------------


def paragraph_vector() -> "SearchVector":
    """to_tsvector('swedish', COALESCE(title, '') || ' ' || COALESCE(arende_text, ''))."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", "arende_text", config=SEARCH_CONFIG)


def text_vector() -> "SearchVector":
    """to_tsvector('swedish', COALESCE(text, '')) — beslutspunkter, förslagspunkter, att-satser."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("text", config=SEARCH_CONFIG)


def title_vector() -> "SearchVector":
    """to_tsvector('swedish', COALESCE(title, '')) — a case's title."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", config=SEARCH_CONFIG)


class PostgresSearch:
    def __init__(self, query: SearchQuery) -> None:
        from django.contrib.postgres.search import SearchQuery as PgSearchQuery

        self.query = query
        self.tsquery = PgSearchQuery(query.text, config=SEARCH_CONFIG, search_type="websearch")

    # Matching. Each unit is matched in its own subquery, on its own table, so that each can use
    # its GIN index; the outer query only checks ids against them.

    def paragraph_matches(self) -> QuerySet[Paragraph]:
        own = Paragraph.objects.alias(document=paragraph_vector()).filter(document=self.tsquery)
        decision_points = DecisionPoint.objects.alias(document=text_vector()).filter(
            document=self.tsquery
        )
        proposal_points = ProposalPoint.objects.alias(document=text_vector()).filter(
            document=self.tsquery, proposal__paragraph__isnull=False
        )
        return (
            Paragraph.objects.public()
            .published()
            .filter(
                Q(pk__in=own.values("pk"))
                | Q(pk__in=decision_points.values("paragraph"))
                | Q(pk__in=proposal_points.values("proposal__paragraph"))
            )
        )

    def case_matches(self) -> QuerySet[Case]:
        own = Case.objects.alias(document=title_vector()).filter(document=self.tsquery)
        att_satser = AttSats.objects.alias(document=text_vector()).filter(document=self.tsquery)
        return Case.objects.public().filter(
            Q(pk__in=own.values("pk")) | Q(pk__in=att_satser.values("motion__case"))
        )

    def paragraph_ids(self) -> list[int]:
        from django.contrib.postgres.search import SearchRank

        return list(
            self.paragraph_matches()
            .annotate(rank=SearchRank(paragraph_vector(), self.tsquery))
            .order_by("-rank", "-meeting__date", "-number")
            .values_list("pk", flat=True)
        )

    def case_ids(self) -> list[int]:
        from django.contrib.postgres.search import SearchRank

        return list(
            self.case_matches()
            .annotate(rank=SearchRank(title_vector(), self.tsquery))
            .order_by("-rank", "-registered_on", "-pk")
            .values_list("pk", flat=True)
        )

    def only_stop_words(self) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))",
                [SEARCH_CONFIG, self.query.text],
            )
            return cursor.fetchone()[0] == 0

    # Snippets: ts_headline over everything that was searched, one query per kind.

    def _headline(self, document: "Expression") -> "SearchHeadline":
        from django.contrib.postgres.search import SearchHeadline

        return SearchHeadline(
            document,
            self.tsquery,
            config=SEARCH_CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )

    def paragraphs(self, ids: Sequence[int]) -> list[ParagraphResult]:
        from django.contrib.postgres.aggregates import StringAgg

        decision_text = (
            DecisionPoint.objects.filter(paragraph=OuterRef("pk"))
            .values("paragraph")
            .annotate(all_text=StringAgg("text", " ", order_by="position"))
            .values("all_text")
        )
        proposal_text = (
            ProposalPoint.objects.filter(proposal__paragraph=OuterRef("pk"))
            .values("proposal__paragraph")
            .annotate(all_text=StringAgg("text", " ", order_by=("proposal__position", "position")))
            .values("all_text")
        )
        # The title is left out: the result's heading shows it.
        document = Concat(
            Coalesce(Subquery(decision_text), Value(""), output_field=TextField()),
            Value(" "),
            Coalesce(Subquery(proposal_text), Value(""), output_field=TextField()),
            Value(" "),
            Coalesce("arende_text", Value(""), output_field=TextField()),
            output_field=TextField(),
        )
        rows = _paragraphs_for_page(ids).annotate(snippet=self._headline(document))
        return [ParagraphResult(p, _marked(p.snippet)) for p in _in_order(rows, ids)]

    def cases(self, ids: Sequence[int]) -> list[CaseResult]:
        from django.contrib.postgres.aggregates import StringAgg

        att_text = (
            AttSats.objects.filter(motion__case=OuterRef("pk"))
            .values("motion__case")
            .annotate(all_text=StringAgg("text", " ", order_by="position"))
            .values("all_text")
        )
        document = Coalesce(Subquery(att_text), Value(""), output_field=TextField())
        rows = _cases_for_page(ids).annotate(snippet=self._headline(document))
        return [CaseResult(c, _marked(c.snippet)) for c in _in_order(rows, ids)]


def _marked(headline: str | None) -> SafeString:
    """ts_headline's output, escaped, with our markers turned into <mark>."""
    text = _SPACE.sub(" ", headline or "").strip()
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # escaped above; only our own tags added


# --- SQLite ---------------------------------------------------------------------------------


class FallbackSearch:
    def __init__(self, query: SearchQuery) -> None:
        self.query = query
        self.words = tuple(dict.fromkeys(fold(w) for w in query.words))

    def _all_words(self, alias: str) -> Q:
        condition = Q()
        for word in self.words:
            condition &= Q(**{f"{alias}__contains": word})
        return condition

    def paragraph_ids(self) -> list[int]:
        own = Paragraph.objects.alias(
            document=Fold(Concat("title", Value(" "), "arende_text", output_field=TextField()))
        ).filter(self._all_words("document"))
        decision_points = DecisionPoint.objects.alias(document=Fold("text")).filter(
            self._all_words("document")
        )
        proposal_points = ProposalPoint.objects.alias(document=Fold("text")).filter(
            self._all_words("document"), proposal__paragraph__isnull=False
        )
        return list(
            Paragraph.objects.public()
            .published()
            .filter(
                Q(pk__in=own.values("pk"))
                | Q(pk__in=decision_points.values("paragraph"))
                | Q(pk__in=proposal_points.values("proposal__paragraph"))
            )
            .alias(folded_title=Fold("title"))
            .annotate(
                in_title=Conditional(
                    When(self._all_words("folded_title"), then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("in_title", "-meeting__date", "-number")
            .values_list("pk", flat=True)
        )

    def case_ids(self) -> list[int]:
        att_satser = AttSats.objects.alias(document=Fold("text")).filter(
            self._all_words("document")
        )
        return list(
            Case.objects.public()
            .alias(document=Fold("title"))
            .filter(Q(self._all_words("document")) | Q(pk__in=att_satser.values("motion__case")))
            .annotate(
                in_title=Conditional(
                    When(self._all_words("document"), then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("in_title", "-registered_on", "-pk")
            .values_list("pk", flat=True)
        )

    def only_stop_words(self) -> bool:
        return False

    def paragraphs(self, ids: Sequence[int]) -> list[ParagraphResult]:
        rows = _paragraphs_for_page(ids).prefetch_related("decision_points", "proposals__points")
        results = []
        for p in _in_order(rows, ids):
            # As on PostgreSQL, the title is left out: the heading shows it.
            units = [d.text for d in p.decision_points.all()]
            units += [pt.text for pr in p.proposals.all() for pt in pr.points.all()]
            units.append(p.arende_text)
            results.append(ParagraphResult(p, python_snippet(units, self.words)))
        return results

    def cases(self, ids: Sequence[int]) -> list[CaseResult]:
        rows = _cases_for_page(ids).prefetch_related("motion__att_satser")
        results = []
        for c in _in_order(rows, ids):
            units: list[str] = []
            motion = getattr(c, "motion", None) if c.kind == Case.Kind.MOTION else None
            if motion is not None:
                units += [a.text for a in motion.att_satser.all()]
            results.append(CaseResult(c, python_snippet(units, self.words)))
        return results


def python_snippet(
    units: Sequence[str], folded_words: Sequence[str], *, width: int = 240
) -> SafeString:
    """An excerpt of about ``width`` characters around the first match, matches in <mark>.

    ``units`` are the texts to cut from, best first; the excerpt comes from the first that holds
    every word, else the first holding any, else the beginning of the first (like ts_headline
    when the match was in the title, which the result's heading shows anyway). Everything is
    escaped; the only markup is the <mark> added here.
    """
    texts = [_SPACE.sub(" ", unicodedata.normalize("NFC", u or "")).strip() for u in units]
    texts = [t for t in texts if t]
    if not texts:
        return mark_safe("")
    wanted = {w for w in folded_words if w}
    found_any: tuple[str, list[tuple[str, int, int]]] | None = None
    chosen: tuple[str, list[tuple[str, int, int]]] | None = None
    for text in texts:
        spans = _find(text, wanted)
        if not spans:
            continue
        if {w for w, _, _ in spans} >= wanted:
            chosen = (text, spans)
            break
        found_any = found_any or (text, spans)
    text, spans = chosen or found_any or (texts[0], [])
    first = spans[0][1] if spans else 0
    start = max(0, first - width // 3)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and first - space < width // 2 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space < end + 30 else end
    parts = ["… " if start > 0 else ""]
    cursor = start
    for _, s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    parts.append(" …" if end < len(text) else "")
    return mark_safe("".join(parts))  # every piece of text escaped above


def _find(text: str, folded_words: set[str]) -> list[tuple[str, int, int]]:
    """(word, start, end) of each non-overlapping occurrence, as offsets into ``text``.

    Case folding can change a string's length ('ß' → 'ss'), so the folded text keeps, for each
    of its characters, the offset of the character it came from.
    """
    folded_chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for f in ch.casefold():
            folded_chars.append(f)
            origin.append(i)
    folded = "".join(folded_chars)
    origin.append(len(text))
    taken: list[tuple[str, int, int]] = []
    for word in sorted(folded_words, key=len, reverse=True):
        at = folded.find(word)
        while at >= 0:
            s, e = origin[at], origin[at + len(word) - 1] + 1
            if not any(s < te and ts < e for _, ts, te in taken):
                taken.append((word, s, e))
            at = folded.find(word, at + len(word))
    return sorted(taken, key=lambda t: t[1])
