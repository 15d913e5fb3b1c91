"""The clerk's meeting pages: create a meeting, its agenda, attendance, renumbering."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
