"""Rows kept in order by a number unique within their group: append, move, remove, renumber.

A paragraph's yrkanden, decision points, reservations … carry a ``position`` 1, 2, … that is
unique in their group (a unique constraint that is not deferrable), and a meeting's §§ a
``number`` unique in the body's year. Every service that appends, moves or removes such rows
uses these helpers, so that a row never shares its number with another, not even for the
moment between two UPDATEs.

The helpers know nothing of our apps: they take querysets and model instances.
"""

from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

from django.db import models

Direction = Literal["up", "down"]
UP: Direction = "up"
DOWN: Direction = "down"
DIRECTIONS: tuple[Direction, ...] = (UP, DOWN)

Row = TypeVar("Row", bound=models.Model)


def next_position(rows: models.QuerySet, field: str = "position") -> int:
    """The position after the last of ``rows`` (1 for none): where a new row is appended."""
    return (rows.aggregate(top=models.Max(field))["top"] or 0) + 1


def neighbour(rows: Sequence[Row], row: Row, direction: Direction) -> Row | None:
    """The row ``row`` swaps places with when moved ``direction`` in ``rows`` (in order), or
    None when it already stands first (up) or last (down)."""
    index = next(i for i, other in enumerate(rows) if other.pk == row.pk)
    other = index - 1 if direction == UP else index + 1
    return rows[other] if 0 <= other < len(rows) else None


def moved(rows: Sequence[Row], row: Row, direction: Direction) -> list[Row] | None:
    """``rows`` (in order) with ``row`` swapped with its neighbour; None at either end."""
    other = neighbour(rows, row, direction)
    if other is None:
        return None
    order = list(rows)
    i, j = order.index(row), order.index(other)
    order[i], order[j] = order[j], order[i]
    return order


def _save_each(field: str) -> Callable[[list[models.Model]], None]:
    def save(rows: list[models.Model]) -> None:
        for row in rows:
            row.save(update_fields=[field])

    return save


def renumber(
    rows: Sequence[Row],
    *,
    field: str = "position",
    numbers: Sequence[int] | None = None,
    free_above: int | None = None,
    save: Callable[[list[Row]], None] | None = None,
) -> list[Row]:
    """Give ``rows`` the ``numbers`` (by default 1, 2, … in the order given).

    The rows that change are first parked in a free range — above ``free_above`` and above
    every number involved — with a plain UPDATE (no history: that state is never real), then
    given their final numbers by ``save`` (by default each row's ``save()``, so a model with
    history records the change). Returns the rows that changed.
    """
    rows = list(rows)
    numbers = list(numbers) if numbers is not None else list(range(1, len(rows) + 1))
    changed = [
        (row, number)
        for row, number in zip(rows, numbers, strict=True)
        if getattr(row, field) != number
    ]
    if not changed:
        return []
    base = max(free_above or 0, *numbers, *(getattr(row, field) for row in rows)) + 1
    model = type(changed[0][0])
    for i, (row, _) in enumerate(changed):
        model._default_manager.filter(pk=row.pk).update(**{field: base + i})
    for row, number in changed:
        setattr(row, field, number)
    result = [row for row, _ in changed]
    (save or _save_each(field))(result)
    return result


def close_gap(rows: models.QuerySet, field: str = "position") -> list[models.Model]:
    """After a row of the group was removed: number the rest 1, 2, … in their order."""
    return renumber(list(rows.order_by(field, "pk")), field=field)


def move(rows: Sequence[Row], row: Row, direction: Direction, *, field: str = "position") -> bool:
    """Swap ``row`` with its neighbour in ``rows`` (in order; numbered 1, 2, … after).

    Returns False, changing nothing, when ``row`` already stands at that end.
    """
    order = moved(rows, row, direction)
    if order is None:
        return False
    renumber(order, field=field)
    return True
