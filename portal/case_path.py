"""A motion's state in words and a case's whole path across bodies: what the register, the
case page, and the person and party pages show."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from decisions.access import is_draft, may_see_draft
from decisions.cases import case_paragraphs, with_state
from decisions.protocol import ParagraphText, paragraph_text
from decisions.selectors import parties_by_meeting
from motions.models import Case, Document, Motion, Motionar, Referral, Stage
from organisation.models import Body


def motions_for_register() -> QuerySet[Motion]:
    """Public motions with what the register shows, in a fixed number of queries."""
    return (
        with_state(Motion.objects.public())
        .select_related("case", "raised_at")
        .prefetch_related(
            Prefetch("signers", queryset=Motionar.objects.select_related("person", "party")),
        )
        .order_by("-dated_on", "-pk")
    )


def motion_of(case: Case) -> Motion | None:
    if case.kind != Case.Kind.MOTION:
        return None
    return (
        with_state(Motion.objects.all())
        .select_related("raised_at__body", "decided_by__meeting__body", "decided_by__body")
        .prefetch_related(
            Prefetch("signers", queryset=Motionar.objects.select_related("person", "party")),
            "att_satser",
        )
        .filter(case=case)
        .first()
    )


@dataclass(frozen=True)
class MotionRow:
    motion: Motion
    state: "MotionState"


def motion_rows(motions: Iterable[Motion]) -> list[MotionRow]:
    """Each motion (annotated by ``with_state()``) with the words for its state."""
    bodies = bodies_by_id()
    return [MotionRow(motion=m, state=motion_state(m, bodies)) for m in motions]


@dataclass(frozen=True)
class Step:
    """One step on a case's path, oldest first."""

    kind: str  # registered, raised, referral, document, paragraph, pending
    date: datetime.date | None
    body: Body | None
    label: str
    url: str = ""
    details: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (label, url) shown after the details
    text: ParagraphText | None = None


@dataclass(frozen=True)
class MotionState:
    """Where a motion stands, read from the annotations of ``decisions.cases.with_state``."""

    stage: str
    label: str
    holder: Body | None
    since: datetime.date | None
    next_step: str


def motion_state(motion: Motion, bodies: dict[int, Body]) -> MotionState:
    """Words for the derived state of a motion annotated by ``with_state()``."""
    holder = bodies.get(motion.holder_id) if motion.holder_id else None
    where = holder.name_in_sentence if holder else ""
    stage = motion.stage
    if stage == Stage.DECIDED:
        label, next_step = motion.get_outcome_display(), ""
    elif stage == Stage.PROPOSED:
        label, next_step = f"Väntar på beslut i {where}", f"Beslut i {where}"
    elif stage == Stage.OPINION_GIVEN:
        label, next_step = f"Yttrande lämnat, bereds i {where}", f"Förslag till beslut från {where}"
    elif stage == Stage.REFERRED:
        label, next_step = f"Remitterad till {where}", f"Yttrande från {where}"
    elif stage == Stage.RAISED:
        label, next_step = "Väckt i kommunfullmäktige", "Remiss för beredning"
    else:
        label, next_step = "Inkommen", "Väcks i kommunfullmäktige"
    return MotionState(
        stage=stage, label=label, holder=holder, since=motion.since, next_step=next_step
    )


def bodies_by_id() -> dict[int, Body]:
    return {body.pk: body for body in Body.objects.all()}


def case_path(case: Case, motion: Motion | None, user: Any = None) -> list[Step]:
    """Every step of a case across bodies, oldest first, ending with what is pending.

    Registration, the KF meeting where a motion was väckt, referrals (sent, due, answered),
    the officials' documents, and each public paragraph with its decision, proposals,
    yrkanden, beslutsordning and reservations. A draft (a paragraph of a meeting not yet held)
    shows its title and meeting only, unless ``user`` may read that body's drafts.
    """
    steps: list[Step] = [
        Step("registered", case.registered_on, None, f"Registrerat som {case.dnr}")
    ]
    if motion and motion.raised_at_id:
        meeting = motion.raised_at
        steps.append(
            Step(
                "raised",
                meeting.date,
                meeting.body,
                f"Motionen väcks i {meeting.body.name_in_sentence}",
                url=meeting.get_absolute_url(),
            )
        )
    dated: list[tuple[datetime.date, int, Step]] = []
    for referral in case.referrals.all():
        dated.append((referral.sent_on, 0, _referral_step(referral)))
    for document in case.documents.all():
        if document.kind in (Document.Kind.MOTION, Document.Kind.EXTRACT):
            continue  # the motion is the registration; an extract repeats its paragraph
        unit = f", {document.unit.name}" if document.unit_id else ""
        label = f"{document.get_kind_display()}: {document.title}"
        dated.append((document.date, 1, Step("document", document.date, None, label + unit)))
    paragraphs = list(case_paragraphs(case.pk))
    parties = parties_by_meeting(p.meeting for p in paragraphs)
    drafts_of: dict[int, bool] = {}  # body id → may the user read its drafts (asked once)
    for paragraph in paragraphs:
        day = paragraph.meeting.date
        label = f"{paragraph.body.name} {day:%Y-%m-%d} § {paragraph.number}"
        if is_draft(paragraph):
            if paragraph.body_id not in drafts_of:
                drafts_of[paragraph.body_id] = user is not None and may_see_draft(
                    user, paragraph.body
                )
            if not drafts_of[paragraph.body_id]:
                step = Step(
                    "paragraph",
                    day,
                    paragraph.body,
                    f"{label} {paragraph.title}",
                    url=paragraph.get_absolute_url(),
                    details=(
                        f"På föredragningslistan till sammanträdet {day:%Y-%m-%d}; "
                        "paragrafen publiceras när sammanträdet har hållits.",
                    ),
                )
                dated.append((day, 2, step))
                continue
        step = Step(
            "paragraph",
            day,
            paragraph.body,
            label,
            url=paragraph.get_absolute_url(),
            text=paragraph_text(paragraph, parties[paragraph.meeting_id]),
        )
        dated.append((day, 2, step))
    steps.extend(step for _, _, step in sorted(dated, key=lambda item: (item[0], item[1])))
    if motion and not motion.decided_by_id:
        state = motion_state(motion, bodies_by_id())
        if state.next_step:
            steps.append(Step("pending", None, state.holder, state.next_step))
    return steps


def _referral_step(referral: Referral) -> Step:
    details, links = [], []
    if referral.due_on:
        details.append(f"Svar senast {referral.due_on:%Y-%m-%d}")
    answer = referral.answered_by_paragraph
    if answer:
        label = (
            f"Besvarad {answer.meeting.date:%Y-%m-%d} genom {answer.body.name_in_sentence} "
            f"§ {answer.number}"
        )
        links.append((label, answer.get_absolute_url()))
    elif referral.answered_by_document_id:
        document = referral.answered_by_document
        details.append(f"Besvarad {document.date:%Y-%m-%d} genom {document.title}")
    else:
        details.append("Inte besvarad")
    return Step(
        "referral",
        referral.sent_on,
        referral.to_body,
        f"Remitterad från {referral.from_body.name_in_sentence} till "
        f"{referral.to_body.name_in_sentence} {referral.get_purpose_display().lower()}",
        details=tuple(details),
        links=tuple(links),
    )


PATH_STAGES = (Stage.RAISED, Stage.REFERRED, Stage.OPINION_GIVEN, Stage.PROPOSED, Stage.DECIDED)


@dataclass(frozen=True)
class ProgressStep:
    label: str
    done: bool
    current: bool


def progress(stage: str) -> list[ProgressStep]:
    """The motion's path as a progress bar: the steps before its stage are done."""
    reached = PATH_STAGES.index(stage) if stage in PATH_STAGES else -1
    return [
        ProgressStep(Stage(value).label, done=i < reached, current=i == reached)
        for i, value in enumerate(PATH_STAGES)
    ]


def deadline_days(motion: Motion, day: datetime.date) -> int | None:
    """Days left to the one-year deadline (negative when overdue); None if decided or not väckt."""
    if motion.decided_by_id or motion.deadline is None:
        return None
    return (motion.deadline - day).days
