"""Stable, certified extracts of justerade paragraphs (stub)."""

from collections.abc import Iterable


def schedule_extracts(paragraph_ids: Iterable[int]) -> None:
    """Render and store the extract of each paragraph in a background task, after commit."""
