"""What a member of the public does in a real browser: follow a motion to the decision,
move by keyboard, read on a phone — without a console error or a CSP violation."""

import re

import pytest
from playwright.sync_api import Page, expect

from .pages import PAGES, PHONE

pytestmark = pytest.mark.browser

RESERVATION = (
    "Rebecka Hovenberg (MP) och Ann-Charlott Bäckman (S) reserverar sig mot beslutet till "
    "förmån för eget yrkande om bifall till motionen."
)


def test_from_the_start_page_to_the_reservation_in_ks_59(live_demo, page: Page, problems):
    page.goto(live_demo.url + "/")
    expect(page).to_have_title(re.compile("Start"))

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Motioner").click()
    expect(page).to_have_url(live_demo.url + "/motioner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Motioner")

    row = page.get_by_role("row").filter(has_text="Maria Moraes")
    row.get_by_role("link", name="KS 2019-295").click()
    expect(page).to_have_url(live_demo.url + "/arenden/ks-2019-295/")
    expect(page.get_by_text("Ligger nu hos kommunfullmäktige")).to_be_visible()

    timeline = page.locator(".timeline")
    timeline.get_by_role("link", name="Kommunstyrelsen 2022-03-08 § 59").click()
    expect(page).to_have_url(live_demo.url + "/organ/ks/2022/59/")
    expect(page.get_by_text(RESERVATION)).to_be_visible()

    assert problems.all() == []


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(live_demo, page: Page):
    page.goto(live_demo.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()  # it shows itself when focused

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "innehall"


@pytest.mark.parametrize("url", list(PAGES))
def test_every_page_fits_a_phone_without_console_errors(live_demo, page: Page, problems, url):
    page.set_viewport_size(PHONE)
    address = live_demo.url + url
    response = page.goto(address)
    assert response is not None and response.status == PAGES[url]
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], (
        f"{url} rullar i sidled vid {PHONE['width']} px: {widths}"
    )
    assert problems.all(not_found=address if PAGES[url] == 404 else "") == []
