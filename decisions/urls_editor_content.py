"""URLs of the paragraph editor's content section (see decisions/editor_content.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
