"""View helpers every app's pages use: login first, and the one way to answer a form post.

The form-answer convention (``FormAnswer``) — the same with and without JavaScript:

========================  =================================  =================================
a clerk's form post       without htmx                       with htmx (``HX-Request``)
========================  =================================  =================================
saved                     303 See Other back to the page,    200: the page's fragment again,
                          the message flashed                the message as its notice
refused (input or rule)   422: the whole page, the input     422: the fragment, the input kept
                          kept, the Swedish message beside   and the message beside the field
                          the field
shown again, not saved    200: the whole page                200: the fragment
(e.g. a text fetched
into a form)
========================  =================================  =================================

422 (Unprocessable Content) says "understood, and refused": a script or a test sees the refusal
without reading the page. htmx 2 swaps only 2xx by default; ``templates/base.html`` adds 422 to
its ``responseHandling`` (in the ``htmx-config`` meta, so no inline script under the CSP).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import resolve_url

SAVED_WITHOUT_JS = 303
REFUSED = 422

# Moving a row one step: every move button posts riktning=upp or riktning=ned.
MOVE_FIELD, MOVE_UP, MOVE_DOWN = "riktning", "upp", "ned"


def login_required_first(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous users go to the login page before anything is looked up."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


def saved_redirect(to, *args, **kwargs) -> HttpResponseRedirect:
    """A saved post on a page without a fragment: 303 to ``to`` (a URL name, a model or a URL)."""
    return HttpResponseRedirect(resolve_url(to, *args, **kwargs), status=SAVED_WITHOUT_JS)


def apply_refusal(form: Form, exc: ValidationError, fields: dict[str, str] | None = None) -> None:
    """Put a service's refusal on ``form``, beside the field it concerns.

    ``fields`` maps the service's field names to the form's where they differ; a message about
    no field of the form goes to the form as a whole.
    """
    fields = fields or {}
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            field = fields.get(name, name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def moves_up(request: HttpRequest) -> bool | None:
    """Whether a move post asks for up (``riktning=upp``) or down (``riktning=ned``); None for
    anything else, which no page of ours sends: answer it with ``bad_move()``."""
    direction = request.POST.get(MOVE_FIELD)
    if direction not in (MOVE_UP, MOVE_DOWN):
        return None
    return direction == MOVE_UP


def bad_move() -> HttpResponse:
    return HttpResponseBadRequest(
        f"Ange {MOVE_FIELD}={MOVE_UP} eller {MOVE_FIELD}={MOVE_DOWN}.",
        content_type="text/plain; charset=utf-8",
    )


@dataclass(frozen=True)
class FormAnswer:
    """How one page answers its forms' posts (the table at the top of this module).

    ``render(partial=…, **state)`` renders the page — with ``partial`` only the fragment that
    htmx swaps — from ``state`` (the posted forms with their errors, a notice, an error); ``url``
    is where a saved post sends the browser back to. A page without a fragment
    (``has_partial=False``) answers htmx as it answers a plain post.
    """

    request: HttpRequest
    url: str
    render: Callable[..., HttpResponse]
    has_partial: bool = True

    @property
    def partial(self) -> bool:
        htmx = getattr(self.request, "htmx", None)
        # A boosted request wants the whole page, as a link would.
        return self.has_partial and bool(htmx) and not htmx.boosted

    def saved(self, message: str, *, level: int = messages.SUCCESS) -> HttpResponse:
        if self.partial:
            return self.render(partial=True, notice=message)
        messages.add_message(self.request, level, message)
        return HttpResponseRedirect(self.url, status=SAVED_WITHOUT_JS)

    def refused(self, **state) -> HttpResponse:
        response = self.render(partial=self.partial, **state)
        response.status_code = REFUSED
        return response

    def shown(self, **state) -> HttpResponse:
        return self.render(partial=self.partial, **state)
