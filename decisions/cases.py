"""What ties a case to the meetings that handle it: a motion's state derived from referrals
and paragraphs, the paragraphs of a case, the meetings where a motion may be väckt, the
paragraphs that may answer a referral.

The case file (``motions``) knows its cases and referrals; the meetings and paragraphs that
handle them are this app's, so the reads that join the two live here.
"""

from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from motions.models import Motion, Referral, Stage
from organisation.models import Body

from .models import Meeting, Paragraph, Proposal
from .selectors import paragraphs_with_parts


def with_state(motions: QuerySet[Motion]) -> QuerySet[Motion]:
    """Annotate ``stage``, ``holder_id`` (the body that holds it now) and ``since``.

    The rules, in order: decided by KF → avgjord. A public paragraph of the case proposes a
    decision to KF → förslag till beslut, held by KF. An unanswered referral → held by the
    body of the latest one; if an earlier referral has been answered, its yttrande is given
    and the case is back with that body (yttrande lämnat), else remitterad. Väckt in KF with
    no referral yet → väckt. Otherwise inkommen.
    """
    case = models.OuterRef("case")
    council_proposals = (
        Proposal.objects.filter(
            paragraph__case=case,
            paragraph__is_secret=False,
            to_body__kind=Body.Kind.COUNCIL,
        )
        .exclude(
            # A paragraph of a meeting not yet held is a draft; it proposes nothing yet.
            paragraph__meeting__status="planerat"
        )
        .order_by("-paragraph__meeting__date", "-pk")
    )
    referrals = Referral.objects.filter(case=case)
    open_referrals = referrals.unanswered().order_by("-sent_on", "-pk")
    answered = (
        referrals.answered()
        .annotate(
            answered_on=Coalesce(
                "answered_by_paragraph__meeting__date", "answered_by_document__date"
            )
        )
        .order_by("-answered_on", "-pk")
    )
    has_proposal = models.Exists(council_proposals)
    has_open = models.Exists(open_referrals)
    has_answered = models.Exists(answered)
    decided = Q(decided_by__isnull=False)
    stage = models.Case(
        models.When(decided, then=models.Value(Stage.DECIDED)),
        models.When(has_proposal, then=models.Value(Stage.PROPOSED)),
        models.When(has_open & has_answered, then=models.Value(Stage.OPINION_GIVEN)),
        models.When(has_open, then=models.Value(Stage.REFERRED)),
        models.When(raised_at__isnull=False, then=models.Value(Stage.RAISED)),
        default=models.Value(Stage.RECEIVED),
        output_field=models.CharField(),
    )
    holder = models.Case(
        models.When(decided, then=models.Value(None)),
        models.When(has_proposal, then=models.Subquery(council_proposals.values("to_body")[:1])),
        models.When(has_open, then=models.Subquery(open_referrals.values("to_body")[:1])),
        models.When(raised_at__isnull=False, then=models.F("raised_at__body")),
        default=models.Value(None),
        output_field=models.BigIntegerField(),
    )
    since = models.Case(
        models.When(decided, then=models.F("decided_by__meeting__date")),
        models.When(
            has_proposal,
            then=models.Subquery(council_proposals.values("paragraph__meeting__date")[:1]),
        ),
        models.When(
            has_open & has_answered,
            then=models.Subquery(answered.values("answered_on")[:1]),
        ),
        models.When(has_open, then=models.Subquery(open_referrals.values("sent_on")[:1])),
        models.When(raised_at__isnull=False, then=models.F("raised_at__date")),
        default=models.F("dated_on"),
        output_field=models.DateField(),
    )
    return motions.annotate(stage=stage, holder_id=holder, since=since)


def case_paragraphs(case_id: int) -> QuerySet[Paragraph]:
    """The case's public paragraphs with every part, in the order they were decided."""
    return (
        paragraphs_with_parts()
        .filter(case_id=case_id, is_secret=False)
        .order_by("meeting__date", "number")
    )


def council_meetings() -> QuerySet[Meeting]:
    """Kommunfullmäktige's meetings, newest first: where a motion may be väckt."""
    return (
        Meeting.objects.filter(body__kind=Body.Kind.COUNCIL)
        .select_related("body")
        .order_by("-date", "-pk")
    )


def answer_paragraphs(referral: Referral) -> QuerySet[Paragraph]:
    """The receiving body's paragraphs on the referral's case: what may answer it."""
    return (
        Paragraph.objects.filter(case_id=referral.case_id, body_id=referral.to_body_id)
        .select_related("meeting", "body")
        .order_by("-meeting__date", "-number")
    )
