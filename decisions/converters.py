"""URL converters shared by the decisions URL modules."""

from django.urls import register_converter


class IsoDateConverter:
    """A meeting's day in its URL: 2022-03-08 (checked as a date by the view)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IsoDateConverter, "isodate")
