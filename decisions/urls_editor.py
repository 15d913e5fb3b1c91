"""The clerk's paragraph editor (htmx): decision points, yrkanden, beslutsordning, votes."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
