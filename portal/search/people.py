"""People found by name: a search for "Bäckman" or "Ann-Charlott Bäck" lists the person page.

Every word must begin a part of the person's first name or last name ("Charlott" in
"Ann-Charlott") or of one of the name forms the protocols use (``PersonAlias``), so that a
search for an ordinary word does not list everyone whose name happens to contain it.
"""

from django.db.models import Q, QuerySet

from organisation.models import Person

from .folding import contains_text, starts_with_text
from .query import SearchQuery

MAX_PEOPLE = 10


def people_named(query: SearchQuery) -> QuerySet[Person]:
    if not query.words:
        return Person.objects.none()
    condition = Q()
    for word in query.words:
        condition &= (
            _begins_a_name_part("first_name", word)
            | _begins_a_name_part("last_name", word)
            | _begins_a_name_part("aliases__name", word)
        )
    matching = Person.objects.filter(condition).values("pk")
    return Person.objects.filter(pk__in=matching).order_by("last_name", "first_name")[:MAX_PEOPLE]


def _begins_a_name_part(field: str, word: str) -> Q:
    """``word`` begins ``field`` or a part of it after a space or a hyphen."""
    return (
        starts_with_text(field, word)
        | contains_text(field, f" {word}")
        | contains_text(field, f"-{word}")
    )
