"""A clerk registers a motion in the browser, refers it for yttrande, and the politician finds
it in the public register with its status; the other body's clerk then sees the remiss."""

import datetime

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from motions.models import Motion, Referral, Registry
from organisation.models import Body, ClerkAssignment

pytestmark = pytest.mark.browser

PASSWORD = "hemligt-lösen-1"


def clerk(username: str, code: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    start = datetime.date(2019, 1, 1)
    ClerkAssignment.objects.create(
        user=user, role="namndsekreterare", body=Body.objects.get(code=code), starts_on=start
    )
    ClerkAssignment.objects.create(
        user=user, role="registrator", registry=Registry.objects.get(code=code), starts_on=start
    )
    return user


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/konto/logga-in/")
    page.locator("[name=username]").fill(username)
    page.locator("[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("link", name="Min arbetsyta")).to_be_visible()


def test_register_a_motion_refer_it_and_find_it(live_demo, page: Page, problems):
    clerk("cecilia", "KS")
    clerk("johanna", "SON")
    base = live_demo.url
    log_in(page, base, "cecilia")
    page.get_by_role("link", name="Min arbetsyta").click()
    page.get_by_role("link", name="Registrera motion").click()

    page.locator("[name=title]").fill("Motion om fler parkbänkar")
    page.locator("[name=dated_on]").fill("2020-08-20")
    page.locator("[name=registered_on]").fill("2020-08-21")
    page.locator("[name=raised_at]").select_option(label="Kommunfullmäktige 2020-08-25")
    page.locator("[name=signers-0-person]").select_option(label="Ann-Charlott Bäckman")
    page.locator("[name=att-0-text]").fill("att kommunen ställer ut fler parkbänkar")
    expect(page.locator("[name=refer_to_board]")).not_to_be_checked()
    page.locator("[name=refer_to_board]").check()
    page.get_by_role("button", name="Registrera motionen").click()

    expect(page.locator(".messages")).to_contain_text("diarienummer")
    motion = Motion.objects.get(case__title="Motion om fler parkbänkar")
    expect(page.locator(".messages")).to_contain_text(motion.case.dnr)
    assert [s.party.abbreviation for s in motion.signers.all()] == ["S"]

    page.get_by_role("link", name="Skicka remiss").click()
    page.locator("[name=to_body]").select_option(label="Social- och omsorgsnämnden")
    page.locator("[name=sent_on]").fill("2020-08-28")
    page.locator("[name=due_on]").fill("2020-11-30")
    page.get_by_role("button", name="Skicka remissen").click()
    expect(page.locator(".messages")).to_contain_text("remitterat till social- och omsorgsnämnden")
    assert Referral.objects.filter(case=motion.case, to_body__code="SON").exists()

    page.goto(f"{base}/motioner/?q=parkbänkar")
    expect(page.locator("main")).to_contain_text("Motion om fler parkbänkar")
    expect(page.locator("main")).to_contain_text("Remitterad")

    page.get_by_role("button", name="Logga ut").click()
    log_in(page, base, "johanna")
    page.goto(f"{base}/arbetsyta/organ/son/remisser/")
    row = page.locator("tr", has_text=motion.case.dnr)
    expect(row).to_contain_text("försenad")
    assert problems.all() == []
