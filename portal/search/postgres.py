"""The PostgreSQL implementation: Swedish full-text search with GIN indexes and ts_headline
(``backend`` says how the two implementations relate)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import (
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from decisions.models import DecisionPoint, Paragraph, ProposalPoint
from motions.models import AttSats, Case

from .query import (
    MARK_START,
    MARK_STOP,
    SEARCH_CONFIG,
    SPACE,
    CaseResult,
    ParagraphResult,
    SearchQuery,
    cases_for_page,
    in_order,
    paragraphs_for_page,
)

if TYPE_CHECKING:
    from django.contrib.postgres.search import SearchHeadline, SearchVector
    from django.db.models import Expression

# django.contrib.postgres.search is imported where it is used: the SQLite fallback must not need
# anything PostgreSQL-specific, and the app django.contrib.postgres need not be installed.


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
        rows = paragraphs_for_page(ids).annotate(snippet=self._headline(document))
        return [ParagraphResult(p, _marked(p.snippet)) for p in in_order(rows, ids)]

    def cases(self, ids: Sequence[int]) -> list[CaseResult]:
        from django.contrib.postgres.aggregates import StringAgg

        att_text = (
            AttSats.objects.filter(motion__case=OuterRef("pk"))
            .values("motion__case")
            .annotate(all_text=StringAgg("text", " ", order_by="position"))
            .values("all_text")
        )
        document = Coalesce(Subquery(att_text), Value(""), output_field=TextField())
        rows = cases_for_page(ids).annotate(snippet=self._headline(document))
        return [CaseResult(c, _marked(c.snippet)) for c in in_order(rows, ids)]


def _marked(headline: str | None) -> SafeString:
    """ts_headline's output, escaped, with our markers turned into <mark>."""
    text = SPACE.sub(" ", headline or "").strip()
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)  # escaped above; only our own tags added
