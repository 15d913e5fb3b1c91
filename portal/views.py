"""The portal's own pages: the start page, the motion register, a case and its path, how a
motion's status is derived."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from decisions.models import Paragraph
from motions import selectors as case_file
from motions.models import Case
from organisation.access import may_see_case
from organisation.models import Body

from . import case_path as selectors
from .casework_views import case_actions
from .filters import ORDERING, ORDERING_LABELS, MotionFilter, facets


def home(request: HttpRequest) -> HttpResponse:
    latest = (
        Paragraph.objects.public()
        .published()
        .justerade()
        .select_related("meeting__body", "body", "case")
        .order_by("-meeting__date", "-number")[:8]
    )
    return render(
        request,
        "portal/home.html",
        {
            "motions": selectors.motion_rows(selectors.motions_for_register()[:5]),
            "latest": latest,
            "bodies": Body.objects.by_rank(),
        },
    )


REGISTER_PAGE_SIZE = 25


def _page_note(request: HttpRequest, page) -> str:
    """A page number that is not a page gets the nearest one, and says so."""
    requested = request.GET.get("sida")
    if requested is None or requested == str(page.number):
        return ""
    last = page.paginator.num_pages
    return f"Sidan ”{requested}” finns inte. Här visas sida {page.number} av {last}."


def motion_list(request: HttpRequest) -> HttpResponse:
    base = selectors.motions_for_register()
    filterset = MotionFilter(request.GET, queryset=base)
    motions = filterset.qs
    if not filterset.form.cleaned_data.get("sortering"):
        motions = motions.order_by(*ORDERING["-vackt"])
    paginator = Paginator(motions, REGISTER_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("sida"))
    return render(
        request,
        "portal/motion_list.html",
        {
            "filterset": filterset,
            "rows": selectors.motion_rows(page.object_list),
            "page": page,
            "page_note": _page_note(request, page),
            "facets": facets(request.GET, base),
            "ordering": ORDERING_LABELS,
            "filtered": any(v for k, v in request.GET.items() if k not in ("sida", "sortering")),
        },
    )


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case = case_file.case_with_file(slug)
    except Case.DoesNotExist:
        raise Http404("Det finns inget ärende med det diarienumret.") from None
    # A secret case: its responsible body's nämndsekreterare and members read it, as staff do.
    if not may_see_case(request.user, case):
        return render(request, "portal/case_secret.html", {"case": case})
    motion = selectors.motion_of(case)
    state = selectors.motion_state(motion, selectors.bodies_by_id()) if motion else None
    today = case_file.today()
    return render(
        request,
        "portal/case_detail.html",
        {
            "case": case,
            "motion": motion,
            "state": state,
            "path": selectors.case_path(case, motion, user=request.user),
            "progress": selectors.progress(state.stage) if state else [],
            "deadline_days": selectors.deadline_days(motion, today) if motion else None,
            **case_actions(request, case),
        },
    )


def about_status(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/about_status.html")
