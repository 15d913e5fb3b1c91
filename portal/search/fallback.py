"""The SQLite fallback: every word, less a common Swedish ending, as a case-insensitive
substring; snippets cut in Python (``backend`` says how the two implementations relate)."""

import unicodedata
from collections.abc import Sequence

from django.db.models import Case as Conditional
from django.db.models import (
    IntegerField,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from decisions.models import DecisionPoint, Paragraph, ProposalPoint
from motions.models import AttSats, Case

from .folding import Fold, fold
from .query import (
    SPACE,
    CaseResult,
    ParagraphResult,
    SearchQuery,
    cases_for_page,
    in_order,
    paragraphs_for_page,
)

# --- SQLite ---------------------------------------------------------------------------------

# Endings of Swedish nouns, adjectives and verbs, longest first. Without a stemmer, cutting one
# of them lets "motionen" find "motioner" and "områdesteamen" find "områdesteam" by substring;
# at least MIN_STEM letters stay so that short words are not cut to nothing.
ENDINGS = sorted(
    (
        "arnas", "ernas", "ornas", "andes", "endes", "heten", "heter",
        "arna", "erna", "orna", "ande", "ende", "aste",
        "ens", "ets", "are", "ast",
        "an", "en", "et", "ar", "er", "or", "na", "ns",
        "a", "e", "s",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
MIN_STEM = 4


def light_stem(word: str) -> str:
    """``word`` (folded) less its longest common ending: 'motionen' → 'motion'."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


class FallbackSearch:
    def __init__(self, query: SearchQuery) -> None:
        self.query = query
        self.words = tuple(dict.fromkeys(light_stem(fold(w)) for w in query.words))

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
        rows = paragraphs_for_page(ids).prefetch_related("decision_points", "proposals__points")
        results = []
        for p in in_order(rows, ids):
            # As on PostgreSQL, the title is left out: the heading shows it.
            units = [d.text for d in p.decision_points.all()]
            units += [pt.text for pr in p.proposals.all() for pt in pr.points.all()]
            units.append(p.arende_text)
            results.append(ParagraphResult(p, python_snippet(units, self.words)))
        return results

    def cases(self, ids: Sequence[int]) -> list[CaseResult]:
        rows = cases_for_page(ids).prefetch_related("motion__att_satser")
        results = []
        for c in in_order(rows, ids):
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
    texts = [SPACE.sub(" ", unicodedata.normalize("NFC", u or "")).strip() for u in units]
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
            while e < len(text) and text[e].isalnum():
                e += 1  # the whole word: a search for "motionen" marks all of "motioner"
            if not any(s < te and ts < e for _, ts, te in taken):
                taken.append((word, s, e))
            at = folded.find(word, at + len(word))
    return sorted(taken, key=lambda t: t[1])
