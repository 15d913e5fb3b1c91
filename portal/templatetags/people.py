"""Addresses of person and party pages, for templates and Python alike.

``{% load people %}`` then ``{{ membership.person|person_url }}`` or ``{{ party|party_url }}``.
The models stay as they are: the address is built here from the name, not stored.
"""

from django import template
from django.urls import reverse

from organisation.models import Party, Person
from organisation.selectors import party_slug, person_slug

register = template.Library()


@register.filter
def person_url(person: Person) -> str:
    """'/personer/12-ann-charlott-backman/'."""
    return reverse("portal:person", kwargs={"pk": person.pk, "slug": person_slug(person)})


@register.filter
def party_url(party: Party) -> str:
    """'/partier/mp/'."""
    return reverse("portal:party", kwargs={"abbreviation": party_slug(party)})
