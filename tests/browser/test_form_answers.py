"""A refused form post answers 422 (common.views.FormAnswer): htmx must swap it in place, as
the htmx-config meta in base.html tells it to, so that the clerk sees the message and the input."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from decisions.models import Meeting
from organisation.models import Body

from .test_register_and_refer import clerk, log_in

pytestmark = pytest.mark.browser


def test_htmx_swaps_a_refused_form_with_its_message_and_input(live_demo, page: Page, problems):
    body = Body.objects.get(code="KS")
    Meeting.objects.create(body=body, date=datetime.date(2022, 4, 5))
    clerk("cecilia", "KS")
    log_in(page, live_demo.url, "cecilia")
    workspace = f"{live_demo.url}/arbetsyta/organ/ks/sammantraden/2022-04-05/"
    page.goto(workspace)

    with page.expect_response(lambda r: r.url.endswith("/dagordning/punkt/")) as answer:
        page.get_by_role("button", name="Lägg till punkten").click()
    assert answer.value.status == 422
    expect(page.get_by_text("Ange en rubrik för punkten.")).to_be_visible()
    assert page.url == workspace  # swapped in place, not a new page

    page.locator("form[action$='/dagordning/punkt/'] [name=title]").fill("Val av justerare")
    with page.expect_response(lambda r: r.url.endswith("/dagordning/punkt/")) as answer:
        page.get_by_role("button", name="Lägg till punkten").click()
    assert answer.value.status == 200
    expect(page.get_by_role("link", name="Val av justerare")).to_be_visible()
    # The browser reports the 422 in its console; nothing else may complain.
    assert [p for p in problems.all() if "status of 422" not in p] == []
