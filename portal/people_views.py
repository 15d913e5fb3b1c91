"""The person and party pages: "where is my motion?" asked of a politician or a party."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from organisation.access import may_see_secret
from organisation.models import Person
from organisation.selectors import find_party, party_slug, person_slug

from . import people as selectors
from .templatetags.people import party_url, person_url
from .workspace import workspace_for


def person_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.prefetch_related("aliases"), pk=pk)
    if slug != person_slug(person):
        # The number finds the person; the name is for readers and may have changed.
        return redirect(person_url(person), permanent=True)
    secret = may_see_secret(request.user)
    return render(
        request,
        "portal/person_detail.html",
        {
            "person": person,
            "record": selectors.person_record(person, include_secret=secret),
            "latest_paragraphs": selectors.LATEST_PARAGRAPHS,
            "may_see_secret": secret,
        },
    )


def party_detail(request: HttpRequest, abbreviation: str) -> HttpResponse:
    party = find_party(abbreviation)
    if party is None:
        raise Http404("Det finns inget parti med den förkortningen.")
    if abbreviation != party_slug(party):
        return redirect(party_url(party), permanent=True)
    secret = may_see_secret(request.user)
    return render(
        request,
        "portal/party_detail.html",
        {
            "party": party,
            "record": selectors.party_record(party, on=timezone.localdate(), include_secret=secret),
            "may_see_secret": secret,
        },
    )


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """Min arbetsyta: the start page of a clerk or förtroendevald, built from their roles."""
    return render(
        request,
        "portal/workspace.html",
        {"workspace": workspace_for(request.user, timezone.localdate())},
    )
