"""The clerk workspace in a real browser: a KS clerk logs in through the login form, every clerk
page passes axe, fits a phone, and the editor's htmx updates the preview in place — without a
console error or a CSP violation.

The pages are those of tests/test_clerk_routes.py, on the same data.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ..test_clerk_routes import IDS, PASSWORD, ROUTES, ClerkWorld, build_clerk_world
from .pages import DESKTOP, PHONE
from .test_axe import describe

pytestmark = pytest.mark.browser

AXE = Axe()
PATHS = {name: path for name, path, *_ in ROUTES}
# Set to a directory to keep a screenshot of every clerk page at both widths.
SCREENSHOTS = os.environ.get("CASETRACK_SCREENSHOTS", "")


@pytest.fixture
def world(live_demo) -> ClerkWorld:
    return build_clerk_world()


@pytest.fixture
def clerk(live_demo, world: ClerkWorld, page: Page) -> Page:
    """The page, logged in as KS's nämndsekreterare and registrator through the login form."""
    page.goto(live_demo.url + "/konto/logga-in/?next=/arbetsyta/")
    page.get_by_label("Användarnamn").fill(world.clerk.username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page).to_have_url(live_demo.url + "/arbetsyta/")
    return page


def visit(live_demo, page: Page, world: ClerkWorld, name: str) -> None:
    response = page.goto(live_demo.url + world.url(PATHS[name]))
    assert response is not None and response.status == 200, name


def screenshot(page: Page, name: str, size: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{size}.png"), full_page=True)


@pytest.mark.parametrize("name", IDS)
def test_axe_finds_no_violations_on_the_clerk_pages(live_demo, world, clerk, problems, name):
    visit(live_demo, clerk, world, name)
    results = AXE.run(clerk)
    assert results.violations_count == 0, (
        f"axe på {name}:\n{describe(results.response['violations'])}"
    )
    screenshot(clerk, name, str(DESKTOP["width"]))
    assert problems.all() == []


@pytest.mark.parametrize("name", IDS)
def test_the_clerk_pages_fit_a_phone(live_demo, world, clerk, problems, name):
    clerk.set_viewport_size(PHONE)
    visit(live_demo, clerk, world, name)
    widths = clerk.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )
    screenshot(clerk, name, str(PHONE["width"]))
    assert widths["scroll"] <= widths["client"], (
        f"{name} rullar i sidled vid {PHONE['width']} px: {widths}"
    )
    assert problems.all() == []


def test_a_decision_point_reaches_the_preview_in_place(live_demo, world, clerk, problems):
    visit(live_demo, clerk, world, "edit_paragraph")
    preview = clerk.locator("#forhandsvisning-innehall")
    text = "Kommunstyrelsen föreslår fullmäktige att avslå motionen."
    expect(preview).not_to_contain_text(text)
    # A page load would lose this mark; an htmx swap keeps it.
    clerk.evaluate("window.casetrackSamePage = true")

    clerk.locator("#innehall-beslut-ny-text").fill(text)
    clerk.get_by_role("button", name="Lägg till beslutspunkt").click()

    expect(preview).to_contain_text(text)
    expect(clerk.locator("#innehall-beslut")).to_contain_text(text)
    assert clerk.evaluate("window.casetrackSamePage === true"), "sidan laddades om"
    assert problems.all() == []
    results = AXE.run(clerk)
    assert results.violations_count == 0, describe(results.response["violations"])
