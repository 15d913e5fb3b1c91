"""The clerk's meeting workspace: create a meeting, its agenda, attendance, justerare, held.

Every view needs ``decisions.prepare_meeting`` on the body (or the meeting): anonymous users go
to the login page, others get 403 before anything changes. Each action is a plain form POST
that redirects back to the workspace; on a refusal the whole workspace is re-rendered with the
posted form (the user's input kept) and the Swedish message beside the field. With htmx the
forms post in place and only the workspace (``_workspace.html``) is returned.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from common.errors import ServiceError
from common.views import login_required_first
from organisation.models import Body, Membership, Person

from . import meeting_selectors as ms
from . import prose, services
from .forms_meeting import (
    EMPTY,
    AddCaseForm,
    AddItemForm,
    AdjustersForm,
    MeetingCreateForm,
    MeetingDetailsForm,
    MemberFormSet,
    OtherFormSet,
    ParagraphActionForm,
    RenumberForm,
    ServingFormSet,
    SubstitutesForm,
)
from .models import Attendance, Meeting, Paragraph
from .models.participation import present_members
from .protocol_views import _apply, _date

PERM = "decisions.prepare_meeting"


# --- Look-ups and permission -----------------------------------------------------------------


def _body(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm(PERM, body):
        raise PermissionDenied(
            f"Du har ingen roll som ger rätt att förbereda sammanträden för {body}."
        )
    return body


def _meeting(request: HttpRequest, body: str, day: str) -> Meeting:
    meeting = get_object_or_404(
        Meeting.objects.select_related("body", "chair"), body__slug=body, date=_date(day)
    )
    if not request.user.has_perm(PERM, meeting):
        raise PermissionDenied(
            f"Du har ingen roll som ger rätt att förbereda sammanträden för {meeting.body}."
        )
    return meeting


def _paragraph_of(meeting: Meeting, form: ParagraphActionForm) -> Paragraph:
    """The § named in the POST — only one of this meeting's, else 404."""
    if not form.is_valid():
        raise Http404("Paragrafen finns inte.")
    return get_object_or_404(
        Paragraph.objects.select_related("meeting__body"),
        pk=form.cleaned_data["paragraph"],
        meeting=meeting,
    )


def _workspace_url(meeting: Meeting) -> str:
    return reverse(
        "decisions:prepare_meeting",
        kwargs={"body": meeting.body.slug, "day": meeting.date.isoformat()},
    )


# --- The workspace page ----------------------------------------------------------------------


def _attendance_initial(attendance: list[Attendance], ledamot: list[Membership]) -> dict:
    members = {row.person_id: row for row in attendance if row.kind == Attendance.Kind.MEMBER}
    return {
        "members": [
            {
                "person": m.person_id,
                "present": m.person_id in members,
                "from_no": getattr(members.get(m.person_id), "from_number", None),
                "to_no": getattr(members.get(m.person_id), "to_number", None),
            }
            for m in ledamot
        ],
        "serving": [
            {
                "person": row.person_id,
                "replaces": row.replaces_id,
                "from_no": row.from_number,
                "to_no": row.to_number,
            }
            for row in attendance
            if row.kind == Attendance.Kind.SERVING_SUBSTITUTE
        ],
        "substitutes": [r.person_id for r in attendance if r.kind == Attendance.Kind.SUBSTITUTE],
        "others": [
            {"name": r.name, "title": r.title}
            for r in attendance
            if r.kind == Attendance.Kind.OTHER
        ],
    }


def _unique_ledamot(memberships: list[Membership]) -> list[Membership]:
    seen, result = set(), []
    for m in memberships:
        if m.is_voting_member and m.person_id not in seen:
            seen.add(m.person_id)
            result.append(m)
    return result


def attendance_forms(
    memberships: list[Membership], attendance: list[Attendance], data=None
) -> dict[str, Form]:
    """The four parts of the attendance form, bound to ``data`` or to the saved rows."""
    ledamot = _unique_ledamot(memberships)
    initial = _attendance_initial(attendance, ledamot)
    return {
        "members": MemberFormSet(
            data,
            prefix="members",
            initial=initial["members"],
            form_kwargs={"ledamot": {m.person_id: m for m in ledamot}},
        ),
        "serving": ServingFormSet(
            data,
            prefix="serving",
            initial=initial["serving"],
            form_kwargs={"memberships": memberships},
        ),
        "substitutes": SubstitutesForm(
            data,
            memberships=memberships,
            initial={"substitutes": initial["substitutes"]},
        ),
        "others": OtherFormSet(data, prefix="others", initial=initial["others"]),
    }


def _context(
    request: HttpRequest, meeting: Meeting, bound: dict | None = None, **errors: list[str]
) -> dict:
    """The workspace; ``bound`` replaces a section's fresh form with the one posted."""
    bound = bound or {}
    memberships = list(ms.memberships_on(meeting.body_id, meeting.date))
    paragraphs = list(ms.agenda(meeting))
    attendance = list(ms.attendance_of(meeting))
    adjusters = ms.adjusters_of(meeting)
    cases = ms.cases_ready_for(meeting)
    seats = ms.seats_of(meeting, memberships)
    quorum = ms.quorum_rows(attendance, paragraphs, seats)
    names = {row.person_id: row.person.full_name for row in attendance if row.person_id}
    present = sorted(((pid, names[pid]) for pid in present_members(attendance)), key=lambda c: c[1])
    adjuster_choices = [EMPTY, *present]
    forms = {
        "details": lambda: MeetingDetailsForm(
            memberships=memberships,
            initial={
                "starts_at": meeting.starts_at,
                "place": meeting.place,
                "chair": meeting.chair_id,
                "secretary": meeting.secretary,
                "justering_on": meeting.justering_on,
                "justering_place": meeting.justering_place,
            },
        ),
        "add_case": lambda: AddCaseForm(cases=cases),
        "add_item": AddItemForm,
        "renumber": lambda: RenumberForm(
            initial={"first": paragraphs[0].number if paragraphs else 1}
        ),
        "adjusters": lambda: AdjustersForm(
            choices=adjuster_choices,
            initial={f"adjuster_{i}": p.pk for i, p in enumerate(adjusters[:2], start=1)},
        ),
        "attendance": lambda: attendance_forms(memberships, attendance),
    }
    context = {name: bound[name] if name in bound else make() for name, make in forms.items()}
    return {
        "meeting": meeting,
        "body": meeting.body,
        "paragraphs": paragraphs,
        "adjusters": adjusters,
        "quorum": quorum,
        "without_quorum": [row for row in quorum if not row.has_quorum],
        "seats": seats,
        "editable": meeting.status != Meeting.Status.JUSTERAT,
        "planned": meeting.status == Meeting.Status.PLANNED,
        "agenda_errors": errors.get("agenda_errors", []),
        "held_errors": errors.get("held_errors", []),
        "attendance_errors": errors.get("attendance_errors", []),
        **{f"{name}_form": form for name, form in context.items() if name != "attendance"},
        "att": context["attendance"],
    }


def _render(
    request: HttpRequest,
    meeting: Meeting,
    status: int = 200,
    bound: dict | None = None,
    **errors: list[str],
) -> HttpResponse:
    template = (
        "decisions/clerk_meeting/_workspace.html"
        if request.htmx and not request.htmx.boosted
        else "decisions/clerk_meeting/workspace.html"
    )
    # htmx swaps only 2xx responses; the error is in the page either way.
    status = 200 if request.htmx else status
    return render(request, template, _context(request, meeting, bound, **errors), status=status)


def _done(request: HttpRequest, meeting: Meeting, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect(_workspace_url(meeting))


# --- Views -----------------------------------------------------------------------------------


@login_required_first
def create_meeting(request: HttpRequest, body: str) -> HttpResponse:
    organ = _body(request, body)
    user_name = request.user.get_full_name() or request.user.get_username()
    data = request.POST if request.method == "POST" else None
    memberships_day = None
    if data is not None:
        try:
            memberships_day = _date(data.get("date", ""))
        except Http404:
            memberships_day = None
    memberships = (
        list(ms.memberships_on(organ.pk, memberships_day))
        if memberships_day
        else list(
            Membership.objects.filter(body=organ)
            .select_related("person", "party")
            .order_by("person__last_name", "person__first_name", "-starts_on")
        )
    )
    form = MeetingCreateForm(data, memberships=memberships, initial={"secretary": user_name})
    if data is not None and form.is_valid():
        try:
            meeting = services.create_meeting(body=organ, **form.cleaned_data)
        except ServiceError as exc:
            _apply(form, exc)
        else:
            return _done(request, meeting, f"Sammanträdet {meeting.date:%Y-%m-%d} är skapat.")
    return render(
        request,
        "decisions/clerk_meeting/create.html",
        {"body": organ, "form": form},
        status=400 if form.errors else 200,
    )


@login_required_first
def prepare_meeting(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(request, body, day)
    if request.method != "GET":
        # The workspace's actions post to their own URLs.
        return redirect(_workspace_url(meeting))
    return _render(request, meeting)


def _post_only(view):
    """GET on an action goes to the workspace; anonymous users to the login page first."""

    def wrapped(request: HttpRequest, body: str, day: str) -> HttpResponse:
        meeting = _meeting(request, body, day)
        if request.method != "POST":
            return redirect(_workspace_url(meeting))
        return view(request, meeting)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required_first(wrapped)


@_post_only
def update_meeting(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    memberships = list(ms.memberships_on(meeting.body_id, meeting.date))
    form = MeetingDetailsForm(request.POST, memberships=memberships)
    if form.is_valid():
        try:
            services.update_meeting(meeting=meeting, **form.cleaned_data)
        except ServiceError as exc:
            _apply(form, exc)
        else:
            return _done(request, meeting, "Uppgifterna om sammanträdet är sparade.")
    return _render(request, meeting, 400, {"details": form})


@_post_only
def add_case(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = AddCaseForm(request.POST, cases=ms.cases_ready_for(meeting))
    if form.is_valid():
        try:
            paragraph = services.add_paragraph(
                meeting=meeting,
                case=form.cleaned_data["case"],
                title=form.cleaned_data["case_title"],
            )
        except ServiceError as exc:
            _apply(form, exc, {"title": "case_title"})
        else:
            return _done(request, meeting, f"§ {paragraph.number} {paragraph.title} är tillagd.")
    return _render(request, meeting, 400, {"add_case": form})


@_post_only
def add_item(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = AddItemForm(request.POST)
    if form.is_valid():
        try:
            paragraph = services.add_paragraph(meeting=meeting, title=form.cleaned_data["title"])
        except ServiceError as exc:
            _apply(form, exc)
        else:
            return _done(request, meeting, f"§ {paragraph.number} {paragraph.title} är tillagd.")
    return _render(request, meeting, 400, {"add_item": form})


def _errors(exc: ServiceError) -> list[str]:
    return list(exc.messages)


@_post_only
def remove_paragraph(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    paragraph = _paragraph_of(meeting, ParagraphActionForm(request.POST))
    number = paragraph.number
    try:
        services.remove_paragraph(paragraph=paragraph)
    except ServiceError as exc:
        return _render(request, meeting, 400, None, agenda_errors=_errors(exc))
    return _done(request, meeting, f"§ {number} är borttagen från föredragningslistan.")


@_post_only
def move_paragraph(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = ParagraphActionForm(request.POST)
    paragraph = _paragraph_of(meeting, form)
    title = paragraph.title
    try:
        services.move(paragraph=paragraph, direction=form.cleaned_data["direction"])
    except ServiceError as exc:
        return _render(request, meeting, 400, None, agenda_errors=_errors(exc))
    return _done(request, meeting, f"{title} är nu § {paragraph.number}.")


@_post_only
def renumber(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    form = RenumberForm(request.POST)
    if form.is_valid():
        try:
            paragraphs = services.renumber(meeting=meeting, first=form.cleaned_data["first"])
        except ServiceError as exc:
            _apply(form, exc)
        else:
            numbers = prose.paragraph_range(p.number for p in paragraphs)
            return _done(request, meeting, f"Paragraferna är omnumrerade: {numbers}.")
    return _render(request, meeting, 400, {"renumber": form})


@_post_only
def attendance(request: HttpRequest, meeting: Meeting) -> HttpResponse:
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
                return _done(request, meeting, "Närvaron är sparad.")
    return _render(request, meeting, 400, {"attendance": forms}, attendance_errors=general)


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


@_post_only
def adjusters(request: HttpRequest, meeting: Meeting) -> HttpResponse:
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
            _apply(form, exc)
        else:
            names = " och ".join(p.full_name for p in chosen)
            return _done(request, meeting, f"Att justera protokollet utses {names}.")
    return _render(request, meeting, 400, {"adjusters": form})


@_post_only
def mark_held(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    try:
        services.mark_held(meeting=meeting)
    except ServiceError as exc:
        return _render(request, meeting, 400, None, held_errors=_errors(exc))
    return _done(request, meeting, "Sammanträdet är markerat som genomfört.")
