import datetime

import pytest
from django.core.exceptions import ValidationError

from motions.models import Case
from motions.services import register_case

from .factories import CaseFactory, RegistryFactory

pytestmark = pytest.mark.django_db


def test_register_case_gives_the_next_serial_of_the_registry_and_year():
    registry = RegistryFactory(code="BN", name="Byggnadsnämndens diarium")
    CaseFactory(registry=registry, year=2019, serial=295)
    CaseFactory(registry=registry, year=2020, serial=7)
    case = register_case(
        registry=registry, title="Ny motion", registered_on=datetime.date(2019, 5, 2)
    )
    assert (case.serial, case.dnr, case.slug) == (296, "BN 2019-296", "bn-2019-296")


def test_the_first_case_of_a_year_gets_serial_one():
    registry = RegistryFactory(code="BN", dnr_format="{registry} {year}/{serial}")
    case = register_case(registry=registry, title="Första", registered_on=datetime.date(2024, 1, 2))
    assert case.dnr == "BN 2024/1"


def test_register_case_refuses_a_blank_title_and_saves_nothing():
    registry = RegistryFactory()
    before = Case.objects.count()
    with pytest.raises(ValidationError) as error:
        register_case(registry=registry, title="", registered_on=datetime.date(2024, 1, 2))
    assert "title" in error.value.message_dict
    assert Case.objects.count() == before
