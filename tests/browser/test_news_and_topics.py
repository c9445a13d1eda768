"""Reading the news and a topic hub, following links between them, with axe checks."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser]


def test_reading_and_filtering_the_news(portal_server, page):
    page.goto(portal_server.url + "/")
    news_block = page.locator("section", has=page.locator("#latest-news-heading"))
    expect(news_block.get_by_text("Action required").first).to_be_visible()
    assert_accessible(page)

    news_block.get_by_role("link", name="See all news").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What's new")
    assert_accessible(page)
    page.get_by_role("checkbox", name="Only items where homes must act").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"action_required=yes"))
    expect(page.locator('meta[name="robots"]')).to_have_attribute(
        "content", "noindex, follow"
    )
    items = page.locator(".portal-news-item")
    expect(items.first).to_be_visible()
    for index in range(items.count()):
        expect(items.nth(index).get_by_text("Action required")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^RSS feed"))).to_have_attribute(
        "href", "/news/feed/?action_required=yes"
    )
    assert_accessible(page)

    page.get_by_role(
        "link", name="New safeguarding thresholds start next month"
    ).click()
    expect(page.get_by_text(re.compile("^Deadline:"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Safeguarding", exact=True).click()
    expect(page).to_have_url(re.compile(r"/topics/safeguarding/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding")


def test_reading_a_topic_hub(portal_server, page):
    page.goto(portal_server.url + "/topics/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Topics")
    assert_accessible(page)

    page.get_by_role("link", name="Dementia care", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dementia care")
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    for heading in (
        "Guides",
        "Training and support in the directory",
        "Upcoming events",
        "News",
    ):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"See all \d+ directory entries")).click()
    expect(page).to_have_url(re.compile(r"/directory/\?topic=dementia-care"))
    expect(
        page.get_by_role("checkbox", name=re.compile("^Dementia care"))
    ).to_be_checked()


def test_a_hub_on_a_phone(portal_server, phone_page):
    phone_page.goto(portal_server.url + "/topics/safeguarding/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Safeguarding")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    assert_accessible(phone_page)
