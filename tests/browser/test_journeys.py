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


def test_a_politician_finds_her_motion_by_her_name(live_demo, page: Page, problems):
    page.goto(live_demo.url + "/motioner/")
    page.get_by_label("Motionär").select_option(label="Ann-Charlott Bäckman")
    page.get_by_role("button", name="Visa motioner").click()
    expect(page).to_have_url(re.compile(r"motionar=\d+"))
    expect(page.get_by_role("heading", name="1 motion")).to_be_visible()
    page.get_by_role("link", name="KS 2020-493").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Motion om områdesbaserat socialt arbete i hela kommunen"
    )
    expect(page.get_by_text("Väntar på beslut i kommunfullmäktige").first).to_be_visible()
    expect(page.locator('[aria-current="step"]')).to_have_text("Förslag till beslut")
    assert problems.all() == []


def test_the_overdue_motions_are_one_click_away(live_demo, page: Page, problems):
    page.goto(live_demo.url + "/motioner/")
    page.get_by_label(re.compile("Mer än ett år utan beslut")).check()
    page.get_by_role("button", name="Visa motioner").click()
    expect(page).to_have_url(re.compile("forsenad=true"))
    # The two seed motions and the present-day demo's one past its year (portal.demo.stories).
    expect(page.get_by_role("heading", name="3 motioner")).to_be_visible()
    page.get_by_role("link", name="Obesvarade motioner (KL 5 kap. 35 §)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Obesvarade motioner")
    expect(page.get_by_role("link", name="KS 2019-295")).to_be_visible()
    assert problems.all() == []


def test_search_finds_the_decision_and_leads_to_it(live_demo, page: Page, problems):
    page.goto(live_demo.url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sök").click()
    page.get_by_role("searchbox").fill("områdesteam Berga")
    page.get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(re.compile(r"/sok/\?q="))
    expect(page.locator("mark").first).to_be_visible()
    page.get_by_role("link", name=re.compile("Kommunstyrelsen 2022-03-08 § 60")).click()
    expect(page).to_have_url(live_demo.url + "/organ/ks/2022/60/")
    assert problems.all() == []


def test_a_person_page_from_a_motion(live_demo, page: Page, problems):
    page.goto(live_demo.url + "/arenden/ks-2019-295/")
    page.get_by_role("link", name="Maria Moraes").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maria Moraes")
    expect(page.get_by_role("link", name="KS 2019-295")).to_be_visible()
    assert problems.all() == []
