"""CSV injection: no cell of a CSV export is run as a formula by a spreadsheet (OWASP).

The app has one CSV export, the unanswered motions (``/motioner/obesvarade.csv``); every CSV
writer goes through ``common.csv_export``, tested here for each character OWASP names.
"""

import csv
import decimal
import io

import pytest

from common import csv_export
from motions.models import Case

LINK = '=HYPERLINK("http://x";"Klicka")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_a_spreadsheet_would_run_gets_a_quote(start):
    assert csv_export.cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["KS 2019-295", "Motion om …", "", "1-2", " =1"])
def test_other_text_is_left_as_it_is(value):
    assert csv_export.cell(value) == value


@pytest.mark.parametrize("number", [-3, 0, 730, -1.5, decimal.Decimal("-2.50")])
def test_numbers_are_data_and_keep_their_sign(number):
    """A count of days is a number, also below zero: a spreadsheet reads -3 as -3."""
    assert csv_export.cell(number) == number


def test_a_string_that_looks_like_a_negative_number_is_text():
    assert csv_export.cell("-3") == "'-3"
    assert csv_export.cell(None) == ""
    assert csv_export.cell(True) == "True"


def test_the_writer_neutralises_every_cell():
    out = io.StringIO()
    csv_export.writer(out, delimiter=";").writerows([[LINK, -3, "@SUM(A1)"]])
    assert next(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == [
        "'" + LINK,
        "-3",
        "'@SUM(A1)",
    ]


def test_a_motion_titled_as_a_formula_is_text_in_the_unanswered_csv(client, demo):
    Case.objects.filter(dnr="KS 2019-295").update(title=LINK)
    response = client.get("/motioner/obesvarade.csv?datum=2022-04-23")
    text = response.content.decode("utf-8").lstrip("\ufeff")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text), delimiter=";")}
    assert rows["KS 2019-295"][1] == "'" + LINK
    assert rows["KS 2019-295"][6] == "730"  # days after the deadline: a number, unquoted
    assert rows["KS 2020-493"][1] == "Motion om områdesbaserat socialt arbete i hela kommunen"
