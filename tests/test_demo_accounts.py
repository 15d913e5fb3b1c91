"""``manage.py demo_accounts``: demo logins in development only, never twice."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import override_settings

from organisation.models import ClerkAssignment


@override_settings(DEBUG=True)
def test_the_demo_clerks_get_their_roles_once(demo, client):
    call_command("demo_accounts", verbosity=0)
    call_command("demo_accounts", verbosity=0)
    assert ClerkAssignment.objects.filter(user__username="cecilia").count() == 2
    cecilia = User.objects.get(username="cecilia")
    assert cecilia.check_password("demo-2026")
    client.force_login(cecilia)
    assert cecilia.has_perm(
        "decisions.prepare_meeting", ClerkAssignment.objects.filter(user=cecilia).first().body
    )
    assert client.get("/arbetsyta/organ/ks/sammantraden/nytt/").status_code == 200
    assert client.get("/arbetsyta/organ/son/sammantraden/nytt/").status_code == 403


def test_refused_without_debug(demo):
    with pytest.raises(CommandError, match="bara i utvecklingsläge"):
        call_command("demo_accounts", verbosity=0)
    assert not User.objects.filter(username="cecilia").exists()


@override_settings(DEBUG=True)
def test_refused_without_the_demo_data(empty_database):
    with pytest.raises(CommandError, match=r"kör först manage\.py load_demo"):
        call_command("demo_accounts", verbosity=0)
    assert not User.objects.exists()
