from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    """Who decides: bodies, parties, people and memberships, shared by cases and decisions."""

    name = "organisation"
    verbose_name = "Organisation"
