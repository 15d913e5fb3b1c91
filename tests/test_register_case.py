"""Registering cases: the next Dnr, from the command line, and under real concurrency."""

import datetime
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from motions.models import Case, Registry
from motions.services import register_case

from .factories import CaseFactory, RegistryFactory


@pytest.mark.django_db
def test_the_command_prints_the_new_dnr(capsys):
    registry = RegistryFactory(code="KS")
    CaseFactory(registry=registry, year=2024, serial=41)
    call_command(
        "register_case", "--registry", "ks", "--title", "Ny motion", "--date", "2024-05-02"
    )
    assert capsys.readouterr().out.strip() == "KS 2024-42"
    assert Case.objects.get(dnr="KS 2024-42").title == "Ny motion"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--registry", "XX", "--title", "T"], "Diariet ”XX” finns inte."),
        (["--registry", "KS", "--title", "  "], "Ärendet registrerades inte:"),
        (["--registry", "KS", "--title", "T", "--date", "igår"], "är inget datum"),
        (["--registry", "KS", "--title", "T", "--body", "ZZ"], "Organet ”ZZ” finns inte."),
    ],
)
def test_bad_input_is_one_swedish_line_and_registers_nothing(arguments, message):
    RegistryFactory(code="KS")
    before = Case.objects.count()
    with pytest.raises(CommandError, match=message) as error:
        call_command("register_case", *arguments)
    assert "\n" not in str(error.value)
    assert Case.objects.count() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Radlås finns bara i PostgreSQL.")
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_registrations_get_twenty_consecutive_serials():
    registry = Registry.objects.create(code="BN", name="Byggnadsnämndens diarium")
    start = threading.Barrier(20)
    errors: list[BaseException] = []

    def register(n: int) -> None:
        try:
            start.wait()
            register_case(
                registry=registry,
                title=f"Samtidigt ärende {n}",
                registered_on=datetime.date(2024, 3, 1),
            )
        except BaseException as exc:  # a thread must not swallow it: reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    serials = sorted(
        Case.objects.filter(registry=registry, year=2024).values_list("serial", flat=True)
    )
    assert serials == list(range(1, 21))
