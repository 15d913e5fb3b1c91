import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The seed cases, loaded as a newcomer would with ``manage.py load_demo``."""
    call_command("load_demo", verbosity=0)
