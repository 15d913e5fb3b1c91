"""Search over titles, decision text, ärende text and att-satser (``/sok/?q=…&page=…``).

The queries live in ``backend``; this view only reads the request and renders. Bad input
(nothing but punctuation, a very long query, a page that does not exist) gives a Swedish message
on an ordinary page, never an error. A Dnr typed in any common form goes straight to its case;
a person's name lists the person pages above the results.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from motions.dnr import parse_dnr_query
from motions.selectors import cases_with_dnr

from .backend import search as run_search
from .backend import uses_full_text_search
from .people import people_named
from .query import MAX_QUERY_LENGTH, parse_query


def search(request: HttpRequest) -> HttpResponse:
    query = parse_query(request.GET.get("q"))
    dnr = parse_dnr_query(query.text)
    dnr_cases = list(cases_with_dnr(dnr)[:10]) if dnr else []
    if len(dnr_cases) == 1:
        return redirect(dnr_cases[0])
    results = run_search(query, request.GET.get("page")) if query.words else None
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "results": results,
            "dnr_cases": dnr_cases,
            "people": list(people_named(query)) if results else [],
            "full_text": uses_full_text_search(),
            "max_length": MAX_QUERY_LENGTH,
        },
    )
