"""The protocol page, the notice board, and the clerk's actions: justering, anslag, rättelse,
expediering.

Clerk actions are decided by the roles (``organisation/rules.py``, docs/decisions/0011-roles.md):
each view checks its permission on the meeting or paragraph it acts on, so a nämndsekreterare
of one body cannot touch another body's protocol. Anonymous users are sent to the login page,
logged-in users without the permission get 403. Each action is a Django form posted with CSRF; an
error re-renders the form with the user's input and a Swedish message beside the field; success
redirects with a message.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from common.views import login_required_first
from organisation.rules import person_of

from . import law, prose, selectors, services
from .access import may_see_draft, may_see_secret
from .forms_clerk import CorrectionForm, JusteraForm, NoticeForm, SentForm
from .models import Attendance, Justering, Meeting, Paragraph
from .protocol import paragraph_text

# --- Helpers ---------------------------------------------------------------------------------


def _require(request: HttpRequest, perm: str, obj: Meeting | Paragraph) -> None:
    """Raise unless the user holds ``perm`` on ``obj``; the caller redirects anonymous users."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(f"Du har ingen roll som ger rätt att göra detta för {obj.body}.")


def _date(day: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404("Datumet finns inte.") from None


def _meeting(body: str, day: str, queryset=None) -> Meeting:
    queryset = queryset if queryset is not None else selectors.meetings_with_body()
    return get_object_or_404(queryset, body__slug=body, date=_date(day))


def _apply(form: Form, exc: services.ServiceError, fields: dict[str, str] | None = None) -> None:
    """Put a service's refusal on the form, beside the field it concerns."""
    fields = fields or {}
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            field = fields.get(name, name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _front_page(meeting: Meeting, numbers: list[int]) -> dict:
    approvals = {j.person_id: j for j in meeting.justeringar.all()}
    adjusters = list(meeting.adjusters.all())
    signatures = [
        {
            "role": "Ordförande",
            "person": meeting.chair,
            "approval": approvals.get(meeting.chair_id),
        }
    ] + [
        {"role": "Justerare", "person": person, "approval": approvals.get(person.pk)}
        for person in adjusters
    ]
    justerad = services.justerat_on(meeting)
    return {
        "attendance": selectors.attendance_groups(meeting),
        "paragraph_range": prose.paragraph_range(numbers),
        "signatures": signatures,
        "adjusters": adjusters,
        "justerat_on": justerad,
        "late_justering": services.is_late_justering(meeting.date, justerad),
        "late_notice": services.is_late_notice(justerad, meeting.notice_posted_on),
        "last_appeal_day": (
            law.last_appeal_day(meeting.notice_posted_on) if meeting.notice_posted_on else None
        ),
    }


def _meeting_queryset():
    return selectors.meetings_with_body().prefetch_related(
        "adjusters",
        Prefetch("attendance", queryset=Attendance.objects.select_related("person", "replaces")),
        Prefetch("justeringar", queryset=Justering.objects.select_related("person")),
    )


# --- The protocol ----------------------------------------------------------------------------


def protocol(request: HttpRequest, body: str, day: str) -> HttpResponse:
    """The whole protocol: front page, anslag/bevis, then every paragraph in order.

    A fixed number of queries however many paragraphs the meeting has.
    """
    meeting = _meeting(body, day, _meeting_queryset())
    paragraphs = list(
        selectors.paragraphs_with_parts()
        .filter(meeting=meeting)
        .prefetch_related("corrections")
        .order_by("number")
    )
    parties = selectors.parties_by_meeting([meeting])[meeting.pk]
    secret_ok = may_see_secret(request.user, meeting.body)
    # A planned meeting's paragraphs are drafts: the public reads the agenda, not the content.
    draft_hidden = meeting.status == Meeting.Status.PLANNED and not may_see_draft(
        request.user, meeting.body
    )
    items = []
    for paragraph in paragraphs:
        paragraph.meeting = meeting  # one meeting object, with its prefetched rows
        shown = not draft_hidden and (secret_ok or not paragraph.is_confidential)
        items.append(
            {"paragraph": paragraph, "text": paragraph_text(paragraph, parties) if shown else None}
        )
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "items": items,
        "draft_hidden": draft_hidden,
        # Shows the clerk's links (justera, anslag): staff as before, or a role on this meeting.
        "is_staff": request.user.is_staff
        or request.user.has_perm("decisions.justera_meeting", meeting)
        or request.user.has_perm("decisions.post_notice", meeting),
        **_front_page(meeting, [p.number for p in paragraphs]),
    }
    return render(request, "decisions/protocol.html", context)


# --- The notice board ------------------------------------------------------------------------


def notice_board(request: HttpRequest) -> HttpResponse:
    """The digital anslagstavla (KL 8 kap. 12 §): current notices first, then the archive.

    Public: a notice says that a protocol is justerat and where it is kept, nothing about the
    paragraphs.
    """
    today = timezone.localdate()
    meetings = list(
        selectors.meetings_with_body()
        .filter(notice_posted_on__isnull=False)
        .prefetch_related("justeringar")
        .order_by("-notice_posted_on", "body__name")
    )
    rows = []
    for meeting in meetings:
        removed = meeting.notice_removed_on or law.last_appeal_day(meeting.notice_posted_on)
        justerad = services.justerat_on(meeting)
        rows.append(
            {
                "meeting": meeting,
                "justerat_on": justerad,
                "last_appeal_day": law.last_appeal_day(meeting.notice_posted_on),
                "removed_on": removed,
                "current": meeting.notice_posted_on <= today <= removed,
                "late_justering": services.is_late_justering(meeting.date, justerad),
                "late_notice": services.is_late_notice(justerad, meeting.notice_posted_on),
            }
        )
    sections = [
        {
            "key": "aktuella",
            "heading": f"Aktuella anslag {today:%Y-%m-%d}",
            "rows": [r for r in rows if r["current"]],
            "empty": "Inga anslag sitter uppe i dag.",
        },
        {
            "key": "kommande",
            "heading": "Kommande anslag",
            "rows": [r for r in rows if r["meeting"].notice_posted_on > today],
            "empty": "Inga kommande anslag.",
        },
        {
            "key": "tidigare",
            "heading": "Tidigare anslag",
            "rows": [r for r in rows if r["removed_on"] < today],
            "empty": "Inga tidigare anslag.",
        },
    ]
    sections = [s for s in sections if s["rows"] or s["key"] != "kommande"]
    return render(request, "decisions/notice_board.html", {"today": today, "sections": sections})


# --- Clerk actions ---------------------------------------------------------------------------


@login_required_first
def justera_meeting(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(body, day, _meeting_queryset())
    _require(request, "decisions.justera_meeting", meeting)
    form = JusteraForm(request.POST or None, meeting=meeting)
    if not request.user.has_perm("decisions.justera_on_behalf", meeting):
        # The ordförande or a justerare approves for themselves only; the body's
        # nämndsekreterare may record any of them (the signature they collected).
        person = person_of(request.user)
        form.fields["person"].queryset = form.fields["person"].queryset.filter(
            pk=person.pk if person else None
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.approve_protocol(
                meeting=meeting, person=form.cleaned_data["person"], at=form.cleaned_data["at"]
            )
        except services.ServiceError as exc:
            _apply(form, exc)
        else:
            person = form.cleaned_data["person"]
            if meeting.status == Meeting.Status.JUSTERAT:
                text = f"{person.full_name} har justerat. Protokollet är nu justerat."
            else:
                missing = ", ".join(p.full_name for p in services.missing_approvals(meeting))
                text = f"{person.full_name} har justerat. Kvar att justera: {missing}."
            messages.success(request, text)
            return redirect("decisions:protocol", body=meeting.body.slug, day=day)
    return render(
        request,
        "decisions/clerk_justera.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "form": form,
            "missing": services.missing_approvals(meeting),
            "approvals": list(meeting.justeringar.all()),
        },
        status=400 if form.errors else 200,
    )


@login_required_first
def post_notice(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = _meeting(body, day, _meeting_queryset())
    _require(request, "decisions.post_notice", meeting)
    initial = {
        "posted_on": meeting.notice_posted_on or timezone.localdate(),
        "kept_at": meeting.protocol_kept_at,
    }
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_notice(meeting=meeting, **form.cleaned_data)
        except services.ServiceError as exc:
            _apply(form, exc)
        else:
            text = (
                f"Anslaget är uppsatt {meeting.notice_posted_on:%Y-%m-%d} och tas ned "
                f"{meeting.notice_removed_on:%Y-%m-%d}."
            )
            if services.notice_is_late(meeting):
                text += " Obs! Anslaget sattes upp mer än två dagar efter justeringen."
            messages.success(request, text)
            return redirect("decisions:notice_board")
    return render(
        request,
        "decisions/clerk_notice.html",
        {"meeting": meeting, "body": meeting.body, "form": form},
        status=400 if form.errors else 200,
    )


def _paragraph(body: str, year: int, number: int) -> Paragraph:
    return get_object_or_404(
        Paragraph.objects.select_related("meeting__body", "body", "case"),
        body__slug=body,
        year=year,
        number=number,
    )


@login_required_first
def add_correction(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = _paragraph(body, year, number)
    _require(request, "decisions.correct_paragraph", paragraph)
    form = CorrectionForm(request.POST or None, initial={"made_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.correct(paragraph=paragraph, user=request.user, **form.cleaned_data)
        except services.ServiceError as exc:
            _apply(form, exc)
        else:
            messages.success(request, f"Rättelsen av § {paragraph.number} är registrerad.")
            return redirect(paragraph.get_absolute_url())
    return render(
        request,
        "decisions/clerk_correction.html",
        {"paragraph": paragraph, "form": form},
        status=400 if form.errors else 200,
    )


@login_required_first
def expediering(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = _paragraph(body, year, number)
    _require(request, "decisions.expediera", paragraph)
    recipients = list(paragraph.recipients.all())
    for r in recipients:
        r.paragraph = paragraph
    data = request.POST if request.method == "POST" else None
    forms = [SentForm(data, recipient=r) for r in recipients]
    if request.method == "POST" and all(f.is_valid() for f in forms):
        changed = [
            f
            for f in forms
            if f.cleaned_data["sent_on"] and f.cleaned_data["sent_on"] != f.recipient.sent_on
        ]
        failed = False
        with transaction.atomic():  # all recipients or none
            for f in changed:
                try:
                    services.mark_sent(recipient=f.recipient, sent_on=f.cleaned_data["sent_on"])
                except services.ServiceError as exc:
                    _apply(f, exc)
                    failed = True
            if failed:
                transaction.set_rollback(True)
        if failed:
            for f in changed:
                f.recipient.refresh_from_db(fields=["sent_on"])
        if not failed:
            if changed:
                names = ", ".join(f.recipient.name for f in changed)
                messages.success(request, f"Expedierat till {names}.")
            else:
                messages.info(request, "Inget ändrades.")
            return redirect(paragraph.get_absolute_url())
    errors = any(f.errors for f in forms)
    return render(
        request,
        "decisions/clerk_expediering.html",
        {"paragraph": paragraph, "forms": forms, "today": timezone.localdate()},
        status=400 if errors else 200,
    )
