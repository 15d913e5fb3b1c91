"""Headers on every response, and failed logins counted per client behind a reverse proxy.

``Permissions-Policy`` refuses the browser features the app never uses, on pages, PDFs, feeds,
errors and redirects alike. django-axes counts failed logins per user and address; the address
is ``REMOTE_ADDR`` unless the settings name trusted proxies and their header
(``common/client_ip.py``, ``docs/decisions/0018-client-address-behind-a-proxy.md``).
"""

import importlib

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from common.client_ip import client_ip

LOGIN = "/konto/logga-in/"
PROXY = "10.0.0.2"  # the reverse proxy, as gunicorn sees it
LOCKED = "Inloggningen är tillfälligt spärrad"


# --- Permissions-Policy ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/motioner/obesvarade.csv",
        "/beslut/flode/",
        "/organ/ks/sammantraden.ics",
        "/organ/ks/2022/59/utdrag.pdf",
        "/finns-inte/",  # 404
        "/arbetsyta/",  # redirect to the login
        LOGIN,
    ],
)
def test_every_response_refuses_the_features_the_app_does_not_use(client, demo, url):
    response = client.get(url)
    policy = {
        part.split("=")[0].strip(): part.split("=")[1].strip()
        for part in response.headers["Permissions-Policy"].split(",")
    }
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert policy[feature] == "()", feature
    assert policy["browsing-topics"] == "()"


# --- The client's address --------------------------------------------------------------------


def request(remote: str = PROXY, **headers: str):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_proxy_only_remote_addr_counts(settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("192.0.2.7", HTTP_X_FORWARDED_FOR="203.0.113.9")) == "192.0.2.7"


def test_behind_one_proxy_the_address_it_appended_counts(settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 1
    # The client wrote 1.2.3.4 itself; the proxy appended the address it saw.
    assert client_ip(request(HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(request(HTTP_X_FORWARDED_FOR="203.0.113.9")) == "203.0.113.9"


def test_behind_two_proxies_the_outer_ones_entry_counts(settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 2
    chain = "1.2.3.4, 203.0.113.9, 10.0.0.1"  # spoofed, client, the outer proxy
    assert client_ip(request(HTTP_X_FORWARDED_FOR=chain)) == "203.0.113.9"


def test_a_named_header_and_what_is_not_an_address(settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 1
    settings.CASETRACK_CLIENT_IP_HEADER = "X-Real-IP"
    assert client_ip(request(HTTP_X_REAL_IP="2001:db8::5", HTTP_X_FORWARDED_FOR="1.2.3.4")) == (
        "2001:db8::5"
    )
    # Missing or garbled: the proxy's own address, erring towards locking out.
    assert client_ip(request()) == PROXY
    assert client_ip(request(HTTP_X_REAL_IP="inte-en-adress")) == PROXY


# --- Lockouts --------------------------------------------------------------------------------


def fail_five_times(client: Client, **headers: str) -> None:
    for _ in range(5):  # the fifth is refused as the lockout itself
        client.post(LOGIN, {"username": "sekr", "password": "fel"}, **headers)


def log_in(client: Client, **headers: str):
    return client.post(LOGIN, {"username": "sekr", "password": "rätt-lösenord"}, **headers)


def test_behind_a_proxy_one_clients_failures_lock_out_only_that_client(db, settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 1
    User.objects.create_user("sekr", password="rätt-lösenord")
    attacker, colleague = Client(REMOTE_ADDR=PROXY), Client(REMOTE_ADDR=PROXY)
    fail_five_times(attacker, HTTP_X_FORWARDED_FOR="198.51.100.66")
    locked = log_in(attacker, HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert locked.status_code in (403, 429) and LOCKED in locked.content.decode()
    response = log_in(colleague, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 302
    assert colleague.session["_auth_user_id"] == str(User.objects.get(username="sekr").pk)


def test_without_a_proxy_a_spoofed_forwarded_for_does_not_dodge_the_lockout(db, settings):
    settings.CASETRACK_TRUSTED_PROXY_COUNT = 0
    User.objects.create_user("sekr", password="rätt-lösenord")
    client = Client(REMOTE_ADDR="192.0.2.7")
    for n in range(5):
        client.post(
            LOGIN,
            {"username": "sekr", "password": "fel"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = log_in(client, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert response.status_code in (403, 429) and LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def prod_settings(monkeypatch, **env: str):
    """casetrack.settings.prod as read with ``env``: the module, not the running settings."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    for name in ("CASETRACK_TRUSTED_PROXY_COUNT", "CASETRACK_CLIENT_IP_HEADER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(importlib.import_module("casetrack.settings.prod"))


def test_prod_reads_the_proxy_settings_from_the_environment(monkeypatch):
    prod = prod_settings(monkeypatch)
    assert (prod.CASETRACK_TRUSTED_PROXY_COUNT, prod.CASETRACK_CLIENT_IP_HEADER) == (
        0,
        "X-Forwarded-For",
    )
    prod = prod_settings(
        monkeypatch, CASETRACK_TRUSTED_PROXY_COUNT="1", CASETRACK_CLIENT_IP_HEADER="X-Real-IP"
    )
    assert (prod.CASETRACK_TRUSTED_PROXY_COUNT, prod.CASETRACK_CLIENT_IP_HEADER) == (
        1,
        "X-Real-IP",
    )
