"""The motion register's filters: plain GET parameters, so every view is a shareable link."""

from dataclasses import dataclass

import django_filters as filters
from django import forms
from django.db.models import Count, QuerySet
from django.http import QueryDict

from common.forms import EARLIEST, LATEST
from motions.models import Motion, Stage
from motions.selectors import today
from organisation.models import Body, Party, Person

from .search.folding import contains_text

ORDERING = {
    "-vackt": ("-raised_at__date", "-case__year", "-case__serial"),
    "vackt": ("raised_at__date", "case__year", "case__serial"),
    "-dnr": ("-case__year", "-case__serial"),
    "dnr": ("case__year", "case__serial"),
    "rubrik": ("case__title",),
    "status": ("stage", "-raised_at__date"),
}
ORDERING_LABELS = {
    "-vackt": "Senast väckt först",
    "vackt": "Först väckt först",
    "-dnr": "Diarienummer, fallande",
    "dnr": "Diarienummer, stigande",
    "rubrik": "Rubrik",
    "status": "Status",
}


class YearFilter(filters.NumberFilter):
    """A whole year within the dates the app accepts: a year lookup outside them overflows."""

    field_class = forms.IntegerField


class MotionFilter(filters.FilterSet):
    q = filters.CharFilter(label="Sök i motionerna", method="filter_text")
    status = filters.ChoiceFilter(label="Status", choices=Stage.choices, field_name="stage")
    parti = filters.ModelChoiceFilter(
        label="Parti",
        queryset=Party.objects.all(),
        to_field_name="abbreviation",
        field_name="signers__party",
        distinct=True,
    )
    motionar = filters.ModelChoiceFilter(
        label="Motionär",
        queryset=Person.objects.filter(motions_signed__isnull=False).distinct(),
        field_name="signers__person",
        distinct=True,
    )
    ar = YearFilter(
        label="År väckt",
        field_name="raised_at__date__year",
        min_value=EARLIEST.year,
        max_value=LATEST.year,
        error_messages={
            "invalid": "Ange ett år med fyra siffror.",
            "min_value": f"Ange ett år från {EARLIEST.year}.",
            "max_value": f"Ange ett år till och med {LATEST.year}.",
        },
    )
    organ = filters.ModelChoiceFilter(
        label="Ligger nu hos",
        queryset=Body.objects.by_rank(),
        to_field_name="slug",
        method="filter_holder",
    )
    forsenad = filters.ChoiceFilter(
        label="Mer än ett år utan beslut",
        choices=[("true", "Ja"), ("false", "Nej")],
        method="filter_overdue",
    )
    sortering = filters.ChoiceFilter(
        label="Sortering",
        choices=list(ORDERING_LABELS.items()),
        method="filter_ordering",
        empty_label=None,
    )

    class Meta:
        model = Motion
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[Motion], name: str, value: str) -> QuerySet[Motion]:
        words = value.split()
        for word in words[:8]:
            queryset = queryset.filter(
                contains_text("case__title", word)
                | contains_text("case__dnr", word)
                | contains_text("att_satser__text", word)
                | contains_text("signers__person__first_name", word)
                | contains_text("signers__person__last_name", word)
            )
        return queryset.distinct() if words else queryset

    def filter_holder(self, queryset: QuerySet[Motion], name: str, value: Body) -> QuerySet[Motion]:
        return queryset.filter(holder_id=value.pk) if value else queryset

    def filter_overdue(self, queryset: QuerySet[Motion], name: str, value: str) -> QuerySet[Motion]:
        overdue = Motion.objects.overdue(today()).values("pk")
        if value == "true":
            return queryset.filter(pk__in=overdue)
        return queryset.exclude(pk__in=overdue) if value == "false" else queryset

    def filter_ordering(
        self, queryset: QuerySet[Motion], name: str, value: str
    ) -> QuerySet[Motion]:
        return queryset.order_by(*ORDERING.get(value, ORDERING["-vackt"]))


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def facets(data: QueryDict, queryset: QuerySet[Motion]) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet, given every other active filter (not the facet's own)."""

    def others(name: str) -> QuerySet[Motion]:
        rest = data.copy()
        rest.pop(name, None)
        rest.pop("sida", None)
        return MotionFilter(rest, queryset=queryset).qs.order_by()

    def counted(name: str, field: str) -> dict:
        rows = others(name).values(field).annotate(n=Count("pk", distinct=True))
        return {row[field]: row["n"] for row in rows}

    stages = counted("status", "stage")
    parties = counted("parti", "signers__party__abbreviation")
    holders = counted("organ", "holder_id")
    years = counted("ar", "raised_at__date__year")
    overdue_count = others("forsenad").overdue(today()).count()
    bodies = {b.pk: b for b in Body.objects.by_rank()}
    return {
        "status": [
            FacetValue(value, label, stages[value], data.get("status") == value)
            for value, label in Stage.choices
            if stages.get(value)
        ],
        "parti": [
            FacetValue(abbr, abbr, n, data.get("parti") == abbr)
            for abbr, n in sorted(parties.items(), key=lambda kv: str(kv[0]))
            if abbr
        ],
        "organ": [
            FacetValue(body.slug, body.name, holders[pk], data.get("organ") == body.slug)
            for pk, body in bodies.items()
            if holders.get(pk)
        ],
        "ar": [
            FacetValue(str(year), str(year), n, data.get("ar") == str(year))
            for year, n in sorted(years.items(), key=lambda kv: kv[0] or 0, reverse=True)
            if year
        ],
        "forsenad": [
            FacetValue(
                "true", "Mer än ett år utan beslut", overdue_count, data.get("forsenad") == "true"
            )
        ],
    }
