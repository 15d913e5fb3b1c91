"""The clerk's meeting pages: create a meeting, its agenda, attendance, renumbering."""

from django.urls import path  # noqa: F401

from . import converters  # noqa: F401 — registers <isodate:…>

urlpatterns: list = []
