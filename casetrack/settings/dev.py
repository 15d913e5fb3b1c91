"""Local development: SQLite unless DATABASE_URL says otherwise, debug on."""

from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
DATA_DIR.mkdir(parents=True, exist_ok=True)
