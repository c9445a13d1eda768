"""Finding training in the directory, as care home staff would, with axe checks."""

import re

import pytest
from playwright.sync_api import expect

from directory.models import Feedback
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def results_count(page):
    heading = page.locator("#results-heading").inner_text()
    return int(re.match(r"(\d+)", heading).group(1))


def test_searching_the_directory(portal_server, page):
    page.goto(portal_server.url + "/directory/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    total = results_count(page)
    assert total >= 60
    assert_accessible(page)
    page.get_by_label("Search the directory").fill("dementia")
    page.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_contain_text("for")
    assert 0 < results_count(page) < total
    expect(page.locator(".portal-results mark").first).to_be_visible()
    assert_accessible(page)


def test_filtering_by_home_type_and_topic_then_clearing(portal_server, page):
    page.goto(portal_server.url + "/directory/")
    total = results_count(page)
    page.get_by_role("checkbox", name=re.compile(r"^Nursing")).check()
    expect(page).to_have_url(re.compile(r"home_type=nursing"))
    nursing = results_count(page)
    assert 0 < nursing < total
    # Focus stays on the checkbox that was ticked, for keyboard users.
    expect(page.get_by_role("checkbox", name=re.compile(r"^Nursing"))).to_be_focused()
    page.get_by_role("checkbox", name=re.compile(r"^Dementia care")).check()
    expect(page).to_have_url(re.compile(r"topic=dementia-care"))
    both = results_count(page)
    assert 0 < both <= nursing
    expect(
        page.get_by_role("link", name=re.compile("Remove filter Home type"))
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Clear all filters").click()
    expect(page.locator("#results-heading")).to_have_text(
        re.compile(rf"^\s*{total} results")
    )


def test_filters_work_without_javascript(portal_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_server.url + "/directory/")
    page.get_by_role("checkbox", name=re.compile(r"^EMI")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"home_type=emi"))
    expect(
        page.get_by_role("link", name=re.compile("Remove filter Home type"))
    ).to_be_visible()
    context.close()


def test_paging_through_results(portal_server, page):
    page.goto(portal_server.url + "/directory/")
    first_title = page.locator(".portal-results__title").first.inner_text()
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator(".portal-results__title").first).not_to_have_text(first_title)
    assert_accessible(page)


def test_directory_on_a_phone(portal_server, phone_page):
    phone_page.goto(portal_server.url + "/directory/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)


def test_leaving_feedback_after_a_mistake(portal_server, page):
    page.goto(portal_server.url + "/directory/?kind=training")
    page.locator(".portal-results__title a").first.click()
    expect(page.get_by_role("heading", name="At a glance")).to_be_visible()
    assert_accessible(page)
    title = page.get_by_role("heading", level=1).inner_text()
    before = Feedback.objects.count()
    page.get_by_text(re.compile(r"^Leave feedback on this")).click()
    page.get_by_label("What was good, or what could be better?").fill(
        "Useful and short."
    )
    page.get_by_role("button", name="Send feedback").click()
    # The rating was missed: the error summary says so and the comment is kept.
    expect(page.get_by_role("alert")).to_contain_text("Choose a rating from 1 to 5")
    expect(page.get_by_label("What was good, or what could be better?")).to_have_value(
        "Useful and short."
    )
    assert_accessible(page)
    page.get_by_role("radio", name="4 - Good").check()
    page.get_by_label("Your role").select_option("nurse")
    page.get_by_label("The type of home you work in").select_option("nursing")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("will appear once it has been checked")).to_be_visible()
    assert Feedback.objects.count() == before + 1
    assert Feedback.objects.latest("created_at").entry.title == title
