"""The client's address for django-axes' failed-login counts (``AXES_CLIENT_IP_CALLABLE``).

Without a trusted reverse proxy (``CASETRACK_TRUSTED_PROXY_COUNT = 0``, the default) the
address is ``REMOTE_ADDR`` alone: a header is whatever the client typed, and reading
X-Forwarded-For there would let anyone dodge the lockout by sending a new address each try.

Behind ``n`` trusted proxies the address is read from the header the settings name
(``CASETRACK_CLIENT_IP_HEADER``, X-Forwarded-For by default), counted from the right: each
proxy appends the address it received the request from, so the ``n``-th entry from the right is
the one the outermost trusted proxy saw, and whatever a client wrote to the left of it is ignored.
Without it every visitor would share the proxy's address, and one visitor's failed logins would
lock every user out. A header too short or not an address falls back to ``REMOTE_ADDR``, which
errs towards locking out rather than towards trusting the client.
(``docs/decisions/0018-client-address-behind-a-proxy.md``)
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def meta_key(header: str) -> str:
    """``X-Forwarded-For`` → ``HTTP_X_FORWARDED_FOR``, as Django stores it in ``META``."""
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = int(getattr(settings, "CASETRACK_TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    header = getattr(settings, "CASETRACK_CLIENT_IP_HEADER", "X-Forwarded-For")
    chain = [a.strip() for a in request.META.get(meta_key(header), "").split(",") if a.strip()]
    if len(chain) < proxies:
        return remote
    candidate = chain[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
