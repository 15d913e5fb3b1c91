from django.conf import settings
from django.http import HttpRequest


def municipality(request: HttpRequest) -> dict[str, str]:
    return {"municipality": settings.CASETRACK_MUNICIPALITY}
