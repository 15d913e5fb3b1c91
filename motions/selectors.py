"""Reads about cases and motions: the register, and the path a motion has taken."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from decisions.models import Paragraph, Proposal
from organisation.models import Body

from .models import Case, Motion, Motionar, Referral


def motions_for_register() -> QuerySet[Motion]:
    """Public motions with what the register shows, in a fixed number of queries."""
    return (
        Motion.objects.public()
        .select_related("case__registry", "raised_at__body", "decided_by__body")
        .prefetch_related(
            Prefetch("signers", queryset=Motionar.objects.select_related("person", "party")),
            Prefetch(
                "case__referrals",
                queryset=Referral.objects.select_related("from_body", "to_body"),
            ),
            Prefetch("case__paragraphs", queryset=_case_paragraphs()),
        )
        .order_by("-dated_on", "-pk")
    )


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
            Prefetch("paragraphs", queryset=_case_paragraphs()),
        )
        .get(slug=slug)
    )


def motion_of(case: Case) -> Motion | None:
    if case.kind != Case.Kind.MOTION:
        return None
    return (
        Motion.objects.select_related(
            "raised_at__body", "decided_by__meeting__body", "decided_by__body"
        )
        .prefetch_related(
            Prefetch("signers", queryset=Motionar.objects.select_related("person", "party")),
            "att_satser",
        )
        .filter(case=case)
        .first()
    )


def _case_paragraphs() -> QuerySet[Paragraph]:
    return (
        Paragraph.objects.select_related("meeting__body", "body")
        .prefetch_related(
            "decision_points",
            Prefetch("proposals", queryset=Proposal.objects.select_related("to_body")),
            "proposals__points",
        )
        .order_by("meeting__date", "number")
    )


def today() -> datetime.date:
    return timezone.localdate()


@dataclass(frozen=True)
class MotionRow:
    motion: Motion
    state: "MotionState"


def motion_rows(motions: QuerySet[Motion]) -> list[MotionRow]:
    """Each motion with its derived state, from the relations ``motions_for_register`` fetched."""
    return [
        MotionRow(
            motion=m,
            state=motion_state(m, list(m.case.referrals.all()), list(m.case.paragraphs.all())),
        )
        for m in motions
    ]


@dataclass(frozen=True)
class Step:
    """One step on a case's path, oldest first."""

    date: datetime.date | None
    body: Body | None
    label: str
    url: str = ""
    detail: str = ""
    pending: bool = False


@dataclass(frozen=True)
class MotionState:
    """Where a motion stands, derived from its referrals and paragraphs — never typed."""

    label: str
    holder: Body | None
    since: datetime.date | None
    next_step: str


def motion_state(
    motion: Motion, referrals: list[Referral], paragraphs: list[Paragraph]
) -> MotionState:
    """Derive the status of a motion from the decisions themselves.

    Decided by KF → its outcome. Otherwise the latest paragraph proposing a decision to KF
    means it awaits KF; otherwise an unanswered referral tells who holds it and since when.
    """
    if motion.decided_by_id:
        return MotionState(
            label=motion.get_outcome_display(),
            holder=None,
            since=motion.decided_by.meeting.date,
            next_step="",
        )
    visible = [p for p in paragraphs if not p.is_secret]
    for paragraph in reversed(visible):
        to_council = [
            pr for pr in paragraph.proposals.all() if pr.to_body.kind == Body.Kind.COUNCIL
        ]
        if to_council:
            council = to_council[0].to_body
            return MotionState(
                label=f"Föreslagen av {paragraph.body.name_in_sentence}, väntar på beslut",
                holder=council,
                since=paragraph.meeting.date,
                next_step=f"Beslut i {council.name_in_sentence}",
            )
    open_referrals = [
        r for r in referrals if r.answered_by_paragraph_id is None and not r.answered_by_document_id
    ]
    if open_referrals:
        latest = open_referrals[-1]
        return MotionState(
            label=f"Remitterad till {latest.to_body.name_in_sentence}",
            holder=latest.to_body,
            since=latest.sent_on,
            next_step=f"{latest.get_purpose_display()} i {latest.to_body.name_in_sentence}",
        )
    if motion.raised_at_id:
        return MotionState(
            label="Väckt",
            holder=motion.raised_at.body,
            since=motion.raised_at.date,
            next_step="Remiss för beredning",
        )
    return MotionState(
        label="Inkommen", holder=None, since=motion.dated_on, next_step="Väcks i kommunfullmäktige"
    )


def case_path(case: Case, motion: Motion | None) -> list[Step]:
    """Every step of a case across bodies, oldest first, ending with what is pending."""
    steps: list[Step] = [
        Step(date=case.registered_on, body=None, label=f"Registrerat som {case.dnr}")
    ]
    if motion and motion.raised_at_id:
        meeting = motion.raised_at
        steps.append(
            Step(
                date=meeting.date,
                body=meeting.body,
                label=f"Motionen väcks i {meeting.body.name_in_sentence}",
                url=meeting.get_absolute_url(),
            )
        )
    dated: list[tuple[datetime.date, int, Step]] = []
    for referral in case.referrals.all():
        due = f", svar senast {referral.due_on:%Y-%m-%d}" if referral.due_on else ""
        dated.append(
            (
                referral.sent_on,
                0,
                Step(
                    date=referral.sent_on,
                    body=referral.to_body,
                    label=(
                        f"Remitterad från {referral.from_body.name_in_sentence} till "
                        f"{referral.to_body.name_in_sentence} "
                        f"{referral.get_purpose_display().lower()}"
                    ),
                    detail=due.lstrip(", ").capitalize() if due else "",
                ),
            )
        )
    for paragraph in case.paragraphs.all():
        if paragraph.is_secret:
            continue
        points = [p.text for p in paragraph.decision_points.all()]
        dated.append(
            (
                paragraph.meeting.date,
                1,
                Step(
                    date=paragraph.meeting.date,
                    body=paragraph.body,
                    label=(
                        f"{paragraph.body.name} {paragraph.meeting.date:%Y-%m-%d} "
                        f"§ {paragraph.number}"
                    ),
                    url=paragraph.get_absolute_url(),
                    detail=" ".join(points),
                ),
            )
        )
    steps.extend(step for _, _, step in sorted(dated, key=lambda item: (item[0], item[1])))
    if motion and not motion.decided_by_id:
        state = motion_state(motion, list(case.referrals.all()), list(case.paragraphs.all()))
        if state.next_step:
            steps.append(Step(date=None, body=state.holder, label=state.next_step, pending=True))
    return steps
