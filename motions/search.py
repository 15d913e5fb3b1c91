"""Search over titles, decision text, ärende text and att-satser (``/sok/?q=…&page=…``).

The queries live in ``search_backend``; this view only reads the request and renders. Bad input
(nothing but punctuation, a very long query, a page that does not exist) gives a Swedish message
on an ordinary page, never an error.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import search_backend


def search(request: HttpRequest) -> HttpResponse:
    query = search_backend.parse_query(request.GET.get("q"))
    results = search_backend.search(query, request.GET.get("page")) if query.words else None
    return render(
        request,
        "motions/search.html",
        {
            "query": query,
            "results": results,
            "full_text": search_backend.uses_full_text_search(),
            "max_length": search_backend.MAX_QUERY_LENGTH,
        },
    )
