"""Background tasks (django-tasks; Django 6's tasks framework backported).

Tasks sit above ``extracts``: the task calls ``store_extract`` or ``store_protocol``, never the
other way round.
"""

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django_tasks import task

from .extracts import store_extract, store_protocol


@task()
def render_extract(paragraph_id: int) -> str | None:
    """Render and store the certified extract of a justerad paragraph, in its newest version
    (a new one after a rättelse); its SHA-256, or None."""
    stored = store_extract(paragraph_id)
    return stored.sha256 if stored else None


@task()
def render_protocol(meeting_id: int) -> str | None:
    """Render and store the PDF of a justerat protocol as it stands (a new version after a
    rättelse or an anslag); its SHA-256, or None."""
    stored = store_protocol(meeting_id)
    return stored.sha256 if stored else None


def schedule_extracts(paragraph_ids: Iterable[int]) -> None:
    """Render and store the extract of each paragraph in a background task, after commit."""
    for paragraph_id in sorted(set(paragraph_ids)):
        transaction.on_commit(partial(render_extract.enqueue, paragraph_id))


def schedule_protocol(meeting_id: int) -> None:
    """Render and store the protocol's PDF in a background task, after commit."""
    transaction.on_commit(partial(render_protocol.enqueue, meeting_id))
