"""Reading, printing and working through a guide's checklist, with axe checks."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]

CHECKLIST_GUIDE = "/guides/cqc-pre-inspection-checklist/"


def test_finding_and_reading_a_guide(portal_server, page):
    page.goto(portal_server.url + "/guides/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Best-practice guides")
    assert_accessible(page)
    page.get_by_role("checkbox", name=re.compile(r"^Nursing")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"home_type=nursing"))
    page.get_by_role(
        "link", name=re.compile("Residential, nursing and EMI care")
    ).click()
    expect(page.get_by_role("table")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Last reviewed:"))).to_be_visible()
    assert_accessible(page)


def test_ticking_the_checklist_is_remembered_in_this_browser(portal_server, page):
    page.goto(portal_server.url + CHECKLIST_GUIDE)
    checklist = page.locator("[data-checklist]").first
    boxes = checklist.get_by_role("checkbox")
    total = boxes.count()
    assert total >= 12
    progress = checklist.locator("[data-checklist-progress]")
    expect(progress).to_have_text(f"0 of {total} done")
    boxes.nth(0).check()
    boxes.nth(2).check()
    expect(progress).to_have_text(f"2 of {total} done")
    assert_accessible(page)
    page.reload()
    boxes = page.locator("[data-checklist]").first.get_by_role("checkbox")
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    expect(boxes.nth(2)).to_be_checked()

    # The printout leaves out the site's header and says what is done and not done.
    page.emulate_media(media="print")
    expect(page.locator("header.nhsuk-header")).to_be_hidden()
    before = "el => getComputedStyle(el, '::before').content"
    items = page.locator("[data-checklist]").first.locator("[data-checklist-item]")
    assert items.nth(0).evaluate(before) == '"Done: "'
    assert items.nth(1).evaluate(before) == '"Not done: "'
    page.emulate_media(media="screen")

    page.locator("[data-checklist]").first.get_by_role(
        "button", name="Clear all ticks"
    ).click()
    expect(page.locator("[data-checklist-progress]").first).to_have_text(
        f"0 of {total} done"
    )


def test_checklist_is_a_plain_list_without_javascript(portal_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_server.url + CHECKLIST_GUIDE)
    items = page.locator("[data-checklist] li")
    assert items.count() >= 12
    assert page.locator("[data-checklist] input").count() == 0
    context.close()


def test_guide_on_a_phone(portal_server, phone_page):
    phone_page.goto(portal_server.url + CHECKLIST_GUIDE)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)
