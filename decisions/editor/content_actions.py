"""The paragraph editor's content section: its actions, each posting one small form.

Every action first asks ``paragraph.editable_paragraph`` (404, or 403 without
``decisions.edit_paragraph``) and answers through ``page.section_answer``; the services refuse a
justerad paragraph and anything posted that belongs elsewhere.
"""

from collections.abc import Callable
from dataclasses import replace

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse

from common import ordering
from common.errors import ServiceError
from common.views import FormAnswer, apply_refusal, bad_move, moves_up
from decisions import services
from decisions.models import (
    BasisDocument,
    DecisionPoint,
    Jav,
    Paragraph,
    Proposal,
    ProposalPoint,
    ProtocolNote,
    Recipient,
)
from motions.models import Motion

from .content_section import (
    arende_form,
    basis_form,
    basis_label_form,
    jav_form,
    motion_form,
    new_point_form,
    note_form,
    people_of,
    point_form,
    proposal_form,
    proposal_point_add_form,
    proposal_point_form,
    quotes_form,
    recipient_form,
)
from .page import editor_action
from .paragraph import editor_url

# The anchors of the section's parts on the page, where a saved post without JavaScript lands.
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


def _save(
    answer: FormAnswer,
    form: Form | None,
    key: str,
    write: Callable[[], object],
    message: str | Callable[[], str],
) -> HttpResponse:
    """Check ``form``, run the service ``write`` and answer; a refusal keeps the input in the
    form (``key`` names it in the section) with the message beside its field."""
    bound = {key: form} if form is not None else {}
    if form is not None and not form.is_valid():
        return answer.refused(bound=bound)
    try:
        write()
    except ServiceError as exc:
        if form is None or not hasattr(exc, "error_dict"):
            # Not about a field (justerad, another paragraph's part): said once, at the top,
            # and the input stays in its form.
            return answer.refused(error=" ".join(exc.messages), bound=bound)
        apply_refusal(form, exc)
        return answer.refused(bound=bound)
    return answer.saved(message() if callable(message) else message)


def _part(model, pk: int):
    # Any paragraph's part: the service refuses one of another paragraph and says so.
    part = model.objects.filter(pk=pk).first()
    if part is None:
        raise Http404("Delen finns inte.")
    return part


@editor_action("content", ARENDE)
def save_arende(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    """Save rubrik and ärende, or ('Hämta från tjänsteskrivelsen') fill in the ärende text from
    the case's tjänsteskrivelse without saving it."""
    if request.POST.get("atgard") == FETCH:
        report = services.officer_report(paragraph.case)
        if report is None:
            return answer.refused(error="Ärendet har ingen tjänsteskrivelse med text.")
        data = request.POST.copy()
        data["arende_text"] = services.arende_from_text(report.text)
        return answer.shown(
            bound={"arende": arende_form(paragraph, data)},
            notice="Ärendet är hämtat från tjänsteskrivelsen. Ändra texten och spara.",
        )
    form = arende_form(paragraph, request.POST)
    return _save(
        answer,
        form,
        "arende",
        lambda: services.update_arende(paragraph=paragraph, **form.cleaned_data),
        "Rubrik och ärende är sparade.",
    )


@editor_action("content", BESLUT)
def add_decision_point(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer
) -> HttpResponse:
    form = new_point_form(request.POST)
    return _save(
        answer,
        form,
        "beslut-ny",
        lambda: services.add_decision_point(paragraph=paragraph, text=form.cleaned_data["text"]),
        "Beslutspunkten är tillagd.",
    )


@editor_action("content", BESLUT)
def edit_decision_point(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, pk: int
) -> HttpResponse:
    point = _part(DecisionPoint, pk)
    form = point_form(point, request.POST)
    return _save(
        answer,
        form,
        f"beslut-{point.pk}",
        lambda: services.update_point(
            paragraph=paragraph, point=point, text=form.cleaned_data["text"]
        ),
        "Beslutspunkten är ändrad.",
    )


@editor_action("content", CITERAR)
def save_quotes(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    form = quotes_form(paragraph, None, request.POST)

    def message() -> str:
        quotes = form.cleaned_data["quotes"]
        if quotes:
            return f"§ {paragraph.number} citerar {services.paragraph_ref(quotes)}."
        return f"§ {paragraph.number} citerar inget tidigare beslut."

    return _save(
        answer,
        form,
        "citerar",
        lambda: services.set_quotes(paragraph=paragraph, quotes=form.cleaned_data["quotes"]),
        message,
    )


@editor_action("content", FORSLAG)
def add_proposal(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    form = proposal_form(paragraph, request.POST)
    return _save(
        answer,
        form,
        "forslag-ny",
        lambda: services.add_proposal(paragraph=paragraph, to_body=form.cleaned_data["to_body"]),
        lambda: (
            f"Förslag till {form.cleaned_data['to_body'].genitive_in_sentence} beslut är tillagt."
        ),
    )


@editor_action("content", FORSLAG)
def copy_proposal(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    """'Hämta förslag': copy a tjänsteskrivelse's or the quoted paragraph's proposal."""
    try:
        source = Proposal.objects.select_related("to_body").get(
            pk=int(request.POST.get("kalla", ""))
        )
    except (ValueError, Proposal.DoesNotExist):
        return answer.refused(error="Välj ett förslag att hämta.")
    return _save(
        answer,
        None,
        "",
        lambda: services.copy_proposal(paragraph=paragraph, source=source),
        f"Förslaget till {source.to_body.genitive_in_sentence} beslut är hämtat; "
        "ändra punkterna vid behov.",
    )


@editor_action("content", FORSLAG)
def add_proposal_point(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, pk: int
) -> HttpResponse:
    proposal = _part(Proposal, pk)
    form = proposal_point_add_form(proposal, request.POST)
    return _save(
        answer,
        form,
        f"forslag-{proposal.pk}-ny",
        lambda: services.add_proposal_point(
            paragraph=paragraph, proposal=proposal, text=form.cleaned_data["text"]
        ),
        "Förslagspunkten är tillagd.",
    )


@editor_action("content", FORSLAG)
def edit_proposal_point(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, pk: int
) -> HttpResponse:
    point = _part(ProposalPoint, pk)
    proposal = Proposal.objects.select_related("to_body").get(pk=point.proposal_id)
    form = proposal_point_form(point, proposal, request.POST)
    return _save(
        answer,
        form,
        f"forslagspunkt-{point.pk}",
        lambda: services.update_point(
            paragraph=paragraph, point=point, text=form.cleaned_data["text"]
        ),
        "Förslagspunkten är ändrad.",
    )


@editor_action("content", UNDERLAG)
def add_basis(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    form = basis_form(paragraph, request.POST)
    return _save(
        answer,
        form,
        "underlag-ny",
        lambda: services.add_basis(paragraph=paragraph, **form.cleaned_data),
        "Handlingen är tillagd i beslutsunderlaget.",
    )


@editor_action("content", UNDERLAG)
def edit_basis(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, pk: int
) -> HttpResponse:
    item = _part(BasisDocument, pk)
    form = basis_label_form(item, request.POST)
    return _save(
        answer,
        form,
        f"underlag-{item.pk}",
        lambda: services.update_basis(
            paragraph=paragraph, item=item, label=form.cleaned_data["label"]
        ),
        "Beslutsunderlaget är ändrat.",
    )


@editor_action("content", MOTTAGARE)
def add_recipient(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    form = recipient_form(request.POST)
    return _save(
        answer,
        form,
        "mottagare-ny",
        lambda: services.add_recipient(paragraph=paragraph, **form.cleaned_data),
        "Mottagaren är tillagd.",
    )


@editor_action("content", JAV)
def add_jav(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    serving, _ = people_of(paragraph)
    form = jav_form(serving, request.POST)
    return _save(
        answer,
        form,
        "jav-ny",
        lambda: services.add_jav(paragraph=paragraph, **form.cleaned_data),
        "Jävet är registrerat.",
    )


@editor_action("content", ANTECKNINGAR)
def add_note(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    _, present = people_of(paragraph)
    form = note_form(present, request.POST)
    return _save(
        answer,
        form,
        "anteckning-ny",
        lambda: services.add_note(paragraph=paragraph, **form.cleaned_data),
        "Protokollsanteckningen är tillagd.",
    )


@editor_action("content", MOTION)
def save_motion_outcome(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer
) -> HttpResponse:
    form = motion_form(None, request.POST)

    def message() -> str:
        outcome = form.cleaned_data["outcome"]
        if outcome:
            return f"Motionen är avgjord: {Motion.Outcome(outcome).label.lower()}."
        return "Motionen står som ej avgjord."

    return _save(
        answer,
        form,
        "motion",
        lambda: services.decide_motion(paragraph=paragraph, outcome=form.cleaned_data["outcome"]),
        message,
    )


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


@editor_action("content")
def delete_part(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, kind: str, pk: int
) -> HttpResponse:
    model, anchor = _kind(kind)
    part = _part(model, pk)
    return _save(
        replace(answer, url=editor_url(paragraph, anchor)),
        None,
        "",
        lambda: services.delete_part(paragraph=paragraph, part=part),
        DELETED[model],
    )


@editor_action("content")
def move_part(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, kind: str, pk: int
) -> HttpResponse:
    model, anchor = _kind(kind)
    if model not in services.ORDERED:
        raise Http404("Den delen har ingen ordning.")
    up = moves_up(request)
    if up is None:
        return bad_move()
    part = _part(model, pk)
    direction = ordering.UP if up else ordering.DOWN
    return _save(
        replace(answer, url=editor_url(paragraph, anchor)),
        None,
        "",
        lambda: services.move_part(paragraph=paragraph, part=part, direction=direction),
        "Ordningen är ändrad.",
    )
