"""The clerk's case pages: registering cases and motions, sending and answering remisser.

Each view checks its permission on the object it acts on (``organisation/rules.py``): the
registry for registering, the sending body for a remiss, the referral for its answer, the
receiving body for its list of incoming referrals. A posted registry or body the user has no
role for is refused with 403 before the form is read, so the other body's clerk is turned away
at every door; one that does not exist is an error beside the field. Anonymous users go to the
login page. The rules are the services' (``motions/services.py``); their ``ServiceError`` is put
back on the form beside its field, with everything the user typed.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms import BaseFormSet, Form
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from common.views import REFUSED, login_required_first, saved_redirect
from decisions import cases
from decisions.services import casework
from motions import selectors, services
from motions.models import Case, Referral, Registry
from organisation.access import case_visibility, may_see_case
from organisation.models import Body
from organisation.selectors import executive_board

from .casework_forms import (
    AnswerForm,
    AttSatsFormSet,
    MotionForm,
    ReferralForm,
    RegisterCaseForm,
    SignerFormSet,
)

NO_REGISTRY = "Du är inte registrator för något diarium och kan inte registrera ärenden."
NO_BODY = "Du är inte nämndsekreterare för något organ och kan inte skicka remisser."

# --- Helpers ---------------------------------------------------------------------------------


def _require(request: HttpRequest, perm: str, obj: models.Model, where: object) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(f"Du har ingen roll som ger rätt att göra detta för {where}.")


def _require_posted(request: HttpRequest, field: str, model: type[models.Model], perm: str) -> None:
    """403 if the form posts a registry or body that exists but the user has no role for.

    One that does not exist is left to the form, which says so beside the field.
    """
    if request.method != "POST":
        return
    value = request.POST.get(field, "")
    if not value.isdigit():
        return
    obj = model.objects.filter(pk=int(value)).first()
    if obj is not None:
        _require(request, perm, obj, obj)


def _apply(form: Form, exc: ValidationError) -> list[ValidationError]:
    """Put a service's refusal on the form beside its field; return what has no field here."""
    rest: list[ValidationError] = []
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return rest
    for name, errors in exc.error_dict.items():
        if name in form.fields or name == "__all__":
            form.add_error(name if name in form.fields else None, errors)
        else:
            rest.extend(errors)
    return rest


def _messages(errors: list[ValidationError]) -> list[str]:
    return [message for error in errors for message in error.messages]


def _quiet(*forms) -> None:
    """Show bound forms and formsets without checking them (no error messages yet)."""
    for form in forms:
        if isinstance(form, BaseFormSet):
            form._errors, form._non_form_errors = [], form.error_class()
            _quiet(*form.forms)
        else:
            form._errors = ErrorDict()


def _status(*forms) -> int:
    return (
        REFUSED
        if any(f.errors if isinstance(f, Form) else f.total_error_count() for f in forms)
        else 200
    )


# --- Registering a case ----------------------------------------------------------------------


@login_required_first
def register_case_form(request: HttpRequest) -> HttpResponse:
    registries = selectors.registries_for(request.user)
    if not registries.exists():
        raise PermissionDenied(NO_REGISTRY)
    _require_posted(request, "registry", Registry, "motions.register_case")
    form = RegisterCaseForm(request.POST or None, registries=registries)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _require(request, "motions.register_case", data["registry"], data["registry"])
        try:
            case = services.register_case(
                registry=data["registry"],
                title=data["title"].strip(),
                kind=data["kind"],
                registered_on=data["registered_on"],
                responsible_body_id=data["responsible_body"].pk
                if data["responsible_body"]
                else None,
                is_secret=data["is_secret"],
            )
        except ValidationError as exc:
            _apply(form, exc)
        else:
            messages.success(request, f"Ärendet har registrerats med diarienummer {case.dnr}.")
            if not may_see_case(request.user, case):
                # The case page would show this user only "Sekretessbelagt ärende".
                return saved_redirect("portal:register_case_form")
            return saved_redirect(case)
    return render(
        request, "portal/casework/register_case.html", {"form": form}, status=_status(form)
    )


# --- Registering a motion --------------------------------------------------------------------


def _with_extra_row(data, prefix: str):
    """The posted data with one more (empty) row in the formset ``prefix``."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    with contextlib.suppress(ValueError):
        data[key] = str(min(int(data.get(key, 0)) + 1, 50))
    return data


def _signers(formset: BaseFormSet) -> tuple[list[tuple], list[int]]:
    """The motionärer typed, in order, and the formset row each came from."""
    signers, rows = [], []
    for i, form in enumerate(formset.forms):
        person = form.cleaned_data.get("person") if form.cleaned_data else None
        if person is not None:
            signers.append((person, form.cleaned_data.get("party")))
            rows.append(i)
    return signers, rows


@login_required_first
def register_motion(request: HttpRequest) -> HttpResponse:
    registries = selectors.registries_for(request.user)
    if not registries.exists():
        raise PermissionDenied(NO_REGISTRY)
    _require_posted(request, "registry", Registry, "motions.register_case")
    data = request.POST if request.method == "POST" else None
    adding = None
    if data is not None:
        for prefix in ("signers", "att"):
            if f"add-{prefix}" in data:
                adding = prefix
                data = _with_extra_row(data, prefix)
    form = MotionForm(data, registries=registries, meetings=cases.council_meetings())
    signer_set = SignerFormSet(data, prefix="signers")
    att_set = AttSatsFormSet(data, prefix="att")
    signer_errors: list[str] = []
    att_errors: list[str] = []
    if adding:
        # "Lägg till rad": the form again with one more row, as typed; nothing checked or saved.
        _quiet(form, signer_set, att_set)
        context = _motion_context(form, signer_set, att_set, [], [])
        template = "portal/casework/_motion_form.html" if request.htmx else None
        return render(request, template or "portal/casework/register_motion.html", context)
    if data is not None:
        valid = form.is_valid() & signer_set.is_valid() & att_set.is_valid()
        if valid:
            cleaned = form.cleaned_data
            _require(request, "motions.register_case", cleaned["registry"], cleaned["registry"])
            signers, rows = _signers(signer_set)
            texts = [f.cleaned_data.get("text", "") for f in att_set.forms if f.cleaned_data]
            try:
                motion = casework.register_motion(
                    registry=cleaned["registry"],
                    title=cleaned["title"],
                    dated_on=cleaned["dated_on"],
                    registered_on=cleaned["registered_on"],
                    raised_at=cleaned["raised_at"],
                    signers=signers,
                    att_satser=texts,
                    refer_to_board=cleaned["refer_to_board"],
                )
            except ValidationError as exc:
                for error in _apply(form, exc):
                    row = (error.params or {}).get("row")
                    if row is not None and row < len(rows):
                        signer_set.forms[rows[row]].add_error("person", error)
                    elif error in exc.error_dict.get("att_satser", []):
                        att_errors.extend(error.messages)
                    else:
                        signer_errors.extend(error.messages)
            else:
                text = f"Motionen har registrerats med diarienummer {motion.case.dnr}."
                if cleaned["refer_to_board"]:
                    board = executive_board()
                    text += f" Den är remitterad till {board.name_in_sentence} för beredning."
                messages.success(request, text)
                return saved_redirect(motion.case)
    context = _motion_context(form, signer_set, att_set, signer_errors, att_errors)
    invalid = _status(form, signer_set, att_set) == REFUSED or signer_errors or att_errors
    return render(
        request, "portal/casework/register_motion.html", context, status=REFUSED if invalid else 200
    )


def _motion_context(form, signer_set, att_set, signer_errors, att_errors) -> dict:
    return {
        "form": form,
        "signer_set": signer_set,
        "att_set": att_set,
        "signer_errors": signer_errors,
        "att_errors": att_errors,
    }


# --- Referrals -------------------------------------------------------------------------------


@login_required_first
def refer_case(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("registry", "responsible_body"), slug=slug)
    bodies = selectors.secretary_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied(NO_BODY)
    _require_posted(request, "from_body", Body, "motions.refer_case")
    form = ReferralForm(request.POST or None, from_bodies=bodies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _require(request, "motions.refer_case", data["from_body"], data["from_body"])
        try:
            referral = services.send_referral(case=case, **data)
        except ValidationError as exc:
            for error in _apply(form, exc):
                form.add_error(None, error)
        else:
            text = (
                f"{case.dnr} är remitterat till {referral.to_body.name_in_sentence} "
                f"{referral.get_purpose_display().lower()}"
            )
            if referral.due_on:
                text += f", svar senast {referral.due_on:%Y-%m-%d}"
            messages.success(request, text + ".")
            return saved_redirect(case)
    return render(
        request,
        "portal/casework/refer_case.html",
        {"case": case, "title": _case_title(request, case), "form": form},
        status=_status(form),
    )


def _case_title(request: HttpRequest, case: Case) -> str:
    return case.title if may_see_case(request.user, case) else Case.SECRET_TITLE


@login_required_first
def incoming_referrals(request: HttpRequest, body: str) -> HttpResponse:
    """A body's incoming referrals: unanswered by due date (overdue first), then the answered.

    A fixed number of queries however many referrals.
    """
    body = get_object_or_404(Body, slug=body)
    user = request.user
    if not ((user.is_active and user.is_staff) or user.has_perm("motions.view_referrals", body)):
        raise PermissionDenied(f"Du har ingen roll som ger rätt att se remisser till {body}.")
    today = selectors.today()
    # Asked of each case's own body: being sent a secret case does not open it.
    may_see = case_visibility(user)
    unanswered = list(selectors.incoming_referrals(body))
    answered = selectors.answered_referrals(body)
    sample = unanswered[0] if unanswered else Referral(to_body=body)
    context = {
        "body": body,
        "today": today,
        "may_answer": user.has_perm("motions.answer_referral", sample),
        "unanswered": [_row(r, today, may_see(r.case)) for r in unanswered],
        "answered": [_row(r, today, may_see(r.case)) for r in answered],
    }
    return render(request, "portal/casework/incoming_referrals.html", context)


def _row(referral: Referral, today, secret_ok: bool) -> dict:
    days = (referral.due_on - today).days if referral.due_on else None
    case = referral.case
    return {
        "referral": referral,
        "title": case.title if secret_ok else Case.SECRET_TITLE,
        "secret_ok": secret_ok,
        "overdue": days is not None and days < 0,
        "days_late": -days if days is not None and days < 0 else None,
        "days_left": days if days is not None and days >= 0 else None,
    }


@login_required_first
def answer_referral(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(
        Referral.objects.select_related(
            "case",
            "from_body",
            "to_body",
            "answered_by_paragraph__meeting",
            "answered_by_paragraph__body",
            "answered_by_document",
        ),
        pk=pk,
    )
    _require(request, "motions.answer_referral", referral, referral.to_body)
    secret_ok = may_see_case(request.user, referral.case)
    form = AnswerForm(
        request.POST or None,
        paragraphs=cases.answer_paragraphs(referral),
        documents=selectors.answer_documents(referral),
        document_titles=secret_ok,
    )
    if request.method == "POST" and form.is_valid():
        try:
            answered = casework.answer_referral(referral=referral, **form.cleaned_data)
        except ValidationError as exc:
            for error in _apply(form, exc):
                form.add_error(None, error)
        else:
            paragraph = answered.answered_by_paragraph
            if paragraph is not None:
                how = (
                    f"{paragraph.body.code} {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"
                )
            else:
                how = form.fields["document"].label_from_instance(answered.answered_by_document)
            messages.success(request, f"Remissen i {referral.case.dnr} är besvarad genom {how}.")
            return saved_redirect("portal:incoming_referrals", body=referral.to_body.slug)
    return render(
        request,
        "portal/casework/answer_referral.html",
        {
            "referral": referral,
            "title": referral.case.title if secret_ok else Case.SECRET_TITLE,
            "form": form,
        },
        status=_status(form),
    )


# --- The case page ---------------------------------------------------------------------------


def case_actions(request: HttpRequest, case: Case) -> dict:
    """What the case page offers the user under "Handläggning": sending a remiss (a
    nämndsekreterare of any body) and answering the case's unanswered referrals to their body.

    Uses the case's prefetched referrals; no queries for anonymous users.
    """
    user = request.user
    if not user.is_authenticated:
        return {"may_refer": False, "answerable": []}
    answerable = [
        r
        for r in case.referrals.all()
        if not (r.answered_by_paragraph_id or r.answered_by_document_id)
        and user.has_perm("motions.answer_referral", r)
    ]
    return {"may_refer": selectors.secretary_bodies(user).exists(), "answerable": answerable}
