"""Diarienummer: formatting per registry and the URL slug.

A registry's format is a ``str.format`` pattern with the fields ``registry``, ``year`` and
``serial``. Linköping writes ``KS 2019-295``; other municipalities ``KS 2018/124``
(``{registry} {year}/{serial}``), ``KS/2017:499`` or ``SN-2014-1974``. A serial may be
zero-padded with a format spec: ``{serial:04d}``.
"""

import re
import string
import unicodedata
from dataclasses import dataclass

DEFAULT_FORMAT = "{registry} {year}-{serial}"
_FIELDS = {"registry", "year", "serial"}


class DnrFormatError(ValueError):
    pass


def validate_format(pattern: str) -> None:
    """Raise DnrFormatError (Swedish message) unless ``pattern`` is a usable Dnr format."""
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(pattern) if field}
    except ValueError as exc:
        raise DnrFormatError(f"Formatet går inte att tolka: {exc}.") from exc
    unknown = names - _FIELDS
    if unknown:
        raise DnrFormatError(
            "Okända fält i formatet: "
            + ", ".join(sorted(unknown))
            + ". Tillåtna är {registry}, {year} och {serial}."
        )
    if not {"year", "serial"} <= names:
        raise DnrFormatError("Formatet måste innehålla både {year} och {serial}.")
    try:
        format_dnr(pattern, registry="KS", year=2024, serial=1)
    except (ValueError, IndexError, KeyError) as exc:
        raise DnrFormatError(f"Formatet går inte att använda: {exc}.") from exc


def format_dnr(pattern: str, *, registry: str, year: int, serial: int) -> str:
    return pattern.format(registry=registry, year=year, serial=serial)


def dnr_slug(dnr: str) -> str:
    """'KS 2019-295' → 'ks-2019-295'; 'KS/2017:499' → 'ks-2017-499'. Stable, ASCII only."""
    ascii_text = unicodedata.normalize("NFKD", dnr).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class DnrQuery:
    """A Dnr as someone typed it: the registry's code when given, the year and the serial."""

    registry: str | None
    year: int
    serial: int


# The forms people type: 'KS 2020-493', '2020-493', 'ks-2020-493', 'KS 2020/493', 'KS/2017:499',
# 'Dnr KS 2020-0493'. The registry code is letters only; a serial may be zero-padded.
_DNR_QUERY = re.compile(
    r"^(?:dnr[.:]?\s*)?(?:(?P<registry>[^\W\d_]{1,8})\s*[-/ .:]?\s*)?"
    r"(?P<year>(?:19|20)\d\d)\s*[-/:.]\s*(?P<serial>\d{1,9})$",
    re.IGNORECASE,
)


def parse_dnr_query(text: str) -> DnrQuery | None:
    """The Dnr in ``text`` if the whole text is one, in any common form; else None."""
    match = _DNR_QUERY.match(text.strip())
    if match is None:
        return None
    registry = match["registry"]
    return DnrQuery(
        registry=registry.upper() if registry else None,
        year=int(match["year"]),
        serial=int(match["serial"]),
    )
