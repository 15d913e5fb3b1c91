"""URLs of the paragraph editor's debate section (see decisions/editor_debate.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
