"""The one error a service raises when it refuses a write."""

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A write refused for a reason the user can act on; the message is Swedish.

    A ``ValidationError``, so a form can show it beside a field (``form.add_error``).
    """


def refuse_if_any(errors: dict[str, list[str]]) -> None:
    """Raise the collected refusals, each beside its field, if there are any."""
    if errors:
        raise ServiceError(dict(errors))
