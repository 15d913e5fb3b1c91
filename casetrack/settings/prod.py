"""Production: everything secret or host-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY måste anges i miljön.")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

# Behind a reverse proxy: how many trusted proxies stand in front of gunicorn and which header
# they write the client's address to (common/client_ip.py). Unset: REMOTE_ADDR only.
CASETRACK_TRUSTED_PROXY_COUNT = int(os.environ.get("CASETRACK_TRUSTED_PROXY_COUNT", "0") or 0)
CASETRACK_CLIENT_IP_HEADER = os.environ.get("CASETRACK_CLIENT_IP_HEADER", "X-Forwarded-For")

SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Background tasks (rendering certified extracts) queue in the database and run in
# `manage.py db_worker`, never in the request that justerar (docs/decisions/0008-pdf-a.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
