"""The report of unanswered motions (KL 5 kap. 35 §): a page, a printable page and CSV.

Twice a year KF is told which motions have waited more than a year for its decision, and how
far their beredning has come. The report is for a chosen date; the state shown is today's.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from common import csv_export
from common.forms import DateField
from motions import selectors as case_file
from motions.models import Motion, overdue_cutoff

from . import case_path as selectors


@dataclass(frozen=True)
class ReportDate:
    day: datetime.date
    error: str


def report_date(request: HttpRequest) -> ReportDate:
    raw = request.GET.get("datum", "").strip()
    today = case_file.today()
    if not raw:
        return ReportDate(today, "")
    field = DateField(error_messages={"invalid": f"”{raw}” är inget datum (ÅÅÅÅ-MM-DD)."})
    try:
        return ReportDate(field.clean(raw), "")
    except ValidationError as error:
        return ReportDate(today, f"{error.messages[0]} Rapporten visar {today}.")


def unanswered_on(day: datetime.date) -> QuerySet[Motion]:
    """Motions väckta more than a year before ``day`` that KF had not decided by then."""
    return (
        selectors.motions_for_register()
        .filter(raised_at__date__lte=overdue_cutoff(day))
        .filter(Q(decided_by__isnull=True) | Q(decided_by__meeting__date__gt=day))
        .order_by("raised_at__date", "case__year", "case__serial")
    )


@dataclass(frozen=True)
class ReportRow:
    motion: Motion
    state: selectors.MotionState
    days_over: int


def report_rows(day: datetime.date) -> list[ReportRow]:
    rows = selectors.motion_rows(unanswered_on(day))
    return [ReportRow(row.motion, row.state, (day - row.motion.deadline).days) for row in rows]


def unanswered(request: HttpRequest) -> HttpResponse:
    date = report_date(request)
    template = (
        "portal/unanswered_print.html" if request.GET.get("utskrift") else "portal/unanswered.html"
    )
    return render(
        request,
        template,
        {"day": date.day, "date_error": date.error, "rows": report_rows(date.day)},
    )


CSV_HEADER = [
    "Diarienummer",
    "Rubrik",
    "Motionärer",
    "Daterad",
    "Väckt",
    "Ettårsgräns",
    "Dagar efter gränsen",
    "Status",
    "Ligger hos",
    "Sedan",
]


def unanswered_csv(request: HttpRequest) -> HttpResponse:
    date = report_date(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="obesvarade-motioner-{date.day.isoformat()}.csv"'
    )
    # A byte order mark and semicolons: what Excel with Swedish settings opens correctly.
    response.write("\ufeff")
    writer = csv_export.writer(response, delimiter=";")
    writer.writerow(CSV_HEADER)
    for row in report_rows(date.day):
        motion = row.motion
        writer.writerow(
            [
                motion.case.dnr,
                motion.case.title,
                ", ".join(
                    f"{s.person.full_name} ({s.party.abbreviation})" for s in motion.signers.all()
                ),
                motion.dated_on.isoformat(),
                motion.raised_on.isoformat(),
                motion.deadline.isoformat(),
                row.days_over,
                row.state.label,
                row.state.holder.name if row.state.holder else "",
                row.state.since.isoformat() if row.state.since else "",
            ]
        )
    return response
