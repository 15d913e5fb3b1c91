"""Middleware of our own: one rule that holds for every page's query parameters."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

NUL = "\x00"


class RefuseNulInQuery:
    """A query parameter with a NUL byte is refused with 400 before any view reads it.

    No text of ours holds a NUL, so no search or filter can mean one; PostgreSQL refuses it in
    a text value, and the query fails late — in the admin's changelist while the page renders
    (``?status__exact=%00``). Forms already refuse it field by field (Django's CharField);
    this is the same refusal for the parameters a page reads without a form.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(NUL in key or any(NUL in v for v in values) for key, values in request.GET.lists()):
            return HttpResponseBadRequest(
                "Adressen innehåller ett otillåtet tecken (NUL).",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
