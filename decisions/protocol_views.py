"""Protocol page, justering, notice board, corrections and expediering (stubs)."""

from django.http import HttpResponse


def _todo(*args, **kwargs) -> HttpResponse:
    return HttpResponse(status=501)


protocol = justera_meeting = post_notice = add_correction = expediering = notice_board = _todo
