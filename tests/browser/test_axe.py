"""axe-core finds no accessibility violations on any public page of the demo."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from .pages import PAGES

pytestmark = pytest.mark.browser

AXE = Axe()


def describe(violations: list[dict]) -> str:
    """One line per offending element: rule id, impact, CSS target and the rule's help."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            rule = f"{violation['id']} ({violation['impact']})"
            lines.append(f"{rule}: {target} – {violation['help']}")
    return "\n".join(lines)


@pytest.mark.parametrize("url", list(PAGES))
def test_axe_finds_no_violations(live_demo, page: Page, url):
    response = page.goto(live_demo.url + url)
    assert response is not None and response.status == PAGES[url]
    results = AXE.run(page)
    violations = results.response["violations"]
    assert results.violations_count == 0, f"axe på {url}:\n{describe(violations)}"


def test_axe_finds_no_violations_on_a_person_page(live_demo, page: Page):
    # A person's address holds their database id, so it is reached the way a reader does.
    page.goto(live_demo.url + "/organ/ks/")
    page.get_by_role("link", name="Rebecka Hovenberg").first.click()
    page.wait_for_url("**/personer/**")
    results = AXE.run(page)
    assert results.violations_count == 0, describe(results.response["violations"])
