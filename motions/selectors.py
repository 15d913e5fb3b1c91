"""Reads about the case file: a case with its documents and referrals, the clerk's registries
and bodies, a body's incoming referrals."""

import datetime

from django.db.models import F, Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from organisation.models import Body, ClerkAssignment

from .dnr import DnrQuery
from .models import Case, Document, Motion, Referral, Registry


def case_with_file(slug: str) -> Case:
    """The case with its documents, referrals and paragraphs; raises Case.DoesNotExist."""
    return (
        Case.objects.select_related("registry", "responsible_body")
        .prefetch_related(
            "documents__authors__unit",
            "documents__unit",
            Prefetch(
                "referrals",
                queryset=Referral.objects.select_related(
                    "from_body",
                    "to_body",
                    "answered_by_paragraph__meeting__body",
                    "answered_by_paragraph__body",
                    "answered_by_document",
                ),
            ),
        )
        .get(slug=slug)
    )


def today() -> datetime.date:
    return timezone.localdate()


# --- The clerk's case pages -------------------------------------------------------------------


def registries_for(user) -> QuerySet[Registry]:
    """The registries the user registers cases in (``motions.register_case``): all for a
    superuser, else those of the user's registrator roles today."""
    if not (user.is_authenticated and user.is_active):
        return Registry.objects.none()
    if user.is_superuser:
        return Registry.objects.order_by("code")
    roles = ClerkAssignment.objects.on(today()).filter(
        user=user, role=ClerkAssignment.Role.REGISTRATOR
    )
    return Registry.objects.filter(pk__in=roles.values("registry")).order_by("code")


def secretary_bodies(user) -> QuerySet[Body]:
    """The bodies the user is nämndsekreterare of today (all for a superuser): the bodies a
    case may be referred from (``motions.refer_case``)."""
    if not (user.is_authenticated and user.is_active):
        return Body.objects.none()
    if user.is_superuser:
        return Body.objects.by_rank()
    roles = ClerkAssignment.objects.on(today()).filter(
        user=user, role=ClerkAssignment.Role.SECRETARY
    )
    return Body.objects.filter(pk__in=roles.values("body")).by_rank()


def _referrals_with_rows() -> QuerySet[Referral]:
    return Referral.objects.select_related(
        "case__responsible_body",
        "from_body",
        "to_body",
        "answered_by_paragraph__meeting",
        "answered_by_paragraph__body",
        "answered_by_document",
    )


def incoming_referrals(body: Body) -> QuerySet[Referral]:
    """The body's unanswered referrals by due date: the overdue ones (the most overdue first)
    come before those still in time, and a referral with no due date comes last."""
    return (
        _referrals_with_rows()
        .unanswered()
        .filter(to_body=body)
        .order_by(F("due_on").asc(nulls_last=True), "sent_on", "pk")
    )


def answered_referrals(body: Body, limit: int = 50) -> list[Referral]:
    """The body's latest answered referrals, newest answer first."""
    return list(
        _referrals_with_rows()
        .answered()
        .filter(to_body=body)
        .annotate(
            answer_day=Coalesce(
                "answered_by_paragraph__meeting__date", "answered_by_document__date"
            )
        )
        .order_by("-answer_day", "-pk")[:limit]
    )


def answer_documents(referral: Referral) -> QuerySet[Document]:
    """The case's documents: a yttrande may answer a referral without a paragraph."""
    return Document.objects.filter(case_id=referral.case_id).order_by("-date", "-pk")


def cases_with_dnr(query: DnrQuery) -> QuerySet[Case]:
    """Public cases whose Dnr is ``query``: one, or one per registry if no code was typed."""
    cases = Case.objects.public().filter(year=query.year, serial=query.serial)
    if query.registry:
        cases = cases.filter(registry__code__iexact=query.registry)
    return cases.select_related("registry").order_by("registry__code")


def motions_to_announce(on: datetime.date) -> QuerySet[Motion]:
    """Motions that have come in but are not väckta yet, dated on or before ``on``, oldest first."""
    return (
        Motion.objects.filter(raised_at__isnull=True, dated_on__lte=on)
        .select_related("case")
        .order_by("dated_on", "case__year", "case__serial")
    )
