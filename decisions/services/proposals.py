"""The quoted decision of an earlier body, and the paragraph's proposals (förslag till beslut)
to the bodies the case goes on to.

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting (``check_belongs``).
"""

from collections.abc import Iterable, Sequence

from django.db import models, transaction

from common import ordering
from common.errors import ServiceError
from organisation.models import Body

from ..models import Paragraph, Proposal, ProposalPoint
from .content import required_text
from .finality import check_belongs, check_paragraph_editable
from .locks import lock_paragraph


def quotable(paragraph: Paragraph) -> models.QuerySet:
    """Other bodies' paragraphs on the same case, newest first: what the paragraph may quote."""
    if not paragraph.case_id:
        return Paragraph.objects.none()
    return (
        Paragraph.objects.filter(case_id=paragraph.case_id)
        .exclude(body_id=paragraph.body_id)
        .exclude(pk=paragraph.pk)
        .select_related("meeting", "body")
        .order_by("-meeting__date", "-number")
    )


def suggested_quote(paragraph: Paragraph, candidates: Iterable[Paragraph]) -> Paragraph | None:
    """The latest candidate with a proposal to this paragraph's body (needs ``proposals``)."""
    for candidate in candidates:
        if any(p.to_body_id == paragraph.body_id for p in candidate.proposals.all()):
            return candidate
    return None


def check_set_quotes(*, paragraph: Paragraph, quotes: Paragraph | None) -> None:
    check_paragraph_editable(paragraph)
    if quotes is None:
        return
    if not quotable(paragraph).filter(pk=quotes.pk).exists():
        raise ServiceError(
            {"quotes": "Välj ett beslut av ett annat organ i samma ärende."}, code="not_quotable"
        )


@transaction.atomic
def set_quotes(*, paragraph: Paragraph, quotes: Paragraph | None) -> Paragraph:
    """Quote another body's decision in the same case (or none). Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_set_quotes(paragraph=locked, quotes=quotes)
    locked.quotes = quotes
    locked.save(update_fields=["quotes"])
    return locked


def later_bodies(paragraph: Paragraph) -> models.QuerySet:
    """Bodies the paragraph may propose a decision to: not itself, and not a body that has
    already decided the case at an earlier meeting (SON § 2 proposes to KS and KF; KS § 59,
    after SON, to KF)."""
    earlier = (
        Paragraph.objects.filter(
            case_id=paragraph.case_id, meeting__date__lt=paragraph.meeting.date
        ).values("body_id")
        if paragraph.case_id
        else Paragraph.objects.none().values("body_id")
    )
    return Body.objects.exclude(pk=paragraph.body_id).exclude(pk__in=earlier).by_rank()


def proposal_sources(paragraph: Paragraph) -> models.QuerySet:
    """Proposals on the case to a later body that the paragraph's own proposal can copy:
    the documents' (a tjänsteskrivelse's förslag till beslut) and other paragraphs'."""
    if not paragraph.case_id:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(
            models.Q(document__case_id=paragraph.case_id)
            | models.Q(paragraph__case_id=paragraph.case_id)
        )
        .exclude(paragraph_id=paragraph.pk)
        .filter(to_body__in=later_bodies(paragraph))
        .select_related(
            "to_body", "document__unit", "paragraph__meeting", "paragraph__body", "document"
        )
        .prefetch_related("points")
        .order_by("to_body__name", "-pk")
    )


def check_add_proposal(*, paragraph: Paragraph, to_body: Body | None) -> None:
    check_paragraph_editable(paragraph)
    if to_body is None or not later_bodies(paragraph).filter(pk=to_body.pk).exists():
        raise ServiceError(
            {"to_body": "Välj ett organ som ärendet går vidare till."}, code="not_later"
        )
    if Proposal.objects.filter(paragraph=paragraph, to_body=to_body).exists():
        raise ServiceError(
            {
                "to_body": f"§ {paragraph.number} har redan ett förslag till "
                f"{to_body.genitive_in_sentence} beslut."
            },
            code="exists",
        )


@transaction.atomic
def add_proposal(*, paragraph: Paragraph, to_body: Body, points: Sequence[str] = ()) -> Proposal:
    """Add 'Förslag till <organets> beslut' with ``points``. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_proposal(paragraph=locked, to_body=to_body)
    proposal = Proposal.objects.create(
        paragraph=locked, to_body=to_body, position=ordering.next_position(locked.proposals.all())
    )
    texts = [t.strip() for t in points if t and t.strip()]
    ProposalPoint.objects.bulk_create(
        ProposalPoint(proposal=proposal, position=i, text=text)
        for i, text in enumerate(texts, start=1)
    )
    return proposal


def check_copy_proposal(*, paragraph: Paragraph, source: Proposal | None) -> None:
    check_paragraph_editable(paragraph)
    if source is None or not proposal_sources(paragraph).filter(pk=source.pk).exists():
        raise ServiceError(
            "Förslaget hör inte till ärendet eller gäller inte ett senare organ.",
            code="other_case",
        )
    check_add_proposal(paragraph=paragraph, to_body=source.to_body)


@transaction.atomic
def copy_proposal(*, paragraph: Paragraph, source: Proposal) -> Proposal:
    """'Hämta förslag': a proposal to the same body with the source's points, to be edited.

    ``source`` is a tjänsteskrivelse's or another paragraph's proposal on the same case.
    Locks the paragraph row.
    """
    locked = lock_paragraph(paragraph)
    check_copy_proposal(paragraph=locked, source=source)
    return add_proposal(
        paragraph=locked,
        to_body=source.to_body,
        points=[point.text for point in source.points.order_by("position")],
    )


def check_add_proposal_point(*, paragraph: Paragraph, proposal: Proposal, text: str) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, proposal)
    required_text(text, "text", "Skriv förslagspunktens text.")


@transaction.atomic
def add_proposal_point(*, paragraph: Paragraph, proposal: Proposal, text: str) -> ProposalPoint:
    """Add a point last in one of the paragraph's proposals. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_proposal_point(paragraph=locked, proposal=proposal, text=text)
    return ProposalPoint.objects.create(
        proposal=proposal, position=ordering.next_position(proposal.points.all()), text=text.strip()
    )
