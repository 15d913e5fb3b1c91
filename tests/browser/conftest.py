"""Real-browser tests: Playwright (sync API) drives Debian's chromium against ``live_server``.

Playwright never downloads a browser here: it launches the system's chromium
(``/usr/bin/chromium``, or ``CASETRACK_CHROMIUM``). Without it the tests skip locally, with the
reason, and fail in CI (``CI=true``), where ``.ci/run`` installs it.

Two things make Django and Playwright share one process:

- Playwright's sync API keeps an asyncio loop marked as running in the main thread between
  calls, and Django then refuses ORM calls from that thread (``SynchronousOnlyOperation``).
  ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set while Playwright runs — only for this package; it is
  restored, and Playwright stopped, when the package's last test has run.
- ``live_server`` serves from other threads, so these tests use ``transactional_db``: the demo
  is committed (by ``django_db_setup`` in ``tests/conftest.py``, and again after each of these
  tests, since pytest-django empties the database after a transactional test) and visible to
  the server, rather than inside a transaction only the test sees.
  On SQLite the test database is in memory and pytest-django hands the server thread the same
  connection; on PostgreSQL the server's connections see the committed rows.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

from ..conftest import demo_is_loaded
from .pages import DESKTOP

CHROMIUM = Path(os.environ.get("CASETRACK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        reason = (
            f"Chromium saknas ({CHROMIUM}); installera Debians paket: apt-get install chromium "
            "fonts-dejavu (eller ange CASETRACK_CHROMIUM)."
        )
        if in_ci():
            pytest.fail(f"CI: {reason}", pytrace=False)
        pytest.skip(reason)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Problems:
    """What the browser complained about while a test ran."""

    console_errors: list[tuple[str, str]] = field(default_factory=list)
    """(message, address of the resource or script it is about)."""
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        url = message.location.get("url", "")
        if "Content Security Policy" in text:
            self.csp_violations.append(text)
        elif message.type == "error":
            self.console_errors.append((text, url))

    def on_request_failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a request because the page navigated on (a
        # favicon still loading when a form redirects), not a failure of the server.
        if request.failure != "net::ERR_ABORTED":
            self.http_errors.append(f"{request.url}: {request.failure}")

    def all(self, *, not_found: str = "") -> list[str]:
        """Every complaint. ``not_found``: the address of a page expected to answer 404, whose
        own 'Failed to load resource' is then no complaint (its CSS failing still would be)."""
        errors = [
            f"{text} ({url})"
            for text, url in self.console_errors
            if not (not_found and url == not_found and text.startswith("Failed to load"))
        ]
        return [*self.csp_violations, *self.page_errors, *errors, *self.http_errors]


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, problems: Problems) -> Iterator[Page]:
    """A fresh context and page at desktop size, reporting console errors, CSP violations,
    uncaught script errors and failed sub-requests to ``problems``."""
    context = browser.new_context(viewport=DESKTOP, locale="sv-SE")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.on("console", problems.on_console)
    tab.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    tab.on("requestfailed", problems.on_request_failed)
    yield tab
    context.close()


@pytest.fixture
def live_demo(transactional_db, live_server):
    """The live server, with the demo committed where its threads can read it."""
    assert demo_is_loaded(), "the demo must be committed before a live-server test"
    return live_server
