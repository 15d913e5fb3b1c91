"""A justerad paragraph answers the referrals it was the answer to.

When a body's paragraph on a case becomes justerad and that body holds an open referral of the
case, the paragraph is the answer: SON's § answers KS→SON (an yttrande), KS's proposal to KF
answers KF→KS (beredning). A paragraph that only sent the matter back or postponed it (a carried
yrkande on återremiss or bordläggning) answers nothing; the referral stays open. A clerk can
still answer a referral by a document (``casework.answer_referral``).
"""

from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef

from motions.models import Referral

from ..models import Paragraph, Yrkande

_NOT_AN_ANSWER = (Yrkande.Kind.REFERRAL_BACK, Yrkande.Kind.POSTPONEMENT)


def answering_paragraphs(paragraph_ids: Iterable[int]):
    """Of ``paragraph_ids``, the justerade paragraphs on a case that decided the matter."""
    sent_back = Yrkande.objects.filter(
        paragraph=OuterRef("pk"), kind__in=_NOT_AN_ANSWER, outcome=Yrkande.Outcome.CARRIED
    )
    return (
        Paragraph.objects.justerade()
        .filter(pk__in=list(paragraph_ids), case__isnull=False)
        .exclude(Exists(sent_back))
        .select_related("meeting")
        .order_by("meeting__date", "number")
    )


def close_answered_referrals(*, paragraph_ids: Iterable[int]) -> list[Referral]:
    """Record each paragraph as the answer to its body's open referrals of its case.

    Runs inside the caller's transaction (justering); locks the referral rows it answers. The
    first paragraph (by date and number) of a body on a case answers; a referral sent after the
    meeting is not answered by it. Returns the referrals it closed.
    """
    closed: list[Referral] = []
    for paragraph in answering_paragraphs(paragraph_ids):
        open_referrals = (
            Referral.objects.unanswered()
            .select_for_update()
            .filter(
                case_id=paragraph.case_id,
                to_body_id=paragraph.body_id,
                sent_on__lte=paragraph.meeting.date,
            )
            .exclude(from_body_id=F("to_body_id"))
        )
        for referral in open_referrals:
            referral.answered_by_paragraph = paragraph
            referral.save(update_fields=["answered_by_paragraph"])
            closed.append(referral)
    return closed
