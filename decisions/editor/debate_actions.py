"""The paragraph editor's debate section: its actions, each posting one small form.

Every action first asks ``paragraph.editable_paragraph`` (404, or 403 without
``decisions.edit_paragraph``) and answers through ``page.section_answer``. The rules are in
``decisions.services``; a yrkande, proposition or reservation of another paragraph is refused by
the service, and the message is said at the top of the section, where no form shows it.
"""

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from common import ordering
from common.errors import ServiceError
from common.views import FormAnswer, apply_refusal, bad_move, moves_up
from decisions import services
from decisions.models import Paragraph, Proposition, Reservation, Yrkande, participation
from organisation.models import Body

from .debate_forms import (
    NONE,
    OWN,
    MinorityForm,
    PropositionForm,
    ReservationForm,
    VoteForm,
    YrkandeForm,
)
from .debate_section import form_choices
from .page import editor_action

debate_action = editor_action("debate")


def _message(exc: ServiceError) -> str:
    return " ".join(exc.messages)


def _first_error(form: Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _yrkande(yrkande: int) -> Yrkande:
    # Any paragraph's yrkande: the service refuses one of another paragraph and says so.
    return get_object_or_404(Yrkande, pk=yrkande)


def _proposition(proposition: int) -> Proposition:
    return get_object_or_404(Proposition, pk=proposition)


# --- Yrkanden --------------------------------------------------------------------------------

MOVER_FIELDS = {"movers": "mover"}


@debate_action
def add_yrkande(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    form = YrkandeForm(request.POST, **form_choices(paragraph))
    if form.is_valid():
        try:
            services.save_yrkande(paragraph=paragraph, **form.service_kwargs())
        except ServiceError as exc:
            apply_refusal(form, exc, MOVER_FIELDS)
        else:
            return answer.saved("Yrkandet är tillagt.")
    return answer.refused(bound={"yrkande-ny": form})


@debate_action
def edit_yrkande(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, yrkande: int
) -> HttpResponse:
    obj = _yrkande(yrkande)
    form = YrkandeForm(request.POST, yrkande=obj, **form_choices(paragraph))
    if form.is_valid():
        try:
            services.save_yrkande(paragraph=paragraph, yrkande=obj, **form.service_kwargs())
        except ServiceError as exc:
            apply_refusal(form, exc, MOVER_FIELDS)
        else:
            return answer.saved(f"Yrkande {obj.position} är ändrat.")
    if obj.paragraph_id != paragraph.pk:
        return answer.refused(error=_first_error(form))
    return answer.refused(bound={f"yrkande-{obj.pk}": form})


@debate_action
def move_yrkande(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, yrkande: int
) -> HttpResponse:
    up = moves_up(request)
    if up is None:
        return bad_move()
    obj = _yrkande(yrkande)
    try:
        services.move_yrkande(
            paragraph=paragraph, yrkande=obj, direction=ordering.UP if up else ordering.DOWN
        )
    except ServiceError as exc:
        return answer.refused(error=_message(exc))
    return answer.saved("Ordningen är ändrad.")


@debate_action
def delete_yrkande(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, yrkande: int
) -> HttpResponse:
    obj = _yrkande(yrkande)
    try:
        services.delete_yrkande(paragraph=paragraph, yrkande=obj)
    except ServiceError as exc:
        return answer.refused(error=_message(exc))
    return answer.saved("Yrkandet är borttaget.")


@debate_action
def minority(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, yrkande: int
) -> HttpResponse:
    """Carry (or, with ``undo``, take back) a minority's återremiss or bordläggning."""
    obj = _yrkande(yrkande)
    if "undo" in request.POST:
        try:
            services.undo_minority_request(paragraph=paragraph, yrkande=obj)
        except ServiceError as exc:
            return answer.refused(error=_message(exc))
        return answer.saved("Minoritetens begäran är borttagen.")
    form = MinorityForm(request.POST, yrkande_id=obj.pk)
    if form.is_valid():
        try:
            services.carry_minority_request(
                paragraph=paragraph, yrkande=obj, asking=form.cleaned_data["asking"]
            )
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            return answer.saved("Yrkandet är bifallet på minoritetens begäran.")
    if obj.paragraph_id != paragraph.pk or paragraph.body.kind != Body.Kind.COUNCIL:
        # No form of this kind on the page to show the message beside.
        return answer.refused(error=_first_error(form))
    return answer.refused(bound={f"minoritet-{obj.pk}": form})


# --- Beslutsordning and votering -------------------------------------------------------------


@debate_action
def add_proposition(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    choices = form_choices(paragraph)
    form = PropositionForm(request.POST, paragraph=paragraph, yrkanden=choices["yrkanden"])
    if form.is_valid():
        try:
            services.add_proposition(
                paragraph=paragraph,
                alternatives=form.alternatives(),
                finding=form.cleaned_data["finding"],
            )
        except ServiceError as exc:
            apply_refusal(form, exc, {"alternatives": "against"})
        else:
            return answer.saved("Propositionen är tillagd.")
    return answer.refused(bound={"proposition": form})


@debate_action
def delete_proposition(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, proposition: int
) -> HttpResponse:
    try:
        services.delete_proposition(paragraph=paragraph, proposition=_proposition(proposition))
    except ServiceError as exc:
        return answer.refused(error=_message(exc))
    return answer.saved("Propositionen är borttagen.")


@debate_action
def vote(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, proposition: int
) -> HttpResponse:
    obj = _proposition(proposition)
    choices = form_choices(paragraph)
    alternatives = list(obj.alternative_rows.values_list("yrkande_id", flat=True))
    form = VoteForm(
        request.POST,
        paragraph=paragraph,
        proposition_id=obj.pk,
        alternatives=[c for c in choices["yrkanden"] if c.pk in alternatives],
        people=choices["people"],
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
            apply_refusal(form, exc, {"ballots": None})
        else:
            return answer.saved("Voteringen är registrerad.")
    if obj.paragraph_id != paragraph.pk:
        return answer.refused(error=_first_error(form))
    return answer.refused(bound={f"votering-{obj.pk}": form})


@debate_action
def delete_vote(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, proposition: int
) -> HttpResponse:
    try:
        services.delete_vote(paragraph=paragraph, proposition=_proposition(proposition))
    except ServiceError as exc:
        return answer.refused(error=_message(exc))
    return answer.saved("Voteringen är borttagen.")


# --- Reservationer ---------------------------------------------------------------------------


@debate_action
def add_reservation(request: HttpRequest, paragraph: Paragraph, answer: FormAnswer) -> HttpResponse:
    choices = form_choices(paragraph)
    participants = participation.roll_of(paragraph).participants
    form = ReservationForm(
        request.POST,
        paragraph=paragraph,
        people=[c for c in choices["people"] if c.pk in participants],
        yrkanden=choices["yrkanden"],
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
            apply_refusal(form, exc)
        else:
            return answer.saved(f"{person.full_name} reserverar sig.")
    return answer.refused(bound={"reservation": form})


@debate_action
def delete_reservation(
    request: HttpRequest, paragraph: Paragraph, answer: FormAnswer, reservation: int
) -> HttpResponse:
    obj = get_object_or_404(Reservation, pk=reservation)
    try:
        services.delete_reservation(paragraph=paragraph, reservation=obj)
    except ServiceError as exc:
        return answer.refused(error=_message(exc))
    return answer.saved("Reservationen är borttagen.")
