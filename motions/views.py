from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from decisions.access import may_see_secret
from decisions.models import Paragraph
from organisation.models import Body

from . import selectors
from .models import Case


def home(request: HttpRequest) -> HttpResponse:
    latest = (
        Paragraph.objects.public()
        .justerade()
        .select_related("meeting__body", "body", "case")
        .order_by("-meeting__date", "-number")[:8]
    )
    return render(
        request,
        "motions/home.html",
        {
            "motions": selectors.motion_rows(selectors.motions_for_register()[:5]),
            "latest": latest,
            "bodies": Body.objects.by_rank(),
        },
    )


def motion_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.motion_rows(selectors.motions_for_register())
    return render(request, "motions/motion_list.html", {"rows": rows})


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case = selectors.case_with_file(slug)
    except Case.DoesNotExist:
        raise Http404("Det finns inget ärende med det diarienumret.") from None
    if case.is_secret and not may_see_secret(request.user):
        return render(request, "motions/case_secret.html", {"case": case})
    motion = selectors.motion_of(case)
    state = (
        selectors.motion_state(motion, list(case.referrals.all()), list(case.paragraphs.all()))
        if motion
        else None
    )
    return render(
        request,
        "motions/case_detail.html",
        {
            "case": case,
            "motion": motion,
            "state": state,
            "path": selectors.case_path(case, motion),
            "today": selectors.today(),
        },
    )
