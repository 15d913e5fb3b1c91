"""Writes to the case file. Each function checks, then changes, inside one transaction."""

import datetime

from django.db import transaction
from django.db.models import Max

from .models import Case, Registry


def next_serial(*, registry: Registry, year: int) -> int:
    """The registry's next free serial for ``year``. Call inside a transaction.

    Locks the registry row (SELECT … FOR UPDATE) so that clerks registering at the same moment
    queue up and get consecutive serials, without gaps or duplicates. On SQLite, which has no
    row locks, the write lock of the transaction serialises them instead.
    """
    Registry.objects.select_for_update().get(pk=registry.pk)
    last = Case.objects.filter(registry=registry, year=year).aggregate(m=Max("serial"))["m"]
    return (last or 0) + 1


@transaction.atomic
def register_case(
    *,
    registry: Registry,
    title: str,
    kind: str = Case.Kind.OTHER,
    registered_on: datetime.date,
    responsible_body_id: int | None = None,
    is_secret: bool = False,
) -> Case:
    """Register a case and give it the registry's next Dnr for the year (see ``next_serial``)."""
    year = registered_on.year
    case = Case(
        registry=registry,
        year=year,
        serial=next_serial(registry=registry, year=year),
        title=title,
        kind=kind,
        registered_on=registered_on,
        responsible_body_id=responsible_body_id,
        is_secret=is_secret,
    )
    case.full_clean(exclude=["dnr", "slug"])
    case.save()
    return case
