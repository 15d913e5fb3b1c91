"""Logins with roles for the tests: nämndsekreterare, registrator, förtroendevald."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from motions.models import Registry
from organisation.models import Account, Body, ClerkAssignment, Membership, Party, Person

from .factories import PersonFactory

D = datetime.date


def secretary(code: str, username: str | None = None, **dates) -> User:
    user = User.objects.create_user(username or f"sekr-{code.lower()}", password="x")
    ClerkAssignment.objects.create(
        user=user,
        role=ClerkAssignment.Role.SECRETARY,
        body=Body.objects.get(code=code),
        starts_on=dates.get("starts_on", D(2019, 1, 1)),
        ends_on=dates.get("ends_on"),
    )
    return user


def registrator(code: str, username: str | None = None) -> User:
    user = User.objects.create_user(username or f"reg-{code.lower()}", password="x")
    ClerkAssignment.objects.create(
        user=user,
        role=ClerkAssignment.Role.REGISTRATOR,
        registry=Registry.objects.get(code=code),
        starts_on=D(2019, 1, 1),
    )
    return user


def account_for(person: Person, username: str) -> User:
    user = User.objects.create_user(username, password="x")
    Account.objects.create(user=user, person=person)
    return user


def member_today(code: str, username: str) -> User:
    """A förtroendevald with a seat in the body today (the demo's terms ended in 2022)."""
    person = PersonFactory()
    Membership.objects.create(
        person=person,
        body=Body.objects.get(code=code),
        role=Membership.Role.MEMBER,
        party=Party.objects.first(),
        starts_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    return account_for(person, username)
