"""The clerk's meeting workspace: create a meeting, and the page that prepares it.

Every view needs ``decisions.prepare_meeting`` on the body (or the meeting): anonymous users go
to the login page, others get 403 before anything changes. The workspace's forms post to the
actions in ``meeting_actions``, each answered by ``workspace_answer`` as every clerk form is
(``common.views.FormAnswer``): with htmx the workspace (``_workspace.html``) is swapped in
place, without JavaScript a saved post goes back to the page.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from common.errors import ServiceError
from common.views import FormAnswer, apply_refusal, login_required_first
from decisions import meeting_selectors as ms
from decisions import services
from decisions.access import case_visibility
from decisions.models import Meeting
from decisions.models.participation import present_members
from organisation.models import Body, Membership

from .lookups import day_of
from .meeting_forms import (
    EMPTY,
    AddCaseForm,
    AddItemForm,
    AdjustersForm,
    AnnounceMotionsForm,
    MeetingCreateForm,
    MeetingDetailsForm,
    RenumberForm,
    attendance_forms,
)

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
        Meeting.objects.select_related("body", "chair"), body__slug=body, date=day_of(day)
    )
    if not request.user.has_perm(PERM, meeting):
        raise PermissionDenied(
            f"Du har ingen roll som ger rätt att förbereda sammanträden för {meeting.body}."
        )
    return meeting


def workspace_url(meeting: Meeting) -> str:
    return reverse(
        "decisions:prepare_meeting",
        kwargs={"body": meeting.body.slug, "day": meeting.date.isoformat()},
    )


# --- The workspace page ----------------------------------------------------------------------


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
        "add_case": lambda: AddCaseForm(cases=cases, may_see=case_visibility(request.user)),
        "add_item": AddItemForm,
        "announce": lambda: AnnounceMotionsForm(motions=ms.motions_to_announce_at(meeting)),
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


def workspace_answer(request: HttpRequest, meeting: Meeting) -> FormAnswer:
    """How the workspace answers its forms: the workspace again, or (htmx) its inner part."""

    def render_workspace(
        *, partial: bool, notice: str = "", bound: dict | None = None, **errors: list[str]
    ) -> HttpResponse:
        if notice:
            messages.success(request, notice)  # shown, and consumed, by this very answer
        # The action may have changed the meeting (status, chair): read it again.
        fresh = Meeting.objects.select_related("body", "chair").get(pk=meeting.pk)
        template = (
            "decisions/clerk_meeting/_workspace.html"
            if partial
            else "decisions/clerk_meeting/workspace.html"
        )
        return render(request, template, _context(request, fresh, bound, **errors))

    return FormAnswer(request, workspace_url(meeting), render_workspace)


def workspace_action(
    view: Callable[[HttpRequest, Meeting, FormAnswer], HttpResponse],
) -> Callable[..., HttpResponse]:
    """A post of the workspace: a GET goes back to it, anonymous users to the login page."""

    @login_required_first
    @wraps(view)
    def wrapped(request: HttpRequest, body: str, day: str) -> HttpResponse:
        meeting = _meeting(request, body, day)
        if request.method != "POST":
            return redirect(workspace_url(meeting))
        return view(request, meeting, workspace_answer(request, meeting))

    return wrapped


# --- Views -----------------------------------------------------------------------------------


@login_required_first
def create_meeting(request: HttpRequest, body: str) -> HttpResponse:
    organ = _body(request, body)
    user_name = request.user.get_full_name() or request.user.get_username()
    data = request.POST if request.method == "POST" else None
    memberships_day = None
    if data is not None:
        try:
            memberships_day = day_of(data.get("date", ""))
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

    def page(*, partial: bool = False, notice: str = "") -> HttpResponse:
        return render(request, "decisions/clerk_meeting/create.html", {"body": organ, "form": form})

    if data is None:
        return page()
    if form.is_valid():
        try:
            meeting = services.create_meeting(body=organ, **form.cleaned_data)
        except ServiceError as exc:
            apply_refusal(form, exc)
        else:
            answer = FormAnswer(request, workspace_url(meeting), page, has_partial=False)
            return answer.saved(f"Sammanträdet {meeting.date:%Y-%m-%d} är skapat.")
    return FormAnswer(request, request.path, page, has_partial=False).refused()


@login_required_first
def prepare_meeting(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(request, body, day)
    if request.method != "GET":
        # The workspace's actions post to their own URLs.
        return redirect(workspace_url(meeting))
    return workspace_answer(request, meeting).shown()
