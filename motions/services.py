"""Writes to the case file. Each function checks, then changes, inside one transaction."""

import datetime
import re

from django.db import transaction
from django.db.models import Max

from common.errors import ServiceError
from common.text import iso_day
from organisation.models import Body

from .models import Case, Referral, Registry


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


# --- Motions ----------------------------------------------------------------------------------


# --- Referrals (remisser) ---------------------------------------------------------------------


def check_send_referral(
    *,
    case: Case,
    from_body: Body,
    to_body: Body,
    purpose: str,
    sent_on: datetime.date,
    due_on: datetime.date | None,
) -> None:
    """Raise ``ServiceError`` unless ``from_body`` may send ``case`` to ``to_body``; reads only."""
    errors: dict[str, str] = {}
    if case.closed_on:
        errors["case"] = f"Ärendet avslutades {iso_day(case.closed_on)} och kan inte remitteras."
    if from_body.pk == to_body.pk:
        errors["to_body"] = "En remiss går till ett annat organ än avsändaren."
    else:
        open_referral = (
            Referral.objects.unanswered()
            .filter(case=case, to_body=to_body)
            .order_by("sent_on")
            .first()
        )
        if open_referral is not None:
            errors["to_body"] = (
                f"Ärendet är redan remitterat till {to_body.name_in_sentence} "
                f"({iso_day(open_referral.sent_on)}) och remissen är inte besvarad."
            )
    if purpose not in Referral.Purpose.values:
        errors["purpose"] = "Välj om remissen gäller beredning eller yttrande."
    if sent_on < case.registered_on:
        errors["sent_on"] = (
            f"Remissen kan inte skickas före ärendet registrerades ({iso_day(case.registered_on)})."
        )
    if due_on is not None and due_on < sent_on:
        errors["due_on"] = (
            f"Svarsdatum kan inte ligga före remissen skickades ({iso_day(sent_on)})."
        )
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def send_referral(
    *,
    case: Case,
    from_body: Body,
    to_body: Body,
    purpose: str,
    sent_on: datetime.date,
    due_on: datetime.date | None,
) -> Referral:
    """Send ``case`` from one body to another for beredning or yttrande.

    Locks the case row, so two clerks cannot send the same case to the same body at once.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    arguments = {
        "case": case,
        "from_body": from_body,
        "to_body": to_body,
        "purpose": purpose,
        "sent_on": sent_on,
        "due_on": due_on,
    }
    check_send_referral(**arguments)
    referral = Referral(**arguments)
    referral.full_clean()
    referral.save()
    return referral


_LEADING_ATT = re.compile(r"att\s+", re.IGNORECASE)


def att_sats_text(text: str) -> str:
    """An att-sats as stored: without its leading "att", which the pages print before each one
    ("Motionen föreslår att …"), and with a capital letter, as the seeds write them."""
    stripped = text.strip()
    match = _LEADING_ATT.match(stripped)
    if match:
        stripped = stripped[match.end() :]
    return stripped[:1].upper() + stripped[1:]
