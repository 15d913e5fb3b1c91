"""The paragraph editor's debate section: yrkanden, beslutsordning, votering, reservationer and
the minority's återremiss or bordläggning in fullmäktige.

``section_context`` gives the section on the editor page; each action below posts one small
form. With htmx the action answers with the section and, out of band, the preview of the
paragraph as the protocol will print it; without JavaScript it redirects back to the editor
page (or re-renders it with the form's errors). The rules are in ``decisions.services``.
"""

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from common.errors import ServiceError
from common.views import login_required_first
from organisation.models import Body

from . import editor_content, editor_views, prose, selectors, services
from .access import may_see_secret
from .forms_editor_debate import (
    NONE,
    OWN,
    Choice,
    MinorityForm,
    PropositionForm,
    ReservationForm,
    VoteForm,
    YrkandeForm,
    yrkande_initial,
)
from .models import Paragraph, Proposal, Proposition, Reservation, Yrkande, participation
from .protocol import link_yrkanden, vote_of
from .protocol_views import _apply

SECTION_ID = "debatt-sektion"
PREVIEW_ID = 'id="forhandsvisning-innehall"'


# --- The section -----------------------------------------------------------------------------


def _target_bodies(paragraph: Paragraph) -> list[Choice]:
    """Bodies whose förslag till beslut a yrkande may be about: those that proposed a decision
    on the case in another paragraph (SON's proposal to KS in KS § 59), the quoted one, and any
    a yrkande already names."""
    ids: set[int] = set()
    if paragraph.case_id:
        ids |= set(
            Proposal.objects.filter(paragraph__case_id=paragraph.case_id)
            .exclude(paragraph=paragraph)
            .values_list("paragraph__body_id", flat=True)
        )
    if paragraph.quotes_id:
        ids.add(paragraph.quotes.body_id)
    ids.discard(paragraph.body_id)
    ids |= {y.target_body_id for y in paragraph.yrkanden.all() if y.target_body_id}
    return [Choice(b.pk, b.name) for b in Body.objects.filter(pk__in=ids).by_rank()]


def _people(
    paragraph: Paragraph, roll: participation.Roll, parties: dict[int, str]
) -> list[Choice]:
    attendance = paragraph.meeting.attendance.exclude(person=None).select_related("person")
    people = {a.person_id: a.person for a in attendance}
    return [Choice(pk, prose.named(people[pk], parties)) for pk in roll.order]


def section_context(
    request: HttpRequest,
    paragraph: Paragraph,
    *,
    bound: dict[str, Form] | None = None,
    error: str | None = None,
    notice: str | None = None,
) -> dict:
    """Everything the debate section shows; ``bound`` holds a posted form that failed, by key
    ("yrkande-ny", "yrkande-<id>", "minoritet-<id>", "proposition", "votering-<id>",
    "reservation"), so that it is shown with the clerk's input and its errors."""
    bound = bound or {}
    meeting = paragraph.meeting
    body = meeting.body
    parties = selectors.parties_in(body.pk, meeting.date)
    by_id = link_yrkanden(paragraph)
    roll = participation.roll_of(paragraph)
    people = _people(paragraph, roll, parties)
    names = {c.pk: c.label for c in people}
    bodies = _target_bodies(paragraph)
    choices = [Choice(y.pk, f"{y.position}. {prose.reference(y, parties)}") for y in by_id.values()]
    editable = paragraph.status == Paragraph.Status.OJUSTERAD
    is_council = body.kind == Body.Kind.COUNCIL
    present = len(roll.deciding)
    common = {"paragraph": paragraph, "people": people, "bodies": bodies, "yrkanden": choices}

    yrkanden = []
    for yrkande in by_id.values():
        key = f"yrkande-{yrkande.pk}"
        form = bound.get(key) or YrkandeForm(
            yrkande=yrkande, initial=yrkande_initial(yrkande), **common
        )
        minority = None
        if is_council and yrkande.kind in services.FORMAL_KINDS:
            minority = bound.get(f"minoritet-{yrkande.pk}") or MinorityForm(
                yrkande_id=yrkande.pk, initial={"asking": yrkande.requested_by_count}
            )
        yrkanden.append(
            {
                "obj": yrkande,
                "sentences": prose.yrkande_sentences(yrkande, parties),
                "form": form,
                "open": key in bound,
                "minority_form": minority,
                "minority_open": f"minoritet-{yrkande.pk}" in bound,
                "minority_sentence": (
                    prose.minority_sentence(yrkande, present)
                    if yrkande.requested_by_count is not None
                    else ""
                ),
            }
        )

    propositions = []
    for proposition in paragraph.propositions.all():
        alternatives = [by_id[row.yrkande_id] for row in proposition.alternative_rows.all()]
        vote = vote_of(proposition)
        key = f"votering-{proposition.pk}"
        alt_choices = [c for c in choices if c.pk in {y.pk for y in alternatives}]
        alt_choices.sort(key=lambda c: [y.pk for y in alternatives].index(c.pk))
        if key in bound:
            vote_form = bound[key]
        else:
            initial = {
                "yes_for": vote.yes_for_id if vote else alternatives[0].pk,
                "no_for": vote.no_for_id if vote else alternatives[-1].pk,
            }
            if vote:
                initial |= {f"ballot-{b.person_id}": b.answer for b in vote.ballots.all()}
            vote_form = VoteForm(
                paragraph=paragraph,
                proposition_id=proposition.pk,
                alternatives=alt_choices,
                people=people,
                initial=initial,
            )
        sentences = [prose.proposition_sentence(proposition, alternatives, body, parties)]
        if vote:
            sentences += prose.vote_sentences(vote, body, meeting.chair_id, parties)
        propositions.append(
            {
                "obj": proposition,
                "sentences": sentences,
                "vote": vote,
                "ballots": [
                    (names.get(b.person_id, b.person.full_name), b.get_answer_display())
                    for b in vote.ballots.all()
                ]
                if vote
                else [],
                "vote_form": vote_form,
                "vote_open": key in bound,
            }
        )

    participants = participation.roll_of(paragraph).participants
    reservation_people = [c for c in people if c.pk in participants]
    return {
        "paragraph": paragraph,
        "editable": editable,
        "is_council": is_council,
        "present": present,
        "error": error,
        "notice": notice,
        "people": people,
        "chair": names.get(meeting.chair_id),
        "yrkanden": yrkanden,
        "new_yrkande_form": bound.get("yrkande-ny") or YrkandeForm(**common),
        "new_yrkande_open": "yrkande-ny" in bound or not yrkanden,
        "propositions": propositions,
        "proposition_form": bound.get("proposition")
        or PropositionForm(paragraph=paragraph, yrkanden=choices),
        "reservations": [
            {"obj": r, "sentences": prose.reservation_sentences([r], parties)}
            for r in paragraph.reservations.all()
        ],
        "reservation_form": bound.get("reservation")
        or ReservationForm(paragraph=paragraph, people=reservation_people, yrkanden=choices),
        "urls": _urls(paragraph),
    }


def _urls(paragraph: Paragraph) -> dict[str, str]:
    kwargs = {"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number}
    names = ["add_yrkande", "add_proposition", "add_reservation"]
    urls = {name: reverse(f"decisions:debate_{name}", kwargs=kwargs) for name in names}
    urls["base"] = reverse("decisions:edit_paragraph", kwargs=kwargs)
    return urls


# --- Answers ---------------------------------------------------------------------------------


def _fresh(paragraph: Paragraph) -> Paragraph:
    return selectors.paragraphs_with_parts().get(pk=paragraph.pk)


def _preview(paragraph: Paragraph) -> str:
    """The preview, swapped out of band into the editor page's ``#forhandsvisning-innehall``."""
    return render_to_string(
        "decisions/editor/_preview.html", {**editor_views.preview_context(paragraph), "oob": True}
    )


def _section(request: HttpRequest, paragraph: Paragraph, **kwargs) -> HttpResponse:
    paragraph = _fresh(paragraph)
    section = render_to_string(
        "decisions/editor/_debate.html",
        {"section": section_context(request, paragraph, **kwargs)},
        request=request,
    )
    return HttpResponse(section + _preview(paragraph))


def _done(request: HttpRequest, paragraph: Paragraph, text: str) -> HttpResponse:
    if request.htmx:
        return _section(request, paragraph, notice=text)
    messages.success(request, text)
    return redirect(reverse_editor(paragraph) + f"#{SECTION_ID}")


def _failed(
    request: HttpRequest,
    paragraph: Paragraph,
    *,
    bound: dict[str, Form] | None = None,
    error: str | None = None,
) -> HttpResponse:
    """The section again with the failing form and its messages (200, so htmx swaps it);
    without htmx the whole editor page, with status 400."""
    if request.htmx:
        return _section(request, paragraph, bound=bound, error=error)
    paragraph = _fresh(paragraph)
    context = {
        **editor_views.preview_context(paragraph),
        "may_see_secret": may_see_secret(request.user, paragraph.body),
        "content": editor_content.section_context(request, paragraph),
        "debate": section_context(request, paragraph, bound=bound, error=error),
    }
    return render(request, "decisions/editor/paragraph.html", context, status=400)


def reverse_editor(paragraph: Paragraph) -> str:
    return reverse(
        "decisions:edit_paragraph",
        kwargs={"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number},
    )


def _message(exc: ServiceError) -> str:
    return " ".join(exc.messages)


def _not_post(request: HttpRequest, paragraph: Paragraph) -> HttpResponse:
    """A GET of an action: the section (htmx) or the editor page."""
    if request.htmx:
        return _section(request, paragraph)
    return redirect(reverse_editor(paragraph) + f"#{SECTION_ID}")


def _common(paragraph: Paragraph) -> dict:
    """What the forms need to validate and show their choices (see ``section_context``)."""
    parties = selectors.parties_in(paragraph.body_id, paragraph.meeting.date)
    by_id = link_yrkanden(paragraph)
    roll = participation.roll_of(paragraph)
    return {
        "paragraph": paragraph,
        "people": _people(paragraph, roll, parties),
        "bodies": _target_bodies(paragraph),
        "yrkanden": [
            Choice(y.pk, f"{y.position}. {prose.reference(y, parties)}") for y in by_id.values()
        ],
    }


# --- Yrkanden --------------------------------------------------------------------------------

MOVER_FIELDS = {"movers": "mover"}


@login_required_first
def add_yrkande(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    form = YrkandeForm(request.POST, **_common(paragraph))
    if form.is_valid():
        try:
            services.save_yrkande(paragraph=paragraph, **form.service_kwargs())
        except ServiceError as exc:
            _apply(form, exc, MOVER_FIELDS)
        else:
            return _done(request, paragraph, "Yrkandet är tillagt.")
    return _failed(request, paragraph, bound={"yrkande-ny": form})


def _yrkande(yrkande: int) -> Yrkande:
    # Any paragraph's yrkande: the service refuses one of another paragraph and says so.
    return get_object_or_404(Yrkande, pk=yrkande)


@login_required_first
def edit_yrkande(
    request: HttpRequest, body: str, year: int, number: int, yrkande: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = _yrkande(yrkande)
    form = YrkandeForm(request.POST, yrkande=obj, **_common(paragraph))
    if form.is_valid():
        try:
            services.save_yrkande(paragraph=paragraph, yrkande=obj, **form.service_kwargs())
        except ServiceError as exc:
            _apply(form, exc, MOVER_FIELDS)
        else:
            return _done(request, paragraph, f"Yrkande {obj.position} är ändrat.")
    if obj.paragraph_id != paragraph.pk:
        return _failed(request, paragraph, error=_first_error(form))
    return _failed(request, paragraph, bound={f"yrkande-{obj.pk}": form})


def _first_error(form: Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@login_required_first
def move_yrkande(
    request: HttpRequest, body: str, year: int, number: int, yrkande: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = _yrkande(yrkande)
    up = request.POST.get("direction") != "ner"
    try:
        services.move_yrkande(paragraph=paragraph, yrkande=obj, direction="up" if up else "down")
    except ServiceError as exc:
        return _failed(request, paragraph, error=_message(exc))
    return _done(request, paragraph, "Ordningen är ändrad.")


@login_required_first
def delete_yrkande(
    request: HttpRequest, body: str, year: int, number: int, yrkande: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = _yrkande(yrkande)
    try:
        services.delete_yrkande(paragraph=paragraph, yrkande=obj)
    except ServiceError as exc:
        return _failed(request, paragraph, error=_message(exc))
    return _done(request, paragraph, "Yrkandet är borttaget.")


@login_required_first
def minority(request: HttpRequest, body: str, year: int, number: int, yrkande: int) -> HttpResponse:
    """Carry (or, with ``undo``, take back) a minority's återremiss or bordläggning."""
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = _yrkande(yrkande)
    if "undo" in request.POST:
        try:
            services.undo_minority_request(paragraph=paragraph, yrkande=obj)
        except ServiceError as exc:
            return _failed(request, paragraph, error=_message(exc))
        return _done(request, paragraph, "Minoritetens begäran är borttagen.")
    form = MinorityForm(request.POST, yrkande_id=obj.pk)
    if form.is_valid():
        try:
            services.carry_minority_request(
                paragraph=paragraph, yrkande=obj, asking=form.cleaned_data["asking"]
            )
        except ServiceError as exc:
            _apply(form, exc)
        else:
            return _done(request, paragraph, "Yrkandet är bifallet på minoritetens begäran.")
    if obj.paragraph_id != paragraph.pk or paragraph.body.kind != Body.Kind.COUNCIL:
        # No form of this kind on the page to show the message beside.
        return _failed(request, paragraph, error=_first_error(form))
    return _failed(request, paragraph, bound={f"minoritet-{obj.pk}": form})


# --- Beslutsordning and votering -------------------------------------------------------------


@login_required_first
def add_proposition(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    common = _common(paragraph)
    form = PropositionForm(request.POST, paragraph=paragraph, yrkanden=common["yrkanden"])
    if form.is_valid():
        try:
            services.add_proposition(
                paragraph=paragraph,
                alternatives=form.alternatives(),
                finding=form.cleaned_data["finding"],
            )
        except ServiceError as exc:
            _apply(form, exc, {"alternatives": "against"})
        else:
            return _done(request, paragraph, "Propositionen är tillagd.")
    return _failed(request, paragraph, bound={"proposition": form})


def _proposition(proposition: int) -> Proposition:
    return get_object_or_404(Proposition, pk=proposition)


@login_required_first
def delete_proposition(
    request: HttpRequest, body: str, year: int, number: int, proposition: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    try:
        services.delete_proposition(paragraph=paragraph, proposition=_proposition(proposition))
    except ServiceError as exc:
        return _failed(request, paragraph, error=_message(exc))
    return _done(request, paragraph, "Propositionen är borttagen.")


@login_required_first
def vote(request: HttpRequest, body: str, year: int, number: int, proposition: int) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = _proposition(proposition)
    common = _common(paragraph)
    alternatives = list(obj.alternative_rows.values_list("yrkande_id", flat=True))
    form = VoteForm(
        request.POST,
        paragraph=paragraph,
        proposition_id=obj.pk,
        alternatives=[c for c in common["yrkanden"] if c.pk in alternatives],
        people=common["people"],
    )
    if form.is_valid():
        try:
            services.record_vote(
                paragraph=paragraph,
                proposition=obj,
                yes_for=form.cleaned_data["yes_for"],
                no_for=form.cleaned_data["no_for"],
                answers=form.answers(),
            )
        except ServiceError as exc:
            _apply(form, exc, {"ballots": None})
        else:
            return _done(request, paragraph, "Voteringen är registrerad.")
    if obj.paragraph_id != paragraph.pk:
        return _failed(request, paragraph, error=_first_error(form))
    return _failed(request, paragraph, bound={f"votering-{obj.pk}": form})


@login_required_first
def delete_vote(
    request: HttpRequest, body: str, year: int, number: int, proposition: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    try:
        services.delete_vote(paragraph=paragraph, proposition=_proposition(proposition))
    except ServiceError as exc:
        return _failed(request, paragraph, error=_message(exc))
    return _done(request, paragraph, "Voteringen är borttagen.")


# --- Reservationer ---------------------------------------------------------------------------


@login_required_first
def add_reservation(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    common = _common(paragraph)
    participants = participation.roll_of(paragraph).participants
    form = ReservationForm(
        request.POST,
        paragraph=paragraph,
        people=[c for c in common["people"] if c.pk in participants],
        yrkanden=common["yrkanden"],
    )
    if form.is_valid():
        person = form.cleaned_data["person"]
        favour = form.cleaned_data["in_favour_of"]
        if favour == OWN:
            favour = services.own_yrkande(paragraph, person)
        try:
            services.add_reservation(
                paragraph=paragraph,
                person=person,
                in_favour_of=favour if favour != NONE else None,
                motivation=form.cleaned_data["motivation"],
            )
        except ServiceError as exc:
            _apply(form, exc)
        else:
            return _done(request, paragraph, f"{person.full_name} reserverar sig.")
    return _failed(request, paragraph, bound={"reservation": form})


@login_required_first
def delete_reservation(
    request: HttpRequest, body: str, year: int, number: int, reservation: int
) -> HttpResponse:
    paragraph = editor_views.editable_paragraph(request, body, year, number)
    if request.method != "POST":
        return _not_post(request, paragraph)
    obj = get_object_or_404(Reservation, pk=reservation)
    try:
        services.delete_reservation(paragraph=paragraph, reservation=obj)
    except ServiceError as exc:
        return _failed(request, paragraph, error=_message(exc))
    return _done(request, paragraph, "Reservationen är borttagen.")
