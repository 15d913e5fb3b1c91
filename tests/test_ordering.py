"""common.ordering: rows kept in order by a unique position, appended, moved and renumbered."""

import pytest

from common import ordering
from decisions.models import DecisionPoint

from .factories import ParagraphFactory


@pytest.fixture
def points(db) -> list[DecisionPoint]:
    paragraph = ParagraphFactory()
    return [
        DecisionPoint.objects.create(paragraph=paragraph, position=i, text=text)
        for i, text in enumerate("abc", start=1)
    ]


def texts(paragraph) -> str:
    return "".join(paragraph.decision_points.order_by("position").values_list("text", flat=True))


def test_next_position_appends(points):
    paragraph = points[0].paragraph
    assert ordering.next_position(paragraph.decision_points.all()) == 4
    assert ordering.next_position(DecisionPoint.objects.none()) == 1


def test_move_swaps_with_the_neighbour_and_does_nothing_at_an_end(points):
    paragraph = points[0].paragraph
    assert ordering.move(points, points[2], "up")
    assert texts(paragraph) == "acb"
    rows = list(paragraph.decision_points.order_by("position"))
    assert not ordering.move(rows, rows[0], "up")
    assert not ordering.move(rows, rows[-1], "down")
    assert texts(paragraph) == "acb"


def test_close_gap_numbers_the_rest_from_one(points):
    paragraph = points[0].paragraph
    points[0].delete()
    ordering.close_gap(paragraph.decision_points.all())
    assert list(paragraph.decision_points.values_list("position", "text")) == [
        (1, "b"),
        (2, "c"),
    ]


def test_renumber_never_holds_two_equal_positions(points):
    # Reversing needs every row to pass another's number: the unique constraint would refuse
    # a naive loop of UPDATEs.
    changed = ordering.renumber(points[::-1])
    assert len(changed) == 2  # the middle row keeps 2
    assert texts(points[0].paragraph) == "cba"
