"""Local development: SQLite unless DATABASE_URL says otherwise, debug on."""

from .base import *  # noqa: F403
from .base import DATA_DIR, STATIC_ROOT

DEBUG = True
SECRET_KEY = "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
DATA_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root

# Background tasks (django-tasks, the backport of Django 6's framework): run at once, in-process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
