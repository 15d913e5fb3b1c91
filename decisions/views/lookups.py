"""Finding what a decisions URL names, and asking the roles about it (shared by the pages)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from decisions import selectors
from decisions.models import Attendance, Justering, Meeting, Paragraph


def require(request: HttpRequest, perm: str, obj: Meeting | Paragraph) -> None:
    """Raise unless the user holds ``perm`` on ``obj``; the caller redirects anonymous users."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(f"Du har ingen roll som ger rätt att göra detta för {obj.body}.")


def day_of(day: str) -> datetime.date:
    """The meeting day in a URL; one that is no date is a page that does not exist."""
    try:
        return datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404("Datumet finns inte.") from None


def meeting_of(body: str, day: str, queryset=None) -> Meeting:
    queryset = queryset if queryset is not None else selectors.meetings_with_body()
    return get_object_or_404(queryset, body__slug=body, date=day_of(day))


def meetings_for_protocol():
    """Meetings with what the protocol's front page shows: justerare, attendance, approvals,
    the anslag's rättelser."""
    return selectors.meetings_with_body().prefetch_related(
        "adjusters",
        "notice_corrections",
        Prefetch("attendance", queryset=Attendance.objects.select_related("person", "replaces")),
        Prefetch("justeringar", queryset=Justering.objects.select_related("person")),
    )


def paragraph_of(body: str, year: int, number: int) -> Paragraph:
    return get_object_or_404(
        Paragraph.objects.select_related("meeting__body", "body", "case"),
        body__slug=body,
        year=year,
        number=number,
    )
