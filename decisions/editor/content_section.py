"""The paragraph editor's content section: what it shows, and its forms, built the same way for
the page and for a posted action (``content_actions``).

Rubrik and ärende, the decision's points, the quoted earlier decision, proposals to later
bodies, beslutsunderlag, recipients, jäv, protokollsanteckningar and — in kommunfullmäktige —
the motion's outcome.
"""

from collections.abc import Callable

from django.db.models import Prefetch
from django.forms import Form
from django.http import HttpRequest

from decisions import selectors, services
from decisions.models import (
    BasisDocument,
    DecisionPoint,
    Paragraph,
    Proposal,
    ProposalPoint,
    Recipient,
    participation,
)
from motions.models import Case, Document, Motion
from organisation.models import Body, Person

from .content_forms import (
    ArendeForm,
    BasisForm,
    BasisLabelForm,
    JavForm,
    MotionOutcomeForm,
    NoteForm,
    PointForm,
    ProposalForm,
    QuotesForm,
    RecipientForm,
)

# --- Forms, built the same way for the page and for a posted action ---------------------------


def _auto_id(key: str) -> str:
    return f"innehall-{key}-%s"


def arende_form(paragraph: Paragraph, data=None) -> ArendeForm:
    initial = {"title": paragraph.title, "arende_text": paragraph.arende_text}
    return ArendeForm(data, initial=initial, auto_id=_auto_id("arende"))


def new_point_form(data=None) -> PointForm:
    return PointForm(data, label="Ny beslutspunkt", auto_id=_auto_id("beslut-ny"))


def point_form(point: DecisionPoint, data=None) -> PointForm:
    return PointForm(
        data,
        initial={"text": point.text},
        label=f"Punkt {point.position}",
        auto_id=_auto_id(f"beslut-{point.pk}"),
    )


def quotes_form(paragraph: Paragraph, suggestion: Paragraph | None, data=None) -> QuotesForm:
    initial = {"quotes": paragraph.quotes_id or (suggestion.pk if suggestion else None)}
    return QuotesForm(
        data,
        initial=initial,
        queryset=services.quotable(paragraph),
        auto_id=_auto_id("citerar"),
    )


def proposal_form(paragraph: Paragraph, data=None) -> ProposalForm:
    proposed = [p.to_body_id for p in paragraph.proposals.all()]
    return ProposalForm(
        data,
        queryset=services.later_bodies(paragraph).exclude(pk__in=proposed),
        auto_id=_auto_id("forslag-ny"),
    )


def proposal_point_add_form(proposal: Proposal, data=None) -> PointForm:
    return PointForm(
        data,
        label=f"Ny punkt i förslaget till {proposal.to_body.genitive_in_sentence} beslut",
        auto_id=_auto_id(f"forslag-{proposal.pk}-ny"),
    )


def proposal_point_form(point: ProposalPoint, proposal: Proposal, data=None) -> PointForm:
    return PointForm(
        data,
        initial={"text": point.text},
        label=f"Punkt {point.position} i förslaget till {proposal.to_body.genitive_in_sentence} "
        "beslut",
        auto_id=_auto_id(f"forslagspunkt-{point.pk}"),
    )


def basis_form(paragraph: Paragraph, data=None) -> BasisForm:
    documents = (
        Document.objects.filter(case_id=paragraph.case_id).order_by("date", "pk")
        if paragraph.case_id
        else Document.objects.none()
    )
    return BasisForm(data, queryset=documents, auto_id=_auto_id("underlag-ny"))


def basis_label_form(item: BasisDocument, data=None) -> BasisLabelForm:
    return BasisLabelForm(
        data,
        initial={"label": item.label},
        label=f"Rad {item.position} anförs som",
        auto_id=_auto_id(f"underlag-{item.pk}"),
    )


def recipient_form(data=None) -> RecipientForm:
    return RecipientForm(data, queryset=Body.objects.by_rank(), auto_id=_auto_id("mottagare-ny"))


def people_of(paragraph: Paragraph) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(serving in the paragraph, present at the meeting) as (id, 'Name (Party)') choices."""
    meeting = paragraph.meeting
    attendance = [
        row
        for row in meeting.attendance.select_related("person").order_by("kind", "pk")
        if row.person_id
    ]
    parties = selectors.parties_in(meeting.body_id, meeting.date)
    serving = participation.serving_ids(attendance, paragraph.number)

    def label(person: Person) -> str:
        party = parties.get(person.pk)
        return f"{person.full_name} ({party})" if party else person.full_name

    seen: set[int] = set()
    present = []
    for row in attendance:
        if row.person_id not in seen:
            seen.add(row.person_id)
            present.append((row.person_id, label(row.person)))
    return [c for c in present if c[0] in serving], present


def jav_form(serving: list[tuple[int, str]], data=None) -> JavForm:
    return JavForm(data, choices=serving, auto_id=_auto_id("jav-ny"))


def note_form(present: list[tuple[int, str]], data=None) -> NoteForm:
    return NoteForm(data, choices=present, auto_id=_auto_id("anteckning-ny"))


def motion_form(motion: Motion | None, data=None) -> MotionOutcomeForm:
    initial = {"outcome": motion.outcome if motion else ""}
    return MotionOutcomeForm(data, initial=initial, auto_id=_auto_id("motion"))


# --- The section -----------------------------------------------------------------------------


def decided_motion(paragraph: Paragraph) -> Motion | None:
    """The motion whose outcome KF's paragraph may set, or None for any other paragraph."""
    case = paragraph.case
    if paragraph.body.kind != Body.Kind.COUNCIL or case is None or case.kind != Case.Kind.MOTION:
        return None
    return (
        Motion.objects.filter(case=case)
        .select_related("decided_by__meeting", "decided_by__body")
        .first()
    )


def section_context(
    request: HttpRequest,
    paragraph: Paragraph,
    *,
    bound: dict[str, Form] | None = None,
    notice: str = "",
    error: str = "",
) -> dict:
    """Everything ``_content.html`` shows; ``bound`` replaces the named forms (input kept).

    ``paragraph`` comes from ``selectors.paragraphs_with_parts()``. A fixed number of queries
    however many points, proposals and lines the paragraph has.
    """
    bound = bound or {}
    case = paragraph.case
    proposals_qs = Proposal.objects.select_related("to_body").prefetch_related("points")
    documents = (
        list(
            case.documents.select_related("unit").prefetch_related(
                Prefetch("proposals", queryset=proposals_qs)
            )
        )
        if case
        else []
    )
    candidates = list(
        services.quotable(paragraph).prefetch_related(Prefetch("proposals", queryset=proposals_qs))
    )
    suggestion = services.suggested_quote(paragraph, candidates)

    # Quick-fill texts for the decision: each proposal to this body on the case.
    endorsements: list[str] = []
    for proposal in [p for d in documents for p in d.proposals.all()] + [
        p for c in candidates for p in c.proposals.all()
    ]:
        if proposal.to_body_id != paragraph.body_id:
            continue
        if proposal.paragraph_id:
            proposal.paragraph = next(c for c in candidates if c.pk == proposal.paragraph_id)
        else:
            proposal.document = next(d for d in documents if d.pk == proposal.document_id)
        text = services.endorsement(proposal)
        if text and text not in endorsements:
            endorsements.append(text)

    own_proposals = list(paragraph.proposals.all())
    proposed = {p.to_body_id for p in own_proposals}
    sources = [s for s in services.proposal_sources(paragraph) if s.to_body_id not in proposed]
    for source in sources:
        source.source_label = (
            f"{source.paragraph.body.name} {source.paragraph.meeting.date:%Y-%m-%d} "
            f"§ {source.paragraph.number}"
            if source.paragraph_id
            else f"tjänsteskrivelsen {source.document.date:%Y-%m-%d}"
            if source.document.kind == Document.Kind.OFFICER_REPORT
            else f"handlingen ”{source.document.title}” {source.document.date:%Y-%m-%d}"
        )

    serving, present = people_of(paragraph)
    motion = decided_motion(paragraph)
    officer_report = next(
        (
            d
            for d in sorted(documents, key=lambda d: (d.date, d.pk), reverse=True)
            if d.kind == Document.Kind.OFFICER_REPORT and d.text
        ),
        None,
    )

    def form(key: str, build: Callable[[], Form]) -> Form:
        return bound.get(key) or build()

    points = [
        {"point": p, "form": form(f"beslut-{p.pk}", lambda p=p: point_form(p))}
        for p in paragraph.decision_points.all()
    ]
    proposals = [
        {
            "proposal": proposal,
            "add_form": form(
                f"forslag-{proposal.pk}-ny", lambda pr=proposal: proposal_point_add_form(pr)
            ),
            "points": [
                {
                    "point": point,
                    "form": form(
                        f"forslagspunkt-{point.pk}",
                        lambda pt=point, pr=proposal: proposal_point_form(pt, pr),
                    ),
                }
                for point in proposal.points.all()
            ],
        }
        for proposal in own_proposals
    ]
    basis = [
        {"item": item, "form": form(f"underlag-{item.pk}", lambda i=item: basis_label_form(i))}
        for item in paragraph.basis.all()
    ]
    recipients = list(paragraph.recipients.all())
    recipient_suggestions = _recipient_suggestions(
        paragraph, own_proposals, candidates, recipients, case
    )
    return {
        "paragraph": paragraph,
        "notice": notice,
        "error": error,
        "arende_form": form("arende", lambda: arende_form(paragraph)),
        "officer_report": officer_report,
        "points": points,
        "new_point_form": form("beslut-ny", new_point_form),
        "endorsements": endorsements,
        "quotes_form": form("citerar", lambda: quotes_form(paragraph, suggestion)),
        "quote_suggestion": suggestion if paragraph.quotes_id is None else None,
        "has_candidates": bool(candidates),
        "proposals": proposals,
        "proposal_form": form("forslag-ny", lambda: proposal_form(paragraph)),
        "sources": sources,
        "basis": basis,
        "basis_form": form("underlag-ny", lambda: basis_form(paragraph)),
        "recipients": recipients,
        "recipient_form": form("mottagare-ny", recipient_form),
        "recipient_suggestions": recipient_suggestions,
        "jav": list(paragraph.jav.all()),
        "jav_form": form("jav-ny", lambda: jav_form(serving)),
        "notes": list(paragraph.notes.all()),
        "note_form": form("anteckning-ny", lambda: note_form(present)),
        "motion": motion,
        "motion_form": form("motion", lambda: motion_form(motion)) if motion else None,
    }


def _recipient_suggestions(
    paragraph: Paragraph,
    proposals: list[Proposal],
    candidates: list[Paragraph],
    recipients: list[Recipient],
    case: Case | None,
) -> list[dict]:
    """Lines 'Beslutet skickas till' usually holds: the bodies proposed to, the motionärer,
    the bodies that decided earlier in the case."""
    taken = {r.name for r in recipients}
    suggestions: list[dict] = []

    def add(name: str, body: Body | None) -> None:
        if name not in taken and all(s["name"] != name for s in suggestions):
            suggestions.append({"name": name, "body": body})

    for proposal in proposals:
        add(proposal.to_body.name, proposal.to_body)
    if case is not None and case.kind == Case.Kind.MOTION:
        signers = Motion.objects.filter(case=case).values_list("signers", flat=True)
        signers = [s for s in signers if s is not None]
        add("Motionärerna" if len(signers) > 1 else "Motionären", None)
    for candidate in candidates:
        add(candidate.body.name, candidate.body)
    return suggestions
