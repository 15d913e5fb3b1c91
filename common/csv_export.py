"""CSV that a spreadsheet opens as data: no cell is taken for a formula (CSV injection).

Excel, LibreOffice and Google Sheets run a cell that begins with ``=``, ``+``, ``-`` or ``@``
(and, in some versions, a tab or a carriage return before them) as a formula — a motion titled
``=HYPERLINK("http://x";"Klicka")`` would be a link in the clerk's spreadsheet. As OWASP
recommends, such a text cell is written with a single quote in front, which the spreadsheet
shows and never runs. Every CSV the app writes goes through ``writer`` below.

Numbers are data, not text: a count or a number of days is written as the number it is, also
when negative — ``-3`` read as a formula is the number -3, nothing else; quoting it would turn
the count into text a spreadsheet cannot sum. Only ``int``, ``float`` and ``Decimal`` values
are numbers here; a string that looks like one (a title "-3 grader") is text and gets the quote.
"""

import csv
import decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """``value`` as a CSV cell: a number as it is, any other value as neutralised text."""
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Writer:
    def __init__(self, out, **kwargs) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row) -> None:
        self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def writer(out, **kwargs) -> _Writer:
    """``csv.writer(out, **kwargs)`` whose every cell passes through ``cell``."""
    return _Writer(out, **kwargs)
