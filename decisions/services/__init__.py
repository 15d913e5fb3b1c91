"""Writes about protocols: justering, omedelbar justering, corrections, anslag, expediering.

Each write comes in two halves, as in Zulip's ``check_*`` / ``do_*``: ``check_…`` raises a
``ServiceError`` with a Swedish message and changes nothing; the write calls it again under a
row lock, so two clerks cannot justera or post the same protocol at once. Every write is
``@transaction.atomic`` and takes keyword-only arguments.

After justering a paragraph is final (KL 5 kap. 69 §; ``docs`` and ``domain.md`` § 5): its
parts may not change, a correction is a visible, dated ``Correction``. The service layer checks
that here (``check_paragraph_editable``, ``check_part_editable``), the admin asks the same
functions, and on PostgreSQL a trigger (migration 0005) refuses what slips past both.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from common.errors import ServiceError
from organisation.models import Person

from .. import extracts, law
from ..models import (
    Ballot,
    BasisDocument,
    Correction,
    DecisionPoint,
    Jav,
    Justering,
    Meeting,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    Vote,
    Yrkande,
    YrkandeMember,
)

JUSTERING_DAYS = 14
"""The protocol is to be justerat within 14 days of the meeting (KL 5 kap. 69 §)."""

NOTICE_DAYS = 2
"""The notice of justering is to be posted within two days of justering (KL 8 kap. 12 §)."""

FINAL_MESSAGE = "Paragrafen är justerad och kan inte ändras; gör en rättelse."


# --- Derived flags ---------------------------------------------------------------------------


def is_late_justering(meeting_date: datetime.date, justerat_on: datetime.date | None) -> bool:
    """Was the protocol justerat later than 14 days after the meeting? Flagged, never refused."""
    return justerat_on is not None and (justerat_on - meeting_date).days > JUSTERING_DAYS


def is_late_notice(justerat_on: datetime.date | None, posted_on: datetime.date | None) -> bool:
    """Was the notice posted more than two days after justering? Flagged, never refused."""
    return (
        justerat_on is not None
        and posted_on is not None
        and (posted_on - justerat_on).days > NOTICE_DAYS
    )


def justerat_on(meeting: Meeting) -> datetime.date | None:
    """The day the protocol was justerat: the last approval if recorded, else ``justering_on``.

    Uses ``meeting.justeringar`` (prefetch it when listing meetings).
    """
    if meeting.status != Meeting.Status.JUSTERAT:
        return None
    approvals = [j.approved_at for j in meeting.justeringar.all()]
    if approvals:
        return timezone.localdate(max(approvals))
    return meeting.justering_on


def justering_is_late(meeting: Meeting) -> bool:
    return is_late_justering(meeting.date, justerat_on(meeting))


def notice_is_late(meeting: Meeting) -> bool:
    return is_late_notice(justerat_on(meeting), meeting.notice_posted_on)


# --- Immutability ----------------------------------------------------------------------------


def check_paragraph_editable(paragraph: Paragraph) -> None:
    """Raise if ``paragraph`` is justerad: neither it nor its parts may change any more.

    Asks the database, not only the object in hand, so a stale copy cannot slip through.
    """
    if paragraph.pk is None:
        return
    if (
        paragraph.status == Paragraph.Status.JUSTERAD
        or Paragraph.objects.filter(pk=paragraph.pk, status=Paragraph.Status.JUSTERAD).exists()
    ):
        raise ServiceError(FINAL_MESSAGE, code="justerad")


def lock_paragraph(paragraph: Paragraph) -> Paragraph:
    """The paragraph row, locked (``SELECT … FOR UPDATE``) for the rest of the transaction.

    ``of=("self",)``: only the paragraph row; PostgreSQL refuses FOR UPDATE across the nullable
    join to the case. Fetched fresh, so the caller checks the stored state, not a stale copy.
    """
    return (
        Paragraph.objects.select_for_update(of=("self",))
        .select_related("meeting__body", "body", "case")
        .get(pk=paragraph.pk)
    )


def paragraph_id_of(part: models.Model) -> int | None:
    """The paragraph a part of a protocol belongs to (None for a document's proposal)."""
    match part:
        case Paragraph():
            return part.pk
        case (
            DecisionPoint()
            | Proposal()
            | BasisDocument()
            | Recipient()
            | Yrkande()
            | Proposition()
            | Reservation()
            | ProtocolNote()
            | Jav()
        ):
            return part.paragraph_id
        case ProposalPoint():
            return (
                Proposal.objects.filter(pk=part.proposal_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case YrkandeMember():
            return (
                Yrkande.objects.filter(pk=part.yrkande_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case PropositionAlternative() | Vote():
            return (
                Proposition.objects.filter(pk=part.proposition_id)
                .values_list("paragraph_id", flat=True)
                .first()
            )
        case Ballot():
            return (
                Vote.objects.filter(pk=part.vote_id)
                .values_list("proposition__paragraph_id", flat=True)
                .first()
            )
    raise TypeError(f"{type(part).__name__} är inte en del av en paragraf.")


def part_is_final(part: models.Model) -> bool:
    """Does ``part`` belong to a justerad paragraph (stored or about to be)?"""
    paragraph_id = paragraph_id_of(part)
    return (
        paragraph_id is not None
        and Paragraph.objects.filter(pk=paragraph_id, status=Paragraph.Status.JUSTERAD).exists()
    )


def check_part_editable(part: models.Model) -> None:
    """Raise if ``part`` (a DecisionPoint, Yrkande, Ballot, …) belongs to a justerad paragraph.

    A Recipient's ``sent_on`` is the one exception; it is written by ``mark_sent``.
    """
    if part_is_final(part):
        raise ServiceError(FINAL_MESSAGE, code="justerad")


# --- Justering -------------------------------------------------------------------------------


def _role_of(meeting: Meeting, person: Person) -> str | None:
    if meeting.chair_id == person.pk:
        return Justering.Role.CHAIR
    if meeting.adjusters.filter(pk=person.pk).exists():
        return Justering.Role.ADJUSTER
    return None


def check_justera(*, meeting: Meeting, person: Person, at: datetime.datetime) -> str:
    """Raise ``ServiceError`` unless ``person`` may approve ``meeting``'s protocol at ``at``.

    Returns the role they approve in (ordförande or justerare). Reads only.
    """
    day = timezone.localdate(at) if timezone.is_aware(at) else at.date()
    if meeting.status == Meeting.Status.JUSTERAT:
        raise ServiceError("Protokollet är redan justerat.", code="justerat")
    if meeting.status == Meeting.Status.PLANNED:
        raise ServiceError(
            "Sammanträdet är inte genomfört ännu; protokollet kan justeras först efter "
            "sammanträdet.",
            code="not_held",
        )
    if not meeting.chair_id:
        raise ServiceError(
            "Sammanträdet saknar ordförande; ange ordförande innan protokollet justeras.",
            code="no_chair",
        )
    if not meeting.adjusters.exists():
        raise ServiceError(
            "Sammanträdet saknar justerare; ange vem som utsetts att justera.",
            code="no_adjusters",
        )
    if day < meeting.date:
        raise ServiceError(
            {
                "at": f"Protokollet kan inte justeras före sammanträdet ({meeting.date:%Y-%m-%d}).",
            },
            code="before_meeting",
        )
    role = _role_of(meeting, person)
    if role is None:
        raise ServiceError(
            {"person": f"{person} är varken ordförande eller justerare vid sammanträdet."},
            code="not_adjuster",
        )
    if meeting.justeringar.filter(person=person).exists():
        raise ServiceError({"person": f"{person} har redan justerat protokollet."}, code="twice")
    return role


def missing_approvals(meeting: Meeting) -> list[Person]:
    """The ordförande and justerare who have not approved yet, chair first."""
    approved = set(meeting.justeringar.values_list("person_id", flat=True))
    people = ([meeting.chair] if meeting.chair_id else []) + list(
        meeting.adjusters.order_by("meetingadjuster__position")
    )
    return [p for p in people if p.pk not in approved]


def _lock(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def approve_protocol(*, meeting: Meeting, person: Person, at: datetime.datetime) -> Justering:
    """Record ``person``'s approval of the protocol; the last one makes it justerat.

    Locks the meeting row (``SELECT … FOR UPDATE``) while it checks and writes, so two
    approvals at once cannot both miss that they complete the justering.
    """
    locked = _lock(meeting)
    role = check_justera(meeting=locked, person=person, at=at)
    approval = Justering.objects.create(meeting=locked, person=person, role=role, approved_at=at)
    if not missing_approvals(locked):
        justera(meeting=locked, at=at)
    meeting.refresh_from_db()
    return approval


@transaction.atomic
def justera(*, meeting: Meeting, at: datetime.datetime) -> list[int]:
    """Make the protocol justerat: the meeting and every ojusterad paragraph become final.

    Called by ``approve_protocol`` when the last approval is in. Locks the meeting row.
    Sets ``justering_on`` to the day of ``at`` unless a date was already entered, and asks
    for the certified extracts after commit. Returns the ids of the paragraphs it justerade.
    """
    locked = _lock(meeting)
    if locked.status == Meeting.Status.JUSTERAT:
        raise ServiceError("Protokollet är redan justerat.", code="justerat")
    missing = missing_approvals(locked)
    if missing or not locked.chair_id:
        names = ", ".join(str(p) for p in missing) or "ordförande"
        raise ServiceError(f"Protokollet kan inte justeras än; {names} har inte justerat.")
    paragraphs = list(Paragraph.objects.filter(meeting=locked, status=Paragraph.Status.OJUSTERAD))
    for paragraph in paragraphs:
        paragraph.status, paragraph.justerad_at = Paragraph.Status.JUSTERAD, at
    # With history, so that each paragraph's change to justerad is recorded like any other.
    bulk_update_with_history(paragraphs, Paragraph, ["status", "justerad_at"])
    ids = [paragraph.pk for paragraph in paragraphs]
    locked.status = Meeting.Status.JUSTERAT
    fields = ["status"]
    if locked.justering_on is None:
        locked.justering_on = timezone.localdate(at) if timezone.is_aware(at) else at.date()
        fields.append("justering_on")
    locked.save(update_fields=fields)
    _schedule(ids)
    return ids


def check_justera_immediately(*, paragraph: Paragraph, at: datetime.datetime) -> None:
    day = timezone.localdate(at) if timezone.is_aware(at) else at.date()
    if paragraph.status == Paragraph.Status.JUSTERAD:
        raise ServiceError("Paragrafen är redan justerad.", code="justerad")
    if day != paragraph.meeting.date:
        raise ServiceError(
            {
                "at": "Omedelbar justering sker vid sammanträdet "
                f"({paragraph.meeting.date:%Y-%m-%d}), inte {day:%Y-%m-%d}."
            },
            code="not_at_meeting",
        )


@transaction.atomic
def justera_immediately(*, paragraph: Paragraph, at: datetime.datetime) -> Paragraph:
    """Omedelbar justering (KL 5 kap. 70 §) of one paragraph, at the meeting.

    Locks the meeting row, then the paragraph row.
    """
    _lock(paragraph.meeting)
    locked = Paragraph.objects.select_for_update().select_related("meeting").get(pk=paragraph.pk)
    check_justera_immediately(paragraph=locked, at=at)
    locked.immediately_justerad = True
    locked.status = Paragraph.Status.JUSTERAD
    locked.justerad_at = at
    locked.save(update_fields=["immediately_justerad", "status", "justerad_at"])
    _schedule([locked.pk])
    paragraph.refresh_from_db()
    return locked


def _schedule(ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        transaction.on_commit(lambda: extracts.schedule_extracts(ids))


# --- Corrections -----------------------------------------------------------------------------


def check_correct(*, paragraph: Paragraph, made_on: datetime.date, reason: str, text: str) -> None:
    if paragraph.status != Paragraph.Status.JUSTERAD:
        raise ServiceError(
            "Paragrafen är inte justerad; ändra den direkt i stället för att göra en rättelse.",
            code="ojusterad",
        )
    errors = {}
    if not reason.strip():
        errors["reason"] = "Ange skälet till rättelsen."
    if not text.strip():
        errors["text"] = "Ange vad som rättas."
    if paragraph.justerad_at and made_on < timezone.localdate(paragraph.justerad_at):
        errors["made_on"] = "En rättelse kan inte vara daterad före justeringen."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def correct(
    *,
    paragraph: Paragraph,
    made_on: datetime.date,
    reason: str,
    text: str,
    user: AbstractBaseUser | None,
) -> Correction:
    """Record a rättelse of a justerad paragraph, shown beside the original. Locks the paragraph."""
    locked = Paragraph.objects.select_for_update().get(pk=paragraph.pk)
    check_correct(paragraph=locked, made_on=made_on, reason=reason, text=text)
    return Correction.objects.create(
        paragraph=locked,
        made_on=made_on,
        reason=reason.strip(),
        text=text.strip(),
        made_by=user if user is not None and user.is_authenticated else None,
    )


# --- Anslag ----------------------------------------------------------------------------------


def check_post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> None:
    if meeting.status != Meeting.Status.JUSTERAT:
        raise ServiceError(
            "Protokollet är inte justerat; anslaget sätts upp först efter justeringen.",
            code="ojusterat",
        )
    errors = {}
    justerad = justerat_on(meeting)
    if justerad and posted_on < justerad:
        errors["posted_on"] = (
            f"Anslaget kan inte sättas upp före justeringen ({justerad:%Y-%m-%d})."
        )
    if not kept_at.strip():
        errors["kept_at"] = "Ange var protokollet förvaras."
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def post_notice(*, meeting: Meeting, posted_on: datetime.date, kept_at: str) -> Meeting:
    """Post the notice that the protocol is justerat (KL 8 kap. 12 §). Locks the meeting row.

    The notice is taken down after the last day to appeal (``law.last_appeal_day``). Posting
    more than two days after justering is flagged (``notice_is_late``), not refused.
    """
    locked = _lock(meeting)
    check_post_notice(meeting=locked, posted_on=posted_on, kept_at=kept_at)
    locked.notice_posted_on = posted_on
    locked.notice_removed_on = law.last_appeal_day(posted_on)
    locked.protocol_kept_at = kept_at.strip()
    locked.save(update_fields=["notice_posted_on", "notice_removed_on", "protocol_kept_at"])
    meeting.refresh_from_db()
    return locked


# --- Expediering -----------------------------------------------------------------------------


def check_mark_sent(*, recipient: Recipient, sent_on: datetime.date) -> None:
    paragraph = recipient.paragraph
    if paragraph.status != Paragraph.Status.JUSTERAD and not paragraph.immediately_justerad:
        raise ServiceError(
            "Beslutet expedieras först när paragrafen är justerad.", code="ojusterad"
        )
    if paragraph.justerad_at and sent_on < timezone.localdate(paragraph.justerad_at):
        raise ServiceError(
            {"sent_on": "Beslutet kan inte ha skickats före justeringen."}, code="before"
        )


@transaction.atomic
def mark_sent(*, recipient: Recipient, sent_on: datetime.date) -> Recipient:
    """Record that the decision was sent to ``recipient`` (expediering). Locks the recipient.

    The one write allowed on a justerad paragraph's parts. An ojusterad paragraph's decision
    is not sent; an omedelbart justerad one is justerad, so it may be.
    """
    locked = Recipient.objects.select_for_update().select_related("paragraph").get(pk=recipient.pk)
    check_mark_sent(recipient=locked, sent_on=sent_on)
    locked.sent_on = sent_on
    locked.save(update_fields=["sent_on"])
    recipient.sent_on = sent_on
    return locked
