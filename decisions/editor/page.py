"""The paragraph editor's page, and how every editor action answers.

The page is composed of two sections, each with its own context, forms and actions:
``content_section`` (decision, proposals, underlag, recipients, ärende, jäv, anteckningar, the
motion's outcome) and ``debate_section`` (yrkanden, beslutsordning, votering, reservationer).
An action is answered as every clerk form is (``common.views.FormAnswer``): with htmx its
section and, out of band, the preview of the paragraph; without JavaScript the whole page — the
← § / § → links included — or, once saved, 303 back to it at the part's anchor.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from common.views import FormAnswer, login_required_first
from decisions.access import may_see_secret
from decisions.models import Paragraph

from . import content_section, debate_section
from .paragraph import editable_paragraph, editor_url, neighbours, preview_context

# Section name → (its context, its template, its element id on the page).
SECTIONS = {
    "content": (
        content_section.section_context,
        "decisions/editor/_content.html",
        "innehall-sektion",
    ),
    "debate": (debate_section.section_context, "decisions/editor/_debate.html", "debatt-sektion"),
}


def page_context(request: HttpRequest, paragraph: Paragraph, **states: dict) -> dict:
    """The whole editor; ``states`` gives a section its posted forms, notice or error by name."""
    return {
        **preview_context(paragraph),
        "may_see_secret": may_see_secret(request.user, paragraph.body),
        "neighbours": neighbours(paragraph),
        **{
            name: context(request, paragraph, **states.get(name, {}))
            for name, (context, _template, _id) in SECTIONS.items()
        },
    }


@login_required_first
def edit_paragraph(request: HttpRequest, body: str, year: int, number: int) -> HttpResponse:
    paragraph = editable_paragraph(request, body, year, number)
    return render(request, "decisions/editor/paragraph.html", page_context(request, paragraph))


def section_answer(
    request: HttpRequest, paragraph: Paragraph, section: str, anchor: str = ""
) -> FormAnswer:
    """How an action of ``section`` answers; a saved post goes back to the page at ``anchor``."""
    context, template, section_id = SECTIONS[section]

    def render_editor(*, partial: bool, **state) -> HttpResponse:
        # Read again: the action changed the paragraph and its parts.
        fresh = editable_paragraph(request, paragraph.body.slug, paragraph.year, paragraph.number)
        if partial:
            return render(
                request,
                "decisions/editor/_section_answer.html",
                {
                    "section_template": template,
                    "section": context(request, fresh, **state),
                    **preview_context(fresh),
                },
            )
        return render(
            request,
            "decisions/editor/paragraph.html",
            page_context(request, fresh, **{section: state}),
        )

    return FormAnswer(request, editor_url(paragraph, anchor or section_id), render_editor)


def editor_action(section: str, anchor: str = "") -> Callable:
    """An action of ``section``: the view gets the paragraph and its answer, never a GET.

    A GET of an action shows the section (htmx) or goes back to the page; anonymous users go
    to the login page first, users without the role get 403 (``editable_paragraph``).
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required_first
        @wraps(view)
        def wrapped(
            request: HttpRequest, body: str, year: int, number: int, **kwargs
        ) -> HttpResponse:
            paragraph = editable_paragraph(request, body, year, number)
            answer = section_answer(request, paragraph, section, anchor)
            if request.method != "POST":
                return answer.shown() if answer.partial else redirect(answer.url)
            return view(request, paragraph, answer, **kwargs)

        return wrapped

    return decorate
