"""The meeting workspace's actions: details, agenda, renumbering, attendance, justerare, held.

Each posts one form and is answered by the workspace (``meeting_workspace.workspace_answer``):
saved, the workspace with a message (htmx 200, without JavaScript 303 back to it); refused,
422 with the posted form, the input kept and the Swedish message beside the field.
"""

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from common import ordering
from common.errors import ServiceError
from common.views import FormAnswer, apply_refusal, bad_move, moves_up
from decisions import meeting_selectors as ms
from decisions import prose, services
from decisions.access import case_visibility
from decisions.models import Attendance, Meeting, Paragraph
from decisions.models.participation import present_members
from motions.models import Case
from organisation.models import Person

from .meeting_forms import (
    EMPTY,
    AddCaseForm,
    AddItemForm,
    AdjustersForm,
    AnnounceMotionsForm,
    MeetingDetailsForm,
    ParagraphActionForm,
    RenumberForm,
    attendance_forms,
)
from .meeting_workspace import workspace_action


def _paragraph_of(meeting: Meeting, form: ParagraphActionForm) -> Paragraph:
    """The § named in the POST — only one of this meeting's, else 404."""
    if not form.is_valid():
        raise Http404("Paragrafen finns inte.")
    return get_object_or_404(
        Paragraph.objects.select_related("meeting__body"),
        pk=form.cleaned_data["paragraph"],
        meeting=meeting,
    )


def _errors(exc: ServiceError) -> list[str]:
    return list(exc.messages)


@workspace_action
def update_meeting(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    memberships = list(ms.memberships_on(meeting.body_id, meeting.date))
    form = MeetingDetailsForm(request.POST, memberships=memberships)
    if form.is_valid():
        try:
            services.update_meeting(meeting=meeting, **form.cleaned_data)
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            return answer.saved("Uppgifterna om sammanträdet är sparade.")
    return answer.refused(bound={"details": form})


@workspace_action
def add_case(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    may_see = case_visibility(request.user)
    form = AddCaseForm(request.POST, cases=ms.cases_ready_for(meeting), may_see=may_see)
    if form.is_valid():
        case, title = form.cleaned_data["case"], form.cleaned_data["case_title"]
        if not (title.strip() or may_see(case)):
            # The case's own title is not this user's to copy: the § gets the neutral one.
            title = Case.SECRET_TITLE
        try:
            paragraph = services.add_paragraph(meeting=meeting, case=case, title=title)
        except ServiceError as exc:
            apply_refusal(form, exc, {"title": "case_title"})
        else:
            return answer.saved(f"§ {paragraph.number} {paragraph.title} är tillagd.")
    return answer.refused(bound={"add_case": form})


@workspace_action
def add_item(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    form = AddItemForm(request.POST)
    if form.is_valid():
        try:
            paragraph = services.add_paragraph(meeting=meeting, title=form.cleaned_data["title"])
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            return answer.saved(f"§ {paragraph.number} {paragraph.title} är tillagd.")
    return answer.refused(bound={"add_item": form})


@workspace_action
def announce_motions(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    form = AnnounceMotionsForm(request.POST, motions=ms.motions_to_announce_at(meeting))
    if form.is_valid():
        chosen = list(form.cleaned_data["motions"])
        try:
            paragraph = services.announce_motions(
                meeting=meeting,
                motions=chosen,
                refer_to_board=form.cleaned_data["refer_to_board"],
            )
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            one = len(chosen) == 1
            what = "motionen är väckt" if one else f"{len(chosen)} motioner är väckta"
            if form.cleaned_data["refer_to_board"]:
                what += f" och {'remitterad' if one else 'remitterade'} till kommunstyrelsen"
            return answer.saved(f"§ {paragraph.number} {paragraph.title}: {what}.")
    return answer.refused(bound={"announce": form})


@workspace_action
def remove_paragraph(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    paragraph = _paragraph_of(meeting, ParagraphActionForm(request.POST))
    number = paragraph.number
    try:
        services.remove_paragraph(paragraph=paragraph)
    except ServiceError as exc:
        return answer.refused(agenda_errors=_errors(exc))
    return answer.saved(f"§ {number} är borttagen från föredragningslistan.")


@workspace_action
def move_paragraph(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    up = moves_up(request)
    if up is None:
        return bad_move()
    paragraph = _paragraph_of(meeting, ParagraphActionForm(request.POST))
    title = paragraph.title
    try:
        services.move(paragraph=paragraph, direction=ordering.UP if up else ordering.DOWN)
    except ServiceError as exc:
        return answer.refused(agenda_errors=_errors(exc))
    return answer.saved(f"{title} är nu § {paragraph.number}.")


@workspace_action
def renumber(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    form = RenumberForm(request.POST)
    if form.is_valid():
        try:
            paragraphs = services.renumber(meeting=meeting, first=form.cleaned_data["first"])
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            numbers = prose.paragraph_range(p.number for p in paragraphs)
            return answer.saved(f"Paragraferna är omnumrerade: {numbers}.")
    return answer.refused(bound={"renumber": form})


@workspace_action
def attendance(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    memberships = list(ms.memberships_on(meeting.body_id, meeting.date))
    data = request.POST.copy()
    if data.get("all_present"):
        try:
            total = int(data.get("members-TOTAL_FORMS", 0))
        except ValueError:
            total = 0
        for i in range(min(total, 1000)):
            data[f"members-{i}-present"] = "on"
    saved = list(ms.attendance_of(meeting))
    forms = attendance_forms(memberships, saved, data)
    general: list[str] = []
    if all(f.is_valid() for f in forms.values()):
        member_forms, serving_forms, other_forms = [], [], []
        members, serving, others = [], [], []
        people = {
            p.pk: p
            for p in Person.objects.filter(
                pk__in=[f.cleaned_data.get("person") for f in forms["members"].forms]
            )
        }
        for form in forms["members"].forms:
            if not (form.cleaned_data.get("present")):
                continue
            person = people.get(form.cleaned_data["person"])
            if person is None:
                form.add_error("present", "Personen finns inte.")
                continue
            member_forms.append(form)
            members.append(
                services.Presence(
                    person, form.cleaned_data.get("from_no"), form.cleaned_data.get("to_no")
                )
            )
        for form in forms["serving"].forms:
            if form.cleaned_data.get("person"):
                serving_forms.append(form)
                serving.append(
                    services.Substitution(
                        form.cleaned_data["person"],
                        form.cleaned_data["replaces"],
                        form.cleaned_data.get("from_no"),
                        form.cleaned_data.get("to_no"),
                    )
                )
        for form in forms["others"].forms:
            if form.cleaned_data.get("name"):
                other_forms.append(form)
                others.append(services.Other(form.cleaned_data["name"], form.cleaned_data["title"]))
        substitutes = list(forms["substitutes"].cleaned_data["substitutes"])
        if not any(f.errors for f in forms["members"].forms):
            try:
                services.set_attendance(
                    meeting=meeting,
                    members=members,
                    serving=serving,
                    substitutes=substitutes,
                    others=others,
                )
            except ServiceError as exc:
                general = _attendance_errors(
                    exc,
                    {"members": member_forms, "serving": serving_forms, "others": other_forms},
                    forms["substitutes"],
                )
            else:
                return answer.saved("Närvaron är sparad.")
    return answer.refused(bound={"attendance": forms}, attendance_errors=general)


def _attendance_errors(exc: ServiceError, rows: dict[str, list[Form]], substitutes: Form) -> list:
    """Put the service's 'serving.1.replaces' messages beside that row's field."""
    general: list[str] = []
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    for key, errors in exc.error_dict.items():
        messages_ = [m for e in errors for m in e.messages]
        parts = key.split(".")
        if len(parts) == 3 and parts[0] in rows:
            form = rows[parts[0]][int(parts[1])]
            field = "present" if parts[0] == "members" and parts[2] == "person" else parts[2]
            for message in messages_:
                form.add_error(field if field in form.fields else None, message)
        elif key == "substitutes":
            for message in messages_:
                substitutes.add_error("substitutes", message)
        else:
            general += messages_
    return general


@workspace_action
def adjusters(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    present = present_members(Attendance.objects.filter(meeting=meeting))
    people = Person.objects.filter(pk__in=present)
    choices = [EMPTY, *((p.pk, p.full_name) for p in people)]
    form = AdjustersForm(request.POST, choices=choices)
    if form.is_valid():
        chosen = [
            form.cleaned_data[f] for f in ("adjuster_1", "adjuster_2") if form.cleaned_data[f]
        ]
        try:
            services.set_adjusters(meeting=meeting, adjusters=chosen)
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            names = " och ".join(p.full_name for p in chosen)
            return answer.saved(f"Att justera protokollet utses {names}.")
    return answer.refused(bound={"adjusters": form})


@workspace_action
def mark_held(request: HttpRequest, meeting: Meeting, answer: FormAnswer) -> HttpResponse:
    try:
        services.mark_held(meeting=meeting)
    except ServiceError as exc:
        return answer.refused(held_errors=_errors(exc))
    return answer.saved("Sammanträdet är markerat som genomfört.")
