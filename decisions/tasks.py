"""Background tasks (django-tasks; Django 6's tasks framework backported)."""

from django_tasks import task

from .extracts import store_extract


@task()
def render_extract(paragraph_id: int) -> str | None:
    """Render and store the certified extract of a justerad paragraph; its SHA-256, or None."""
    stored = store_extract(paragraph_id)
    return stored.sha256 if stored else None
