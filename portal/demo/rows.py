"""Writing demo rows by their natural keys: created when missing, a conflict when different.

A row that holds other values than the demo's stops the whole load with a one-line Swedish
message (``DemoConflict``): the loader cannot tell a deliberate edit from stale demo data.
"""

import datetime
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

M = TypeVar("M", bound=models.Model)

UNCHANGED = "load_demo ändrar inte befintliga data."


class DemoConflict(Exception):
    """The database holds something the demo would contradict; the message is one line."""


# --- Writing rows ----------------------------------------------------------------------------


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else f"{flat[: limit - 1]}…"


def _shown(field: models.Field, value: Any) -> str:
    """A value as a clerk reads it: choice labels, ISO dates, names of related rows."""
    if value is None or value == "":
        return "tomt"
    if isinstance(value, models.Model):
        return f"”{_one_line(str(value))}”"
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if isinstance(value, datetime.time):
        return value.strftime("%H.%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return f"”{_one_line(str(value))}”"


def _messages(exc: ValidationError) -> str:
    return _one_line(" ".join(exc.messages), limit=200)


@dataclass
class LoadResult:
    created: int = 0
    existing: int = 0


class RowWriter:
    """Counts what it created and found; ``Loader`` builds the demo on it."""

    def __init__(self) -> None:
        self.result = LoadResult()

    def ensure(
        self, model: type[M], lookup: dict[str, Any], values: dict[str, Any], label: str
    ) -> M:
        """The row with natural key ``lookup``: created with ``values`` if missing.

        An existing row whose values differ is a conflict, never an update: the loader cannot
        tell a deliberate edit from stale demo data.
        """
        try:
            row = model._default_manager.get(**lookup)
        except model.DoesNotExist:
            row = model(**lookup, **values)
            try:
                row.full_clean()
            except ValidationError as exc:
                raise DemoConflict(
                    f"{label} kan inte skapas: {_messages(exc)}; {UNCHANGED}"
                ) from exc
            row.save()
            self.result.created += 1
            return row
        except model.MultipleObjectsReturned as exc:
            raise DemoConflict(f"{label} finns redan flera gånger; {UNCHANGED}") from exc
        for name, wanted in values.items():
            field = model._meta.get_field(name)
            stored = getattr(row, field.attname)
            wanted_raw = wanted.pk if isinstance(wanted, models.Model) else wanted
            if stored != wanted_raw:
                shown = getattr(row, field.name) if field.is_relation else stored
                raise DemoConflict(
                    f"{label} finns redan med {field.verbose_name} {_shown(field, shown)}, "
                    f"inte {_shown(field, wanted)}; {UNCHANGED}"
                )
        self.result.existing += 1
        return row
