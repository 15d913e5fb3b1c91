"""Form fields and widgets every app's forms use: dates as the browser's date and time pickers,
within the bounds a person could mean (docs/decisions/0019-bounded-input.md)."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H.%M"]

# No case, meeting or document of the municipality is older than 1900, and none is planned
# further ahead than 2100. Outside these a date is a typing error; far outside them date
# arithmetic (a year back for the one-year deadline, three weeks on for an appeal) overflows.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
BOUNDS_MESSAGES = {
    "min_value": f"Ange ett datum från {EARLIEST:%Y-%m-%d} och framåt.",
    "max_value": f"Ange ett datum till och med {LATEST:%Y-%m-%d}.",
}

# The largest primary key the database stores (a BigAutoField); a larger id names no row.
ID_MAX = 2**63 - 1

# A § number: a body holds a few hundred §§ a year; four digits leave room for any.
NUMBER_MAX = 9999


class DateField(forms.DateField):
    """A date a person types, between ``EARLIEST`` and ``LATEST``."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", DATE)
        super().__init__(**kwargs)
        self.error_messages = {**BOUNDS_MESSAGES, **self.error_messages}
        self.validators += [
            MinValueValidator(EARLIEST, message=self.error_messages["min_value"]),
            MaxValueValidator(LATEST, message=self.error_messages["max_value"]),
        ]


class DateTimeField(forms.DateTimeField):
    """A date and time a person types, its day between ``EARLIEST`` and ``LATEST``."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", DATETIME)
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        super().__init__(**kwargs)
        self.error_messages = {**BOUNDS_MESSAGES, **self.error_messages}

    def validate(self, value) -> None:
        super().validate(value)
        if value is None:
            return
        if value.date() < EARLIEST:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if value.date() > LATEST:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")


class IdField(forms.IntegerField):
    """A row's id posted back in a hidden field: a positive number the database can hold."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(min_value=1, max_value=ID_MAX, **kwargs)
