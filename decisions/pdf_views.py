"""PDF responses: extracts, full protocols, notices (stubs)."""

from django.http import HttpResponse


def _todo(*args, **kwargs) -> HttpResponse:
    return HttpResponse(status=501)


extract_pdf = protocol_pdf = notice_pdf = _todo
