"""The paragraph editor's content section: its context, htmx actions and their forms.

Rubrik and ärende, the decision's points, the quoted earlier decision, proposals to later
bodies, beslutsunderlag, recipients, jäv, protokollsanteckningar and — in kommunfullmäktige —
the motion's outcome. Each part is a small form posted to its own action. With htmx the action
answers with the re-rendered section and, out of band, the preview of the paragraph; without
JavaScript a success redirects back to the editor page at the part's anchor and a refusal
renders the whole page with the input and the message beside the field.

Every action first asks ``editor_views.editable_paragraph`` (404, or 403 without
``decisions.edit_paragraph``); the services refuse a justerad paragraph and anything posted that
belongs elsewhere.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Prefetch
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from common.errors import ServiceError
from common.views import login_required_first
from motions.models import Case, Document, Motion
from organisation.models import Body, Person

from . import selectors, services
from .forms_editor_content import (
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
from .models import (
    BasisDocument,
    DecisionPoint,
    Jav,
    Paragraph,
    Proposal,
    ProposalPoint,
    ProtocolNote,
    Recipient,
    participation,
)
from .protocol_views import _apply

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


def _people(paragraph: Paragraph) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
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

    serving, present = _people(paragraph)
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


# --- Responses -------------------------------------------------------------------------------


def editor_url(paragraph: Paragraph, anchor: str = "") -> str:
    url = reverse(
        "decisions:edit_paragraph",
        kwargs={"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number},
    )
    return f"{url}#{anchor}" if anchor else url


def _fresh(request: HttpRequest, paragraph: Paragraph) -> Paragraph:
    from .editor_views import editable_paragraph

    return editable_paragraph(request, paragraph.body.slug, paragraph.year, paragraph.number)


def _render(
    request: HttpRequest, paragraph: Paragraph, *, bound=None, notice: str = "", error: str = ""
) -> HttpResponse:
    """The section (htmx, with the preview out of band) or the whole editor page."""
    from . import editor_debate
    from .access import may_see_secret
    from .editor_views import preview_context

    paragraph = _fresh(request, paragraph)
    section = section_context(request, paragraph, bound=bound, notice=notice, error=error)
    if request.htmx:
        return render(
            request,
            "decisions/editor/content/_response.html",
            {"section": section, **preview_context(paragraph)},
        )
    context = {
        **preview_context(paragraph),
        "may_see_secret": may_see_secret(request.user, paragraph.body),
        "content": section,
        "debate": editor_debate.section_context(request, paragraph),
    }
    return render(request, "decisions/editor/paragraph.html", context)


@dataclass
class Result:
    """What an action did: saved (``message``) or refused / prefilled (``bound`` forms)."""

    anchor: str
    message: str = ""
    bound: dict[str, Form] = field(default_factory=dict)
    error: str = ""
    notice: str = ""

    @property
    def saved(self) -> bool:
        return not (self.bound or self.error or self.notice)


def _action(
    request: HttpRequest,
    body: str,
    year: int,
    number: int,
    handle: Callable[[Paragraph], Result],
) -> HttpResponse:
    from .editor_views import editable_paragraph

    paragraph = editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return redirect(editor_url(paragraph, "innehall-sektion"))
    result = handle(paragraph)
    if result.saved:
        if request.htmx:
            return _render(request, paragraph, notice=result.message)
        messages.success(request, result.message)
        return redirect(editor_url(paragraph, result.anchor))
    return _render(request, paragraph, bound=result.bound, notice=result.notice, error=result.error)


def _try(
    form: Form | None, key: str, anchor: str, message: str, write: Callable[[], object]
) -> Result:
    """Run a service write; its refusal goes onto ``form`` (or the section when no form)."""
    try:
        write()
    except ServiceError as exc:
        if form is None or not hasattr(exc, "error_dict"):
            # Not about a field (justerad, another paragraph's part): said once, at the top,
            # and the input stays in its form.
            return Result(anchor, error=" ".join(exc.messages), bound={key: form} if form else {})
        _apply(form, exc)
        return Result(anchor, bound={key: form})
    return Result(anchor, message=message)


def _where(paragraph: Paragraph) -> str:
    return f"§ {paragraph.number}"


# --- Actions ---------------------------------------------------------------------------------

ARENDE = "innehall-arende"
BESLUT = "innehall-beslut"
CITERAR = "innehall-citerar"
FORSLAG = "innehall-forslag"
UNDERLAG = "innehall-underlag"
MOTTAGARE = "innehall-mottagare"
JAV = "innehall-jav"
ANTECKNINGAR = "innehall-anteckningar"
MOTION = "innehall-motion"

FETCH = "hamta"


@login_required_first
def save_arende(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    """Save rubrik and ärende, or ('Hämta från tjänsteskrivelsen') fill in the ärende text from
    the case's tjänsteskrivelse without saving it."""

    def handle(paragraph: Paragraph) -> Result:
        form = arende_form(paragraph, request.POST)
        if request.POST.get("atgard") == FETCH:
            report = services.officer_report(paragraph.case)
            data = request.POST.copy()
            if report is None:
                return Result(ARENDE, error="Ärendet har ingen tjänsteskrivelse med text.")
            data["arende_text"] = services.arende_from_text(report.text)
            form = arende_form(paragraph, data)
            return Result(
                ARENDE,
                bound={"arende": form},
                notice="Ärendet är hämtat från tjänsteskrivelsen. Ändra texten och spara.",
            )
        if not form.is_valid():
            return Result(ARENDE, bound={"arende": form})
        return _try(
            form,
            "arende",
            ARENDE,
            "Rubrik och ärende är sparade.",
            lambda: services.update_arende(paragraph=paragraph, **form.cleaned_data),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_decision_point(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = new_point_form(request.POST)
        if not form.is_valid():
            return Result(BESLUT, bound={"beslut-ny": form})
        return _try(
            form,
            "beslut-ny",
            BESLUT,
            "Beslutspunkten är tillagd.",
            lambda: services.add_decision_point(
                paragraph=paragraph, text=form.cleaned_data["text"]
            ),
        )

    return _action(request, body, year, number, handle)


def _part(model, pk: int):
    part = model.objects.filter(pk=pk).first()
    if part is None:
        raise Http404("Delen finns inte.")
    return part


@login_required_first
def edit_decision_point(
    request: HttpRequest, body: str, year: int, number: int, pk: int
) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        point = _part(DecisionPoint, pk)
        form = point_form(point, request.POST)
        key = f"beslut-{point.pk}"
        if not form.is_valid():
            return Result(BESLUT, bound={key: form})
        return _try(
            form,
            key,
            BESLUT,
            "Beslutspunkten är ändrad.",
            lambda: services.update_point(
                paragraph=paragraph, point=point, text=form.cleaned_data["text"]
            ),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def save_quotes(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = quotes_form(paragraph, None, request.POST)
        if not form.is_valid():
            return Result(CITERAR, bound={"citerar": form})
        quotes = form.cleaned_data["quotes"]
        message = (
            f"{_where(paragraph)} citerar {services.paragraph_ref(quotes)}."
            if quotes
            else f"{_where(paragraph)} citerar inget tidigare beslut."
        )
        return _try(
            form,
            "citerar",
            CITERAR,
            message,
            lambda: services.set_quotes(paragraph=paragraph, quotes=quotes),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_proposal(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = proposal_form(paragraph, request.POST)
        if not form.is_valid():
            return Result(FORSLAG, bound={"forslag-ny": form})
        to_body = form.cleaned_data["to_body"]
        return _try(
            form,
            "forslag-ny",
            FORSLAG,
            f"Förslag till {to_body.genitive_in_sentence} beslut är tillagt.",
            lambda: services.add_proposal(paragraph=paragraph, to_body=to_body),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def copy_proposal(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    """'Hämta förslag': copy a tjänsteskrivelse's or the quoted paragraph's proposal."""

    def handle(paragraph: Paragraph) -> Result:
        try:
            source = Proposal.objects.select_related("to_body").get(
                pk=int(request.POST.get("kalla", ""))
            )
        except (ValueError, Proposal.DoesNotExist):
            return Result(FORSLAG, error="Välj ett förslag att hämta.")
        return _try(
            None,
            "",
            FORSLAG,
            f"Förslaget till {source.to_body.genitive_in_sentence} beslut är hämtat; "
            "ändra punkterna vid behov.",
            lambda: services.copy_proposal(paragraph=paragraph, source=source),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_proposal_point(
    request: HttpRequest, body: str, year: int, number: int, pk: int
) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        proposal = _part(Proposal, pk)
        form = proposal_point_add_form(proposal, request.POST)
        key = f"forslag-{proposal.pk}-ny"
        if not form.is_valid():
            return Result(FORSLAG, bound={key: form})
        return _try(
            form,
            key,
            FORSLAG,
            "Förslagspunkten är tillagd.",
            lambda: services.add_proposal_point(
                paragraph=paragraph, proposal=proposal, text=form.cleaned_data["text"]
            ),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def edit_proposal_point(
    request: HttpRequest, body: str, year: int, number: int, pk: int
) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        point = _part(ProposalPoint, pk)
        proposal = Proposal.objects.select_related("to_body").get(pk=point.proposal_id)
        form = proposal_point_form(point, proposal, request.POST)
        key = f"forslagspunkt-{point.pk}"
        if not form.is_valid():
            return Result(FORSLAG, bound={key: form})
        return _try(
            form,
            key,
            FORSLAG,
            "Förslagspunkten är ändrad.",
            lambda: services.update_point(
                paragraph=paragraph, point=point, text=form.cleaned_data["text"]
            ),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_basis(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = basis_form(paragraph, request.POST)
        if not form.is_valid():
            return Result(UNDERLAG, bound={"underlag-ny": form})
        return _try(
            form,
            "underlag-ny",
            UNDERLAG,
            "Handlingen är tillagd i beslutsunderlaget.",
            lambda: services.add_basis(paragraph=paragraph, **form.cleaned_data),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def edit_basis(request: HttpRequest, body: str, year: int, number: int, pk: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        item = _part(BasisDocument, pk)
        form = basis_label_form(item, request.POST)
        key = f"underlag-{item.pk}"
        if not form.is_valid():
            return Result(UNDERLAG, bound={key: form})
        return _try(
            form,
            key,
            UNDERLAG,
            "Beslutsunderlaget är ändrat.",
            lambda: services.update_basis(
                paragraph=paragraph, item=item, label=form.cleaned_data["label"]
            ),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_recipient(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = recipient_form(request.POST)
        if not form.is_valid():
            return Result(MOTTAGARE, bound={"mottagare-ny": form})
        return _try(
            form,
            "mottagare-ny",
            MOTTAGARE,
            "Mottagaren är tillagd.",
            lambda: services.add_recipient(paragraph=paragraph, **form.cleaned_data),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_jav(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        serving, _ = _people(paragraph)
        form = jav_form(serving, request.POST)
        if not form.is_valid():
            return Result(JAV, bound={"jav-ny": form})
        return _try(
            form,
            "jav-ny",
            JAV,
            "Jävet är registrerat.",
            lambda: services.add_jav(paragraph=paragraph, **form.cleaned_data),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def add_note(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        _, present = _people(paragraph)
        form = note_form(present, request.POST)
        if not form.is_valid():
            return Result(ANTECKNINGAR, bound={"anteckning-ny": form})
        return _try(
            form,
            "anteckning-ny",
            ANTECKNINGAR,
            "Protokollsanteckningen är tillagd.",
            lambda: services.add_note(paragraph=paragraph, **form.cleaned_data),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def save_motion_outcome(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    def handle(paragraph: Paragraph) -> Result:
        form = motion_form(None, request.POST)
        if not form.is_valid():
            return Result(MOTION, bound={"motion": form})
        outcome = form.cleaned_data["outcome"]
        message = (
            f"Motionen är avgjord: {Motion.Outcome(outcome).label.lower()}."
            if outcome
            else "Motionen står som ej avgjord."
        )
        return _try(
            form,
            "motion",
            MOTION,
            message,
            lambda: services.decide_motion(paragraph=paragraph, outcome=outcome),
        )

    return _action(request, body, year, number, handle)


# Parts removed or moved by the generic actions: URL word → (model, anchor).
PARTS = {
    "beslut": (DecisionPoint, BESLUT),
    "forslag": (Proposal, FORSLAG),
    "forslagspunkt": (ProposalPoint, FORSLAG),
    "underlag": (BasisDocument, UNDERLAG),
    "mottagare": (Recipient, MOTTAGARE),
    "jav": (Jav, JAV),
    "anteckning": (ProtocolNote, ANTECKNINGAR),
}


DELETED = {
    DecisionPoint: "Beslutspunkten är borttagen.",
    Proposal: "Förslaget är borttaget.",
    ProposalPoint: "Förslagspunkten är borttagen.",
    BasisDocument: "Handlingen är borttagen ur beslutsunderlaget.",
    Recipient: "Mottagaren är borttagen.",
    Jav: "Jävet är borttaget.",
    ProtocolNote: "Protokollsanteckningen är borttagen.",
}


def _kind(kind: str):
    if kind not in PARTS:
        raise Http404("Okänd del av paragrafen.")
    return PARTS[kind]


@login_required_first
def delete_part(
    request: HttpRequest, body: str, year: int, number: int, kind: str, pk: int
) -> HttpResponse:
    model, anchor = _kind(kind)

    def handle(paragraph: Paragraph) -> Result:
        part = _part(model, pk)
        return _try(
            None,
            "",
            anchor,
            DELETED[model],
            lambda: services.delete_part(paragraph=paragraph, part=part),
        )

    return _action(request, body, year, number, handle)


@login_required_first
def move_part(
    request: HttpRequest, body: str, year: int, number: int, kind: str, pk: int
) -> HttpResponse:
    model, anchor = _kind(kind)
    if model not in services.ORDERED:
        raise Http404("Den delen har ingen ordning.")

    def handle(paragraph: Paragraph) -> Result:
        part = _part(model, pk)
        return _try(
            None,
            "",
            anchor,
            "Ordningen är ändrad.",
            lambda: services.move_part(
                paragraph=paragraph,
                part=part,
                direction={"upp": "up", "ned": "down"}.get(request.POST.get("riktning", ""), ""),
            ),
        )

    return _action(request, body, year, number, handle)
