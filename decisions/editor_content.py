"""The paragraph editor's content section: its context, htmx actions and their forms."""

from django.http import HttpRequest

from .models import Paragraph


def section_context(request: HttpRequest, paragraph: Paragraph) -> dict:
    return {}
