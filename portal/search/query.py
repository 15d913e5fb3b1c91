"""The search query as typed, and the results as the page shows them: the parts both
implementations share."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.core.paginator import Page
from django.db.models import (
    QuerySet,
)
from django.utils.safestring import SafeString

from decisions.models import Paragraph
from motions.models import Case

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
SPACE = re.compile(r"\s+")


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
    cleaned = SPACE.sub(" ", unicodedata.normalize("NFC", cleaned)).strip()
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
    suggestion: str = ""

    @property
    def total(self) -> int:
        return self.case_total + self.paragraph_total


def in_order(objects: QuerySet, ids: Sequence[int]) -> list:
    by_pk = {o.pk: o for o in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def paragraphs_for_page(ids: Sequence[int]) -> QuerySet[Paragraph]:
    return (
        Paragraph.objects.public()
        .published()
        .filter(pk__in=ids)
        .select_related("meeting__body", "body", "case")
    )


def cases_for_page(ids: Sequence[int]) -> QuerySet[Case]:
    return Case.objects.public().filter(pk__in=ids)
