"""The clerk's actions on a protocol: justering, anslag and its rättelse, rättelse, expediering.

Each is decided by the roles (``organisation/rules.py``, docs/decisions/0011-roles.md) on the
meeting or paragraph it acts on, so a nämndsekreterare of one body cannot touch another body's
protocol: anonymous users go to the login page, logged-in users without the permission get 403.
Each is a form page of its own, answered as every clerk form is (``common.views.FormAnswer``,
here without an htmx fragment): saved, 303 back to the page it concerns with a message; refused,
422 with the input kept and the Swedish message beside the field.
"""

from dataclasses import replace

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from common.views import FormAnswer, apply_refusal, login_required_first
from decisions import anslag, law, prose, services
from decisions.models import Meeting
from organisation.rules import person_of

from .lookups import meeting_of, meetings_for_protocol, paragraph_of, require
from .protocol_forms import (
    CorrectionForm,
    JusteraAllForm,
    JusteraForm,
    NoticeCorrectionForm,
    NoticeForm,
    SentForm,
)


def _form_page(request: HttpRequest, url: str, template: str, context: dict) -> FormAnswer:
    def page(*, partial: bool = False, notice: str = "") -> HttpResponse:
        return render(request, template, context)

    return FormAnswer(request, url, page, has_partial=False)


@login_required_first
def justera_meeting(request: HttpRequest, body: str, day: str) -> HttpResponse:
    """The ordförande or a justerare approves for themselves; the body's nämndsekreterare
    records every signature collected in one form. After the last one, the clerk is taken on to
    the notice, which is to go up within two days (KL 8 kap. 12 §)."""
    meeting = meeting_of(body, day, meetings_for_protocol())
    require(request, "decisions.justera_meeting", meeting)
    missing = services.missing_approvals(meeting)
    on_behalf = request.user.has_perm("decisions.justera_on_behalf", meeting)
    data = request.POST if request.method == "POST" else None
    if on_behalf:
        form = JusteraAllForm(data, missing=missing)
    else:
        form = JusteraForm(data, meeting=meeting)
        person = person_of(request.user)
        form.fields["person"].queryset = form.fields["person"].queryset.filter(
            pk=person.pk if person else None
        )
    answer = _form_page(
        request,
        reverse("decisions:protocol", kwargs={"body": meeting.body.slug, "day": day}),
        "decisions/clerk_justera.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "form": form,
            "on_behalf": on_behalf,
            "missing": missing,
            "approvals": list(meeting.justeringar.all()),
        },
    )
    if request.method != "POST":
        return answer.shown()
    if form.is_valid():
        approvals = (
            form.approvals()
            if on_behalf
            else [(form.cleaned_data["person"], form.cleaned_data["at"])]
        )
        try:
            services.approve_protocol_for(meeting=meeting, approvals=approvals)
        except services.ServiceError as exc:
            apply_refusal(form, exc, {"person": None, "at": None} if on_behalf else None)
        else:
            names = prose.join([person.full_name for person, _at in approvals])
            if meeting.status != Meeting.Status.JUSTERAT:
                rest = ", ".join(p.full_name for p in services.missing_approvals(meeting))
                return answer.saved(f"{names} har justerat. Kvar att justera: {rest}.")
            if request.user.has_perm("decisions.post_notice", meeting):
                notice_url = reverse(
                    "decisions:post_notice", kwargs={"body": meeting.body.slug, "day": day}
                )
                return replace(answer, url=notice_url).saved(
                    f"{names} har justerat. Protokollet är justerat; sätt upp anslaget senast "
                    f"{services.notice_due_on(meeting):%Y-%m-%d}."
                )
            return answer.saved(f"{names} har justerat. Protokollet är nu justerat.")
    return answer.refused()


@login_required_first
def post_notice(request: HttpRequest, body: str, day: str) -> HttpResponse:
    meeting = meeting_of(body, day, meetings_for_protocol())
    require(request, "decisions.post_notice", meeting)
    initial = {
        "posted_on": timezone.localdate(),
        "kept_at": meeting.protocol_kept_at or meeting.body.protocols_kept_at,
    }
    form = NoticeForm(request.POST or None, initial=initial)
    answer = _form_page(
        request,
        reverse("decisions:notice_board"),
        "decisions/clerk_notice.html",
        {"meeting": meeting, "body": meeting.body, "form": form},
    )
    if request.method != "POST":
        return answer.shown()
    if form.is_valid():
        try:
            services.post_notice(meeting=meeting, **form.cleaned_data)
        except services.ServiceError as exc:
            apply_refusal(form, exc)
        else:
            notice = anslag.current_notice(meeting)
            text = (
                f"Anslaget är uppsatt {notice.posted_on:%Y-%m-%d}. Sista dag för överklagande "
                f"är {notice.last_appeal_day:%Y-%m-%d}; anslaget tas ned "
                f"{notice.removed_on:%Y-%m-%d}."
            )
            if services.notice_is_late(meeting):
                text += " Obs! Anslaget sattes upp mer än två dagar efter justeringen."
            return answer.saved(text)
    return answer.refused()


@login_required_first
def correct_notice(request: HttpRequest, body: str, day: str) -> HttpResponse:
    """A rättelse of the anslag, posted today beside the first notice (services.correct_notice)."""
    meeting = meeting_of(body, day, meetings_for_protocol())
    require(request, "decisions.post_notice", meeting)
    notice = anslag.current_notice(meeting)
    today = timezone.localdate()
    form = NoticeCorrectionForm(
        request.POST or None, initial={"kept_at": notice.kept_at if notice else ""}
    )
    answer = _form_page(
        request,
        reverse("decisions:protocol", kwargs={"body": meeting.body.slug, "day": day}),
        "decisions/clerk_notice_correction.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "form": form,
            "notices": anslag.notices_of(meeting),
            "today": today,
        },
    )
    if request.method != "POST":
        return answer.shown()
    if form.is_valid():
        try:
            services.correct_notice(
                meeting=meeting, made_on=today, user=request.user, **form.cleaned_data
            )
        except services.ServiceError as exc:
            apply_refusal(form, exc)
        else:
            last_day = law.last_appeal_day(today)
            return answer.saved(
                f"Det rättade anslaget är uppsatt {today:%Y-%m-%d}. Sista dag för överklagande "
                f"är {last_day:%Y-%m-%d}; anslaget tas ned "
                f"{law.notice_taken_down_on(today):%Y-%m-%d}."
            )
    return answer.refused()


@login_required_first
def add_correction(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = paragraph_of(body, year, number)
    require(request, "decisions.correct_paragraph", paragraph)
    form = CorrectionForm(request.POST or None, initial={"made_on": timezone.localdate()})
    answer = _form_page(
        request,
        paragraph.get_absolute_url(),
        "decisions/clerk_correction.html",
        {"paragraph": paragraph, "form": form},
    )
    if request.method != "POST":
        return answer.shown()
    if form.is_valid():
        try:
            services.correct(paragraph=paragraph, user=request.user, **form.cleaned_data)
        except services.ServiceError as exc:
            apply_refusal(form, exc)
        else:
            return answer.saved(f"Rättelsen av § {paragraph.number} är registrerad.")
    return answer.refused()


@login_required_first
def expediering(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = paragraph_of(body, year, number)
    require(request, "decisions.expediera", paragraph)
    recipients = list(paragraph.recipients.all())
    for r in recipients:
        r.paragraph = paragraph
    data = request.POST if request.method == "POST" else None
    forms = [SentForm(data, recipient=r) for r in recipients]
    answer = _form_page(
        request,
        paragraph.get_absolute_url(),
        "decisions/clerk_expediering.html",
        {"paragraph": paragraph, "forms": forms, "today": timezone.localdate()},
    )
    if request.method != "POST":
        return answer.shown()
    if not all(f.is_valid() for f in forms):
        return answer.refused()
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
                apply_refusal(f, exc)
                failed = True
        if failed:
            transaction.set_rollback(True)
    if failed:
        for f in changed:
            f.recipient.refresh_from_db(fields=["sent_on"])
        return answer.refused()
    if not changed:
        # Nothing to save is not a refusal: back to the paragraph, saying so.
        return answer.saved("Inget ändrades.", level=messages.INFO)
    return answer.saved(f"Expedierat till {', '.join(f.recipient.name for f in changed)}.")
