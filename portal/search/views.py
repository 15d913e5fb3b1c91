"""Search over titles, decision text, ärende text and att-satser (``/sok/?q=…&page=…``).

The queries live in ``backend``; this view only reads the request and renders. Bad input
(nothing but punctuation, a very long query, a page that does not exist) gives a Swedish message
on an ordinary page, never an error.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .backend import search as run_search
from .backend import uses_full_text_search
from .query import MAX_QUERY_LENGTH, parse_query


def search(request: HttpRequest) -> HttpResponse:
    query = parse_query(request.GET.get("q"))
    results = run_search(query, request.GET.get("page")) if query.words else None
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "results": results,
            "full_text": uses_full_text_search(),
            "max_length": MAX_QUERY_LENGTH,
        },
    )
